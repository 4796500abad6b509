import { useId } from 'react';
import {
  OPEN_DATA_API_VERSION,
  OPEN_DATA_BASE_PATH,
  OPEN_DATA_LICENCE,
  OPEN_DATA_LIMITS,
  OPEN_DATASETS,
  type OpenDatasetSummary,
} from '@shared/contracts/open-data';
import { ExternalLink } from '@web/components/ui/external-link';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { useMetaDescription, usePageTitle } from '@web/lib/page-title';
import { useOpenCatalogue } from '../api';
import '../open-data.css';

/** The text of a dataset's title or description in the interface's language. */
function local(item: { titleTh: string; titleEn: string }, lang: string): string {
  return lang === 'en' ? item.titleEn : item.titleTh;
}

function Dictionary({ name, title }: { name: OpenDatasetSummary['name']; title: string }) {
  const { t, lang } = useI18n();
  const fields = OPEN_DATASETS.find((d) => d.name === name)?.fields ?? [];
  return (
    <details className="open-data__dictionary">
      <summary>{t('openData.datasets.dictionary', { count: fields.length })}</summary>
      <div className="open-data__table-wrap">
        <table className="data-table data-table--stack">
          <caption className="visually-hidden">
            {t('openData.datasets.dictionaryCaption', { name: title })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('openData.datasets.field')}</th>
              <th scope="col">{t('openData.datasets.type')}</th>
              <th scope="col">{t('openData.datasets.description')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.name}>
                <th scope="row" data-label={t('openData.datasets.field')}>
                  <code lang="en">{f.name}</code>
                </th>
                <td data-label={t('openData.datasets.type')}>
                  {/* one child: the stacked (mobile) table lays a cell's children out as grid columns */}
                  <span>
                    {t(`openData.types.${f.type}`)}
                    {f.nullable ? (
                      <span className="open-data__nullable"> · {t('openData.datasets.mayBeEmpty')}</span>
                    ) : null}
                  </span>
                </td>
                <td data-label={t('openData.datasets.description')}>
                  {lang === 'en' ? f.descriptionEn : f.descriptionTh}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function DatasetCard({ dataset }: { dataset: OpenDatasetSummary }) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const title = local(dataset, lang);
  return (
    <li>
      <article className="card open-data__dataset" aria-labelledby={headingId}>
        <h3 id={headingId}>{title}</h3>
        <p className="open-data__description">
          {lang === 'en' ? dataset.descriptionEn : dataset.descriptionTh}
        </p>
        <dl className="open-data__facts">
          <div>
            <dt>{t('openData.datasets.records')}</dt>
            <dd>{formatNumber(dataset.recordCount, lang)}</dd>
          </div>
          <div>
            <dt>{t('openData.datasets.updated')}</dt>
            <dd>
              {dataset.updatedAt ? formatDate(dataset.updatedAt, lang) : t('openData.datasets.notUpdated')}
            </dd>
          </div>
          <div>
            <dt>{t('openData.datasets.version')}</dt>
            <dd lang="en">
              {OPEN_DATA_API_VERSION}/{dataset.version}
            </dd>
          </div>
        </dl>
        <p className="open-data__downloads">
          <a className="button button--primary" href={dataset.links.csv} download>
            {t('openData.datasets.downloadCsv')}
            <span className="visually-hidden"> {t('openData.datasets.ofDataset', { name: title })}</span>
          </a>
          <a className="button button--secondary" href={dataset.links.json} download>
            {t('openData.datasets.downloadJson')}
            <span className="visually-hidden"> {t('openData.datasets.ofDataset', { name: title })}</span>
          </a>
          <a className="open-data__api-link" href={dataset.links.records}>
            {t('openData.datasets.api')}
            <span className="visually-hidden"> {t('openData.datasets.ofDataset', { name: title })}</span>
          </a>
        </p>
        <Dictionary name={dataset.name} title={title} />
      </article>
    </li>
  );
}

function ApiSection() {
  const { t } = useI18n();
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const base = `${origin}${OPEN_DATA_BASE_PATH}`;
  const examples = [
    { label: t('openData.api.exampleCatalogue'), code: `curl ${base}/datasets` },
    { label: t('openData.api.examplePage'), code: `curl "${base}/datasets/awards?page=2&pageSize=100"` },
    { label: t('openData.api.exampleDictionary'), code: `curl ${base}/datasets/projects/dictionary` },
    {
      label: t('openData.api.examplePandas'),
      code: `import pandas as pd\nprojects = pd.read_csv("${base}/datasets/projects.csv", skiprows=2)`,
    },
  ];
  return (
    <section className="section" aria-labelledby="open-data-api">
      <h2 id="open-data-api">{t('openData.api.heading')}</h2>
      <p className="section__intro">
        {t('openData.api.intro', { version: OPEN_DATA_API_VERSION })}{' '}
        <a href="/api/docs#/open-data">{t('openData.api.docs')}</a>
      </p>
      <ul className="open-data__notes">
        <li>
          {t('openData.api.paging', {
            max: OPEN_DATA_LIMITS.pageSizeMax,
            default: OPEN_DATA_LIMITS.pageSizeDefault,
          })}
        </li>
        <li>{t('openData.api.rateLimit', { count: OPEN_DATA_LIMITS.requestsPerMinute })}</li>
        <li>{t('openData.api.csvNote')}</li>
        <li>{t('openData.api.jsonNote')}</li>
      </ul>
      <h3>{t('openData.api.examplesHeading')}</h3>
      <dl className="open-data__examples">
        {examples.map((example) => (
          <div key={example.label}>
            <dt>{example.label}</dt>
            <dd>
              <pre lang="en" tabIndex={0}>
                <code>{example.code}</code>
              </pre>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Open data: datasets with descriptions, counts, licence, dictionary tables, download links and API examples. */
export default function OpenDataPage() {
  const { t, lang } = useI18n();
  usePageTitle(t('openData.title'));
  useMetaDescription(t('openData.metaDescription'));
  const catalogue = useOpenCatalogue();
  const attribution = lang === 'en' ? OPEN_DATA_LICENCE.attributionEn : OPEN_DATA_LICENCE.attributionTh;

  return (
    <>
      <PageHeader title={t('openData.title')} intro={<p>{t('openData.intro')}</p>} />
      <div className="container page-body">
        <section className="section open-data__licence" aria-labelledby="open-data-licence">
          <h2 id="open-data-licence">{t('openData.licence.heading')}</h2>
          <p>{t('openData.licence.text', { licence: OPEN_DATA_LICENCE.name })}</p>
          <figure className="open-data__attribution">
            <figcaption>{t('openData.licence.attributionLabel')}</figcaption>
            <blockquote>
              <p>{attribution}</p>
            </blockquote>
          </figure>
          <p>
            <ExternalLink href={OPEN_DATA_LICENCE.url}>{t('openData.licence.read')}</ExternalLink>
          </p>
          <p className="open-data__privacy">{t('openData.noPersonalData')}</p>
        </section>

        <section className="section" aria-labelledby="open-data-datasets">
          <h2 id="open-data-datasets">{t('openData.datasets.heading')}</h2>
          <p className="section__intro">{t('openData.datasets.intro')}</p>
          {catalogue.status === 'error' ? (
            <ErrorState error={catalogue.error} onRetry={catalogue.reload} />
          ) : catalogue.status !== 'success' ? (
            <LoadingState />
          ) : catalogue.data.datasets.length === 0 ? (
            <EmptyState>{t('openData.datasets.empty')}</EmptyState>
          ) : (
            <ul className="open-data__datasets">
              {catalogue.data.datasets.map((dataset) => (
                <DatasetCard key={dataset.name} dataset={dataset} />
              ))}
            </ul>
          )}
        </section>

        <ApiSection />
      </div>
    </>
  );
}
