import { useParams } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useStatementMatches } from '../api';
import { MatchList } from '../components/match-list';
import { provinceName, themeName } from '../labels';
import '../needs.css';

/** `/problem-statements/:id/matches`: diffusion-ready innovations ranked for a call's problem statement (staff). */
export default function StatementMatchesPage() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const matches = useStatementMatches(id);
  const target = matches.status === 'success' ? matches.data.target : null;
  const title = target ? (lang === 'en' && target.titleEn ? target.titleEn : target.titleTh) : '';
  usePageTitle(title ? `${t('needs.matches.title')}: ${title}` : t('needs.matches.title'));
  if (matches.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={matches.error} onRetry={matches.reload} />
      </div>
    );
  }
  if (matches.status !== 'success' || !target) {
    return <LoadingState />;
  }
  return (
    <>
      <PageHeader
        title={title}
        eyebrow={
          <span className="nd-eyebrow">
            <span>{t('needs.matches.forStatement')}</span>
            {target.theme ? <span>{themeName(target.theme, lang)}</span> : null}
            {target.provinceCode !== null ? <span>{provinceName(target.provinceCode, lang)}</span> : null}
          </span>
        }
        intro={<p>{t('needs.matches.intro')}</p>}
        back={{ to: '/admin/calls', label: t('calls.admin.nav') }}
      />
      <div className="container page-body nd-page">
        <h2 className="visually-hidden">{t('needs.matches.title')}</h2>
        <MatchList list={matches.data} />
      </div>
    </>
  );
}
