import { useParams } from 'react-router';
import type { PublicResults } from '@shared/contracts/decisions';
import { PROVINCES } from '@shared/reference/provinces';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { formatBaht, formatDate, formatNumber, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { usePublicResults } from '../api';
import '../decisions.css';

function provinceNames(codes: number[], lang: 'th' | 'en'): string {
  return codes
    .map((code) => PROVINCES.find((p) => p.code === code))
    .filter((p) => p !== undefined)
    .map((p) => localName(p, lang))
    .join(', ');
}

function Results({ data }: { data: PublicResults }) {
  const { t, lang } = useI18n();
  const title = localText(data.call, 'title', lang);
  return (
    <>
      <PageHeader
        title={t('decisions.results.title')}
        eyebrow={<code>{data.call.code}</code>}
        intro={<p lang={title === data.call.titleTh ? 'th' : 'en'}>{title}</p>}
        back={{ to: `/calls/${data.call.id}`, label: t('decisions.results.backToCall') }}
      />
      <div className="container page-body dd-results">
        {!data.isPublished ? (
          <EmptyState>{t('decisions.results.notYet')}</EmptyState>
        ) : (
          <>
            <div className="dd-results__totals" data-testid="results-totals">
              <p className="dd-results__total">
                {t('decisions.results.total', {
                  count: formatNumber(data.awards.length, lang),
                  amount: formatBaht(data.totalAwardedSatang, lang),
                })}
              </p>
              <p className="dd-muted">
                {t('decisions.results.budget', { amount: formatBaht(data.call.totalBudgetSatang, lang) })}
                {data.releasedAt
                  ? ` · ${t('decisions.results.announcedAt', { date: formatDate(data.releasedAt, lang, 'long') })}`
                  : ''}
              </p>
            </div>
            <p>{t('decisions.results.intro')}</p>
            <ol
              className="dd-results__list"
              aria-label={t('decisions.results.caption')}
              data-testid="results-list"
            >
              {data.awards.map((a) => {
                const proposalTitle = localText(a, 'title', lang);
                const organisation =
                  lang === 'en' && a.organisationNameEn ? a.organisationNameEn : a.organisationNameTh;
                const provinces = provinceNames(a.provinceCodes, lang);
                return (
                  <li key={a.proposalId} className="dd-award" data-testid="results-row">
                    <div className="dd-award__main">
                      <h2 className="dd-award__title">{proposalTitle}</h2>
                      <p className="dd-award__org">{organisation}</p>
                      <dl className="dd-award__facts">
                        {a.receiptNumber ? (
                          <div>
                            <dt>{t('decisions.results.receipt')}</dt>
                            <dd>
                              <code>{a.receiptNumber}</code>
                            </dd>
                          </div>
                        ) : null}
                        {provinces ? (
                          <div>
                            <dt>{t('decisions.results.provinces')}</dt>
                            <dd>{provinces}</dd>
                          </div>
                        ) : null}
                      </dl>
                    </div>
                    <p className="dd-award__amount">
                      <span className="visually-hidden">{t('decisions.results.amount')}: </span>
                      {formatBaht(a.amountSatang, lang)}
                    </p>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </div>
    </>
  );
}

/** A call's public results: the awarded proposals with organisation, provinces and amount, and the total. */
export default function ResultsPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const results = usePublicResults(id);
  usePageTitle(t('decisions.results.title'));
  if (results.status === 'error') {
    return results.error.isNotFound || results.error.code === 'VALIDATION_FAILED' ? (
      <NotFoundState
        title={t('decisions.results.notFound')}
        text={t('decisions.results.notFoundText')}
        back={{ to: '/calls', label: t('calls.detail.backToList') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={results.error} onRetry={results.reload} />
      </div>
    );
  }
  if (results.status !== 'success') {
    return <LoadingState />;
  }
  return <Results data={results.data} />;
}
