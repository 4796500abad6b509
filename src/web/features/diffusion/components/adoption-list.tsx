import { Link } from 'react-router';
import type { AdoptionSummary } from '@shared/contracts/diffusion';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { StatusLabel, adopterTypeText, siteText, titleIn } from '../labels';

/**
 * Adoption sites as a list of cards (they stack at phone width): site (with the village page when there is one),
 * adopter, status since when, people served; `showInnovation` names the innovation too (the overview).
 */
export function AdoptionList({
  adoptions,
  showInnovation = false,
}: {
  adoptions: AdoptionSummary[];
  showInnovation?: boolean;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  return (
    <ul className="df-list" data-testid="adoption-list">
      {adoptions.map((a) => (
        <li key={a.id} className="df-list__item" data-status={a.status}>
          <div className="df-list__main">
            {showInnovation ? <p className="df-list__innovation">{titleIn(a.innovation, lang)}</p> : null}
            <p className="df-list__site">
              <Link to={`/adoptions/${a.id}`} aria-label={t('diffusion.list.open', { name: a.adopterName })}>
                {a.adopterName}
              </Link>
            </p>
            <p className="df-muted">
              {adopterTypeText(a.adopterType, t)} ·{' '}
              {a.village ? (
                <Link to={`/villages/${a.village.id}`}>{siteText(a, i18n)}</Link>
              ) : (
                siteText(a, i18n)
              )}
            </p>
          </div>
          <div className="df-list__side">
            <StatusLabel status={a.status} />
            <p className="df-muted">
              {t('diffusion.list.since')} {formatDate(a.statusOn, lang)}
            </p>
            {a.beneficiaryTotal > 0 ? (
              <p className="df-muted">
                {t('diffusion.list.people', { count: formatNumber(a.beneficiaryTotal, lang) })}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
