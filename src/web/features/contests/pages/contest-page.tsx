import { Link, useParams } from 'react-router';
import type { ContestDetail, ContestEntry } from '@shared/contracts/contests';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { loginPath } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { formatDate, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { certificatePdfUrl, useContest, useEntries } from '../api';
import { ContestStatusBadge, EntryStatusBadge, entrantOf } from '../labels';
import '../contests.css';

function MyNominations({ contest }: { contest: ContestDetail }) {
  const { t, lang } = useI18n();
  const entries = useEntries(contest.id);
  if (entries.status !== 'success' || entries.data.length === 0) {
    return null;
  }
  const category = (e: ContestEntry) => contest.categories.find((c) => c.id === e.categoryId);
  return (
    <section className="ct-section" aria-labelledby="ct-mine">
      <h2 id="ct-mine">
        {contest.abilities.manage ? t('contests.detail.allEntries') : t('contests.detail.mine')}
      </h2>
      <ul className="ct-list">
        {entries.data.map((e) => {
          const c = category(e);
          return (
            <li key={e.id} className="ct-card" data-testid="my-entry">
              <div className="ct-badges">
                <EntryStatusBadge status={e.status} place={e.place} />
                {c ? <span className="ct-meta">{localName(c, lang)}</span> : null}
              </div>
              <h3>{localText(e, 'title', lang)}</h3>
              <p className="ct-meta">{entrantOf(e, lang)}</p>
              {e.certificateCode ? (
                <p className="ct-actions">
                  <a
                    className="button button--primary"
                    href={certificatePdfUrl(e.id, lang)}
                    data-testid="certificate-pdf"
                  >
                    {t('contests.detail.certificate')}
                  </a>
                  <Link to={`/contests/certificates/${e.certificateCode}`}>
                    {t('contests.detail.verifyCertificate')}
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** One contest: what it is, its award categories and their criteria, nominating, and the winners once announced. */
export default function ContestPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const contest = useContest(id);
  usePageTitle(
    contest.status === 'success' ? localText(contest.data, 'title', lang) : t('contests.list.title'),
  );
  if (contest.status === 'error') {
    return contest.error.isNotFound ? (
      <NotFoundState
        title={t('contests.detail.notFound')}
        text={t('contests.detail.notFoundText')}
        back={{ to: '/contests', label: t('contests.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={contest.error} onRetry={contest.reload} />
      </div>
    );
  }
  if (contest.status !== 'success') {
    return <LoadingState />;
  }
  const c = contest.data;
  const announced = c.status === 'announced' || c.status === 'archived';
  return (
    <>
      <PageHeader
        title={localText(c, 'title', lang)}
        eyebrow={
          <span className="ct-badges">
            <ContestStatusBadge status={c.status} />
            <span>{localName({ nameTh: c.programmeNameTh, nameEn: c.programmeNameEn }, lang)}</span>
          </span>
        }
        back={{ to: '/contests', label: t('contests.list.title') }}
        intro={localText(c, 'description', lang) ? <p>{localText(c, 'description', lang)}</p> : undefined}
      >
        <p className="ct-actions">
          {c.nominationsOpen ? (
            <Link
              className="button button--primary"
              to={me ? `/contests/${c.id}/nominate` : loginPath(`/contests/${c.id}/nominate`)}
              data-testid="nominate-link"
            >
              {t('contests.detail.nominate')}
            </Link>
          ) : null}
          {announced ? (
            <Link
              className="button button--primary"
              to={`/contests/${c.id}/winners`}
              data-testid="winners-link"
            >
              {t('contests.detail.winners')}
            </Link>
          ) : null}
          {c.abilities.manage ? (
            <Link className="button button--secondary" to={`/admin/contests/${c.id}`}>
              {t('contests.detail.manage')}
            </Link>
          ) : null}
          {c.abilities.judge ? (
            <Link className="button button--secondary" to={`/judging/${c.id}`}>
              {t('contests.detail.judge')}
            </Link>
          ) : null}
        </p>
      </PageHeader>
      <div className="container page-body">
        <dl className="ct-facts">
          <div>
            <dt>{t('contests.detail.nominationsOpen')}</dt>
            <dd>{formatDate(c.nominationsOpenAt, lang, 'dateTime')}</dd>
          </div>
          <div>
            <dt>{t('contests.detail.nominationsClose')}</dt>
            <dd>{formatDate(c.nominationsCloseAt, lang, 'dateTime')}</dd>
          </div>
          <div>
            <dt>{t('contests.detail.fiscalYear')}</dt>
            <dd>{lang === 'th' ? c.fiscalYear : c.fiscalYear - 543}</dd>
          </div>
        </dl>
        <section className="ct-section" aria-labelledby="ct-categories">
          <h2 id="ct-categories">{t('contests.detail.categories')}</h2>
          <ul className="ct-list">
            {c.categories.map((category) => (
              <li key={category.id} className="ct-card" data-testid="contest-category">
                <h3>{localName(category, lang)}</h3>
                {localText(category, 'description', lang) ? (
                  <p>{localText(category, 'description', lang)}</p>
                ) : null}
                <p className="ct-meta">{t('contests.detail.places', { count: category.places })}</p>
                <p className="ct-meta">{t('contests.detail.criteria')}</p>
                <ul className="ct-criteria">
                  {category.criteria.map((criterion) => (
                    <li key={criterion.id}>
                      {localName(criterion, lang)}{' '}
                      <span className="ct-muted">
                        {t('contests.detail.weight', { weight: criterion.weight })}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
        {me ? <MyNominations contest={c} /> : null}
      </div>
    </>
  );
}
