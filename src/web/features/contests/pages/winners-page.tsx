import { useParams } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { formatDate, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useWinners } from '../api';
import { entrantOf, useProvinceName } from '../labels';
import '../contests.css';

/** The public winners of an announced contest, by award category and place. */
export default function WinnersPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const provinceName = useProvinceName();
  const winners = useWinners(id);
  usePageTitle(
    winners.status === 'success'
      ? t('contests.winners.titleOf', { contest: localText(winners.data.contest, 'title', lang) })
      : t('contests.winners.title'),
  );
  if (winners.status === 'error') {
    return winners.error.isNotFound ? (
      <NotFoundState
        title={t('contests.winners.notYet')}
        text={t('contests.winners.notYetText')}
        back={{ to: id ? `/contests/${id}` : '/contests', label: t('contests.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={winners.error} onRetry={winners.reload} />
      </div>
    );
  }
  if (winners.status !== 'success') {
    return <LoadingState />;
  }
  const { contest, categories } = winners.data;
  return (
    <>
      <PageHeader
        title={t('contests.winners.title')}
        eyebrow={localText(contest, 'title', lang)}
        back={{ to: `/contests/${contest.id}`, label: localText(contest, 'title', lang) }}
        intro={
          contest.announcedAt ? (
            <p>
              {t('contests.winners.announcedAt', { date: formatDate(contest.announcedAt, lang, 'long') })}
            </p>
          ) : undefined
        }
      />
      <div className="container page-body" data-testid="winners">
        {categories.map((category) => (
          <section key={category.id} className="ct-section" aria-labelledby={`ct-cat-${category.id}`}>
            <h2 id={`ct-cat-${category.id}`}>{localName(category, lang)}</h2>
            {category.winners.length === 0 ? (
              <EmptyState>{t('contests.winners.none')}</EmptyState>
            ) : (
              <ol className="ct-list" aria-label={localName(category, lang)}>
                {category.winners.map((w) => (
                  <li key={w.entryId} className="ct-card ct-winner" data-testid="winner">
                    <span className={`ct-medal ct-medal--${w.place}`} aria-hidden="true">
                      {w.place}
                    </span>
                    <div>
                      <p className="ct-meta">{t('contests.place', { place: w.place })}</p>
                      <h3>{localText(w, 'title', lang)}</h3>
                      <p>{entrantOf(w, lang)}</p>
                      {w.provinceCode ? <p className="ct-meta">{provinceName(w.provinceCode)}</p> : null}
                      {localText(w, 'summary', lang) ? <p>{localText(w, 'summary', lang)}</p> : null}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
