import { Link } from 'react-router';
import type { UnitSummary } from '@shared/contracts/driving-units';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useUnitDirectory } from '../api';
import { regionName } from '../labels';
import '../units.css';

const KINDS: ReadonlyArray<UnitSummary['kind']> = ['area_based', 'entrepreneurs_youth'];

function UnitCard({ unit }: { unit: UnitSummary }) {
  const { t, lang } = useI18n();
  const host = localText(unit, 'hostName', lang);
  const region = regionName(unit.regionCode, lang);
  return (
    <article className="card un-card" data-testid="un-card">
      <h3>
        <Link className="card__link" to={`/units/${unit.id}`}>
          {localName(unit, lang)}
        </Link>
      </h3>
      {host ? <p className="un-muted">{t('units.directory.hostedBy', { name: host })}</p> : null}
      <p className="un-card__facts">
        {region ? <span>{region}</span> : null}
        {unit.provinceCodes.length > 0 ? (
          <span>{t('units.directory.provinces', { count: unit.provinceCodes.length })}</span>
        ) : null}
      </p>
      <p className="card__more">
        {unit.upcomingActivityCount > 0
          ? t('units.directory.upcoming', { count: unit.upcomingActivityCount })
          : t('units.directory.noUpcoming')}
      </p>
    </article>
  );
}

/** The public directory of driving units, by kind. */
export default function UnitsPage() {
  const { t } = useI18n();
  usePageTitle(t('units.directory.title'));
  const units = useUnitDirectory();

  return (
    <>
      <PageHeader title={t('units.directory.title')} intro={<p>{t('units.directory.intro')}</p>} />
      <div className="container page-body un-page">
        {units.status === 'error' ? <ErrorState error={units.error} onRetry={units.reload} /> : null}
        {units.status === 'loading' || units.status === 'idle' ? <LoadingState /> : null}
        {units.status === 'success' && units.data.length === 0 ? (
          <EmptyState>{t('units.directory.empty')}</EmptyState>
        ) : null}
        {units.status === 'success'
          ? KINDS.map((kind) => {
              const ofKind = units.data.filter((u) => u.kind === kind);
              if (ofKind.length === 0) {
                return null;
              }
              return (
                <section key={kind} className="un-section" aria-labelledby={`un-kind-${kind}`}>
                  <h2 id={`un-kind-${kind}`}>{t(`units.kind.${kind}`)}</h2>
                  <ul className="card-grid">
                    {ofKind.map((unit) => (
                      <li key={unit.id}>
                        <UnitCard unit={unit} />
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })
          : null}
      </div>
    </>
  );
}
