import { Link, useParams } from 'react-router';
import type { Resource } from '@shared/contracts/knowledge';
import { THEMES } from '@shared/reference/themes';
import { Badge } from '@web/components/ui/badge';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { downloadHref, openHref, sizeText, useResource } from '../api';
import '../knowledge.css';

function ResourceView({ resource, onDownloaded }: { resource: Resource; onDownloaded: () => void }) {
  const { t, lang } = useI18n();
  const title = lang === 'en' && resource.titleEn ? resource.titleEn : resource.titleTh;
  const summary = lang === 'en' && resource.summaryEn ? resource.summaryEn : resource.summaryTh;
  usePageTitle(title);
  // The count changes on the server when the download starts; read it again shortly after.
  const refreshSoon = () => window.setTimeout(onDownloaded, 1500);
  return (
    <>
      <PageHeader
        title={title}
        back={{ to: '/knowledge', label: t('network.resource.back') }}
        eyebrow={
          <>
            {t(`network.knowledgeKind.${resource.kind}`)}
            {resource.status === 'draft' ? (
              <>
                {' '}
                <Badge tone="accent">{t('network.status.draft')}</Badge>
              </>
            ) : null}
          </>
        }
        intro={summary ? <p className="kn-prewrap">{summary}</p> : undefined}
      >
        <p className="kn-header-links">
          {resource.file ? (
            <a
              href={downloadHref(resource.id)}
              className="button button--primary"
              download={resource.file.fileName}
              onClick={refreshSoon}
              data-testid="resource-download"
            >
              {t('network.resource.download', { size: sizeText(resource.file.sizeBytes) })}
            </a>
          ) : null}
          {resource.externalUrl ? (
            <a
              href={openHref(resource.id)}
              className={resource.file ? 'button button--secondary' : 'button button--primary'}
              target="_blank"
              rel="noopener noreferrer"
              onClick={refreshSoon}
            >
              {t('network.resource.open')}
            </a>
          ) : null}
          {resource.abilities.manage ? (
            <Link to={`/admin/knowledge/${resource.id}`} className="button button--secondary">
              {t('network.resource.edit')}
            </Link>
          ) : null}
        </p>
      </PageHeader>
      <div className="container page-body kn-page">
        {resource.status === 'draft' ? <p className="kn-note">{t('network.resource.draftNotice')}</p> : null}
        <dl className="kn-facts">
          <div>
            <dt>{t('network.resource.themes')}</dt>
            <dd>
              {resource.themes
                .map((code) => THEMES.find((x) => x.code === code))
                .map((theme) => (theme ? (lang === 'en' ? theme.nameEn : theme.nameTh) : ''))
                .join(', ') || '–'}
            </dd>
          </div>
          <div>
            <dt>{t('network.resource.audiences')}</dt>
            <dd>{resource.audiences.map((a) => t(`network.audience.${a}`)).join(', ') || '–'}</dd>
          </div>
          <div>
            <dt>{t('network.resource.language')}</dt>
            <dd>{t(`network.language.${resource.language}`)}</dd>
          </div>
          {resource.drivingUnit ? (
            <div>
              <dt>{t('network.resource.unit')}</dt>
              <dd>
                {lang === 'en' && resource.drivingUnit.nameEn
                  ? resource.drivingUnit.nameEn
                  : resource.drivingUnit.nameTh}
              </dd>
            </div>
          ) : null}
          {resource.publishedAt ? (
            <div>
              <dt>{t('network.status.published')}</dt>
              <dd>{formatDate(resource.publishedAt, lang, 'long')}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('network.manage.col.downloads')}</dt>
            <dd data-testid="resource-download-count">
              {t('network.resource.downloads', { count: formatNumber(resource.downloadCount, lang) })}
            </dd>
          </div>
        </dl>
      </div>
    </>
  );
}

/** `/knowledge/:id`: a library resource with its download (counted) or link. */
export default function ResourcePage() {
  const { id } = useParams();
  const resource = useResource(id);
  if (resource.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={resource.error} onRetry={resource.reload} />
      </div>
    );
  }
  if (resource.status !== 'success') {
    return <LoadingState />;
  }
  return <ResourceView resource={resource.data} onDownloaded={resource.reload} />;
}
