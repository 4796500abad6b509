import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AdoptionDetail } from '@shared/contracts/diffusion';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { formatBaht, formatDate, formatNumber, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useAdoption } from '../api';
import { StatusDialog } from '../components/status-dialog';
import { UpdateForm } from '../components/update-form';
import { UpdateList } from '../components/update-list';
import { StatusLabel, adopterTypeText, provinceName, siteText, titleIn } from '../labels';
import { useMetaDescription } from '@web/lib/page-title';
import '@web/components/ui/form.css';
import '../diffusion.css';

function AdoptionView({ adoption, reload }: { adoption: AdoptionDetail; reload: () => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const innovationTitle = titleIn(adoption.innovation, lang);
  const site = siteText(adoption, i18n);
  const title = t('diffusion.adoption.title', { innovation: innovationTitle, site: adoption.adopterName });
  usePageTitle(title);
  useMetaDescription(
    `${innovationTitle} · ${adoption.adopterName} · ${site} · ${t(`diffusion.status.${adoption.status}`)}`,
  );
  const adaptations = localText(adoption, 'adaptations', lang);

  return (
    <>
      <PageHeader
        title={title}
        eyebrow={t('diffusion.adoption.eyebrow')}
        back={{ to: `/innovations/${adoption.innovation.id}`, label: innovationTitle }}
      >
        <p className="df-actions">
          <StatusLabel status={adoption.status} />
          <span className="df-muted">{formatDate(adoption.statusOn, lang, 'long')}</span>
        </p>
      </PageHeader>
      <div className="container page-body df-page" data-testid="adoption-page">
        {adoption.canManage ? (
          <p className="df-actions">
            <StatusDialog adoption={adoption} onChanged={reload} onStale={reload} />
            <Link
              className="button button--secondary"
              to={`/adoptions/${adoption.id}/edit`}
              data-testid="adoption-edit"
            >
              {t('diffusion.adoption.edit')}
            </Link>
          </p>
        ) : null}
        <div className="df-columns">
          <section aria-labelledby="df-details-title" className="df-card">
            <h2 id="df-details-title">{t('diffusion.adoption.details')}</h2>
            <dl className="df-facts">
              <div>
                <dt>{t('diffusion.adoption.site')}</dt>
                <dd>
                  {adoption.village ? <Link to={`/villages/${adoption.village.id}`}>{site}</Link> : site}
                </dd>
              </div>
              <div>
                <dt>{t('diffusion.adoption.adopter')}</dt>
                <dd>{adoption.adopterName}</dd>
              </div>
              <div>
                <dt>{t('diffusion.adoption.adopterType')}</dt>
                <dd>{adopterTypeText(adoption.adopterType, t)}</dd>
              </div>
              {adoption.diffusionPartner ? (
                <div>
                  <dt>{t('diffusion.adoption.partner')}</dt>
                  <dd>
                    {adoption.diffusionPartner.id ? (
                      <Link to={`/network/partners/${adoption.diffusionPartner.id}`}>
                        {lang === 'en' && adoption.diffusionPartner.nameEn
                          ? adoption.diffusionPartner.nameEn
                          : adoption.diffusionPartner.nameTh}
                      </Link>
                    ) : (
                      adoption.diffusionPartner.nameTh
                    )}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{t('diffusion.adoption.source')}</dt>
                <dd>
                  {adoption.source ? (
                    <Link to={`/adoptions/${adoption.source.id}`}>
                      {adoption.source.adopterName} ({provinceName(adoption.source.provinceCode, lang)})
                    </Link>
                  ) : (
                    t('diffusion.adoption.fromOrigin')
                  )}
                </dd>
              </div>
              {adoption.localFundingSatang > 0 ? (
                <div>
                  <dt>{t('diffusion.adoption.funding')}</dt>
                  <dd>
                    {formatBaht(adoption.localFundingSatang, lang)}
                    {adoption.localFundingSource ? ` · ${adoption.localFundingSource}` : ''}
                  </dd>
                </div>
              ) : null}
              {adoption.status === 'discontinued' ? (
                <div>
                  <dt>{t('diffusion.adoption.discontinuedReason')}</dt>
                  <dd className="df-prewrap">{adoption.discontinuedReason}</dd>
                </div>
              ) : null}
            </dl>
            {adaptations ? (
              <>
                <h3>{t('diffusion.adoption.adaptations')}</h3>
                <p className="df-prewrap">{adaptations}</p>
              </>
            ) : null}
            {adoption.beneficiaries.length > 0 ? (
              <>
                <h3>{t('diffusion.adoption.beneficiaries')}</h3>
                <ul className="df-groups">
                  {adoption.beneficiaries.map((b) => (
                    <li key={b.group}>
                      <span>{t(`diffusion.beneficiaryGroup.${b.group}`)}</span>{' '}
                      <strong>{formatNumber(b.count, lang)}</strong>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <section aria-labelledby="df-timeline-title" className="df-card">
            <h2 id="df-timeline-title">{t('diffusion.adoption.timeline')}</h2>
            <ol className="df-timeline" data-testid="adoption-timeline">
              {adoption.events.map((e) => (
                <li key={e.id} className="df-timeline__step" data-status={e.toStatus}>
                  <StatusLabel status={e.toStatus} />
                  <time dateTime={e.occurredOn} className="df-muted">
                    {formatDate(e.occurredOn, lang, 'long')}
                  </time>
                  {e.note ? <p className="df-prewrap">{e.note}</p> : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <section aria-labelledby="df-updates-title">
          <h2 id="df-updates-title">{t('diffusion.adoption.updates')}</h2>
          {adoption.canManage ? <UpdateForm adoptionId={adoption.id} onPosted={reload} /> : null}
          <UpdateList updates={adoption.updates} empty={t('diffusion.adoption.noUpdates')} />
        </section>
      </div>
    </>
  );
}

/** `/adoptions/:id`: an adoption's details, status timeline (with the status dialog) and updates. */
export default function AdoptionPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const adoption = useAdoption(id);
  // While a change reloads it, the page keeps showing what it had (no flash; focus stays put).
  const [last, setLast] = useState<AdoptionDetail | null>(null);
  if (adoption.status === 'success' && last !== adoption.data) {
    setLast(adoption.data);
  }
  const shown = adoption.status === 'success' ? adoption.data : last?.id === id ? last : null;
  if (adoption.status === 'error') {
    return adoption.error.status === 404 ? (
      <NotFoundState
        title={t('common.notFoundTitle')}
        text={t('common.notFoundText')}
        back={{ to: '/diffusion', label: t('diffusion.overview.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={adoption.error} onRetry={adoption.reload} />
      </div>
    );
  }
  if (!shown) {
    return <LoadingState />;
  }
  return <AdoptionView adoption={shown} reload={adoption.reload} />;
}
