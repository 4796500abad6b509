import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type {
  ContestCategory,
  ContestDetail,
  ContestEntry,
  ContestStatus,
  ContestTransition,
  RankingRow,
} from '@shared/contracts/contests';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireOfficer } from '@web/features/call-admin/components/require-officer';
import { toApiError } from '@web/lib/api';
import { formatDate, formatNumber, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import {
  certificatePdfUrl,
  contestsApi,
  useContest,
  useEntries,
  useJudgeCandidates,
  useJudges,
  useRanking,
} from '../api';
import { ContestStatusBadge, EntryStatusBadge, entrantOf } from '../labels';
import '@web/components/ui/form.css';
import '../contests.css';

/** The moves an officer can make from each status (the server's machine decides). */
const NEXT: Record<ContestStatus, ContestTransition[]> = {
  draft: ['open', 'archive'],
  open: ['start_judging'],
  judging: ['announce'],
  announced: ['archive'],
  archived: [],
};

/** Runs a command and reports its error in the catalogue's words (the server's localised message). */
function useCommand(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (command: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await command();
      onDone();
    } catch (caught) {
      setError(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function ErrorLine({ error, testId }: { error: string | null; testId?: string }) {
  return error ? (
    <p className="form-alert" role="alert" data-testid={testId}>
      {error}
    </p>
  ) : null;
}

function StatusActions({ contest, onChanged }: { contest: ContestDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { error, busy, run } = useCommand(onChanged);
  const moves = NEXT[contest.status];
  return (
    <section className="ct-section" aria-labelledby="ct-status">
      <h2 id="ct-status">{t('contests.admin.statusTitle')}</h2>
      <p>
        {t('contests.admin.statusNow')} <ContestStatusBadge status={contest.status} />
      </p>
      <p className="ct-muted">{t(`contests.admin.statusHelp.${contest.status}`)}</p>
      {moves.length > 0 ? (
        <p className="ct-actions">
          {moves.map((move) => (
            <button
              key={move}
              type="button"
              className={move === 'archive' ? 'button button--secondary' : 'button button--primary'}
              disabled={busy}
              data-testid={`contest-${move}`}
              onClick={() => {
                if (move === 'announce' && !window.confirm(t('contests.admin.confirmAnnounce'))) {
                  return;
                }
                void run(() => contestsApi.transition(contest.id, move));
              }}
            >
              {t(`contests.admin.transition.${move}`)}
            </button>
          ))}
        </p>
      ) : null}
      <ErrorLine error={error} testId="status-error" />
    </section>
  );
}

function EntriesSection({
  contest,
  entries,
  onChanged,
}: {
  contest: ContestDetail;
  entries: ContestEntry[];
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const { error, busy, run } = useCommand(onChanged);
  const canDecide = contest.status === 'open' || contest.status === 'judging';
  const categoryName = (id: string) => {
    const c = contest.categories.find((k) => k.id === id);
    return c ? localName(c, lang) : '';
  };
  return (
    <section className="ct-section" aria-labelledby="ct-entries">
      <h2 id="ct-entries">{t('contests.admin.entries', { count: entries.length })}</h2>
      {entries.length === 0 ? (
        <EmptyState>{t('contests.admin.noEntries')}</EmptyState>
      ) : (
        <div className="ct-table-wrap">
          <table className="data-table data-table--stack" data-testid="entries-table">
            <caption className="visually-hidden">{t('contests.admin.entriesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contests.admin.col.entry')}</th>
                <th scope="col">{t('contests.admin.col.category')}</th>
                <th scope="col">{t('contests.admin.col.kind')}</th>
                <th scope="col">{t('contests.admin.col.status')}</th>
                <th scope="col">{t('contests.admin.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="entry-row">
                  <td data-label={t('contests.admin.col.entry')}>
                    <strong>{localText(e, 'title', lang)}</strong>
                    <br />
                    <span className="ct-muted">{entrantOf(e, lang)}</span>
                  </td>
                  <td data-label={t('contests.admin.col.category')}>{categoryName(e.categoryId)}</td>
                  <td data-label={t('contests.admin.col.kind')}>{t(`contests.kind.${e.kind}`)}</td>
                  <td data-label={t('contests.admin.col.status')}>
                    <EntryStatusBadge status={e.status} place={e.place} />
                  </td>
                  <td data-label={t('contests.admin.col.actions')}>
                    <span className="ct-actions">
                      {canDecide && e.status !== 'accepted' && e.status !== 'winner' ? (
                        <button
                          type="button"
                          className="button button--secondary"
                          disabled={busy}
                          onClick={() => void run(() => contestsApi.decide(e, 'accept'))}
                          aria-label={t('contests.admin.acceptOf', { title: localText(e, 'title', lang) })}
                          data-testid="accept-entry"
                        >
                          {t('contests.admin.accept')}
                        </button>
                      ) : null}
                      {canDecide && e.status !== 'rejected' && e.status !== 'winner' ? (
                        <button
                          type="button"
                          className="button button--secondary"
                          disabled={busy}
                          onClick={() => void run(() => contestsApi.decide(e, 'reject'))}
                          aria-label={t('contests.admin.rejectOf', { title: localText(e, 'title', lang) })}
                        >
                          {t('contests.admin.reject')}
                        </button>
                      ) : null}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorLine error={error} />
    </section>
  );
}

function JudgesSection({ contest }: { contest: ContestDetail }) {
  const { t } = useI18n();
  const judges = useJudges(contest.id);
  const candidates = useJudgeCandidates(contest.id);
  const [chosen, setChosen] = useState('');
  const { error, busy, run } = useCommand(() => {
    judges.reload();
    setChosen('');
  });
  const editable = contest.status !== 'announced' && contest.status !== 'archived';
  const current = judges.status === 'success' ? judges.data : [];
  const available =
    candidates.status === 'success'
      ? candidates.data.filter((c) => !current.some((j) => j.judgeId === c.userId))
      : [];
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) {
      void run(() => contestsApi.addJudge(contest.id, chosen));
    }
  };
  return (
    <section className="ct-section" aria-labelledby="ct-judges">
      <h2 id="ct-judges">{t('contests.admin.judges')}</h2>
      {judges.status === 'error' ? (
        <ErrorState error={judges.error} onRetry={judges.reload} />
      ) : current.length === 0 ? (
        <EmptyState>{t('contests.admin.noJudges')}</EmptyState>
      ) : (
        <ul className="ct-list" data-testid="judges">
          {current.map((j) => (
            <li key={j.judgeId} className="ct-card">
              <h3>{j.name}</h3>
              <p className="ct-meta">{j.email}</p>
              <p className="ct-meta">
                {t('contests.admin.judgeProgress', { submitted: j.submitted, recused: j.recused })}
              </p>
              {editable ? (
                <p>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={busy}
                    onClick={() => void run(() => contestsApi.removeJudge(contest.id, j.judgeId))}
                    aria-label={t('contests.admin.removeJudgeOf', { name: j.name })}
                  >
                    {t('contests.admin.removeJudge')}
                  </button>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <form className="ct-inline-form ct-section" onSubmit={add}>
          <div className="field">
            <label htmlFor="ct-judge">{t('contests.admin.addJudgeLabel')}</label>
            <select
              id="ct-judge"
              value={chosen}
              onChange={(e) => setChosen(e.target.value)}
              data-testid="judge-select"
            >
              <option value="">{t('contests.admin.chooseJudge')}</option>
              {available.map((c) => (
                <option key={c.userId} value={c.userId}>
                  {c.name}
                  {c.email ? ` (${c.email})` : ''}
                </option>
              ))}
            </select>
          </div>
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || !chosen}
            data-testid="add-judge"
          >
            {t('contests.admin.addJudge')}
          </button>
        </form>
      ) : null}
      <ErrorLine error={error} />
    </section>
  );
}

const score = (value: number | null, lang: 'th' | 'en') =>
  value === null ? '–' : formatNumber(value, lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

function CategoryRanking({
  contest,
  category,
  rows,
  onChanged,
}: {
  contest: ContestDetail;
  category: ContestCategory;
  rows: RankingRow[];
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const [places, setPlaces] = useState<Record<string, string>>(() =>
    Object.fromEntries(rows.map((r) => [r.entryId, r.place ? String(r.place) : ''])),
  );
  const { error, busy, run } = useCommand(onChanged);
  const choosing = contest.status === 'judging';
  const save = () => {
    const winners = Object.entries(places)
      .filter(([, place]) => place !== '')
      .map(([entryId, place]) => ({ entryId, place: Number(place) }));
    void run(() => contestsApi.setWinners(contest.id, category.id, winners));
  };
  return (
    <div className="ct-section" data-testid="category-ranking">
      <h3>{localName(category, lang)}</h3>
      {rows.length === 0 ? (
        <EmptyState>{t('contests.admin.noAccepted')}</EmptyState>
      ) : (
        <div className="ct-table-wrap">
          <table className="data-table data-table--stack">
            <caption className="visually-hidden">
              {t('contests.admin.rankingOf', { name: localName(category, lang) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('contests.admin.col.rank')}</th>
                <th scope="col">{t('contests.admin.col.entry')}</th>
                <th scope="col" className="numeric">
                  {t('contests.admin.col.scores')}
                </th>
                <th scope="col" className="numeric">
                  {t('contests.admin.col.mean')}
                </th>
                <th scope="col" className="numeric">
                  {t('contests.admin.col.calibrated')}
                </th>
                <th scope="col" className="numeric">
                  {t('contests.admin.col.range')}
                </th>
                <th scope="col">{t('contests.admin.col.place')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.entryId} data-testid="ranking-row">
                  <td data-label={t('contests.admin.col.rank')}>{r.rank ?? '–'}</td>
                  <td data-label={t('contests.admin.col.entry')}>
                    <strong>{localText(r, 'title', lang)}</strong>
                    <br />
                    <span className="ct-muted">{r.entrantName}</span>
                  </td>
                  <td data-label={t('contests.admin.col.scores')} className="numeric">
                    {t('contests.admin.scoresCount', { submitted: r.submitted, recused: r.recused })}
                  </td>
                  <td data-label={t('contests.admin.col.mean')} className="numeric">
                    {score(r.meanScore, lang)}
                  </td>
                  <td data-label={t('contests.admin.col.calibrated')} className="numeric">
                    {score(r.calibrated, lang)}
                  </td>
                  <td data-label={t('contests.admin.col.range')} className="numeric">
                    {r.minScore === null ? '–' : `${score(r.minScore, lang)}–${score(r.maxScore, lang)}`}
                  </td>
                  <td data-label={t('contests.admin.col.place')}>
                    {choosing ? (
                      <select
                        aria-label={t('contests.admin.placeOf', { title: localText(r, 'title', lang) })}
                        value={places[r.entryId] ?? ''}
                        onChange={(e) => setPlaces({ ...places, [r.entryId]: e.target.value })}
                        data-testid="place-select"
                      >
                        <option value="">{t('contests.admin.noPlace')}</option>
                        {Array.from({ length: category.places }, (_, i) => (
                          <option key={i + 1} value={String(i + 1)}>
                            {t('contests.place', { place: i + 1 })}
                          </option>
                        ))}
                      </select>
                    ) : r.place ? (
                      t('contests.place', { place: r.place })
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {choosing && rows.length > 0 ? (
        <p className="ct-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={save}
            data-testid="save-winners"
          >
            {t('contests.admin.saveWinners')}
          </button>
        </p>
      ) : null}
      <ErrorLine error={error} testId="winners-error" />
    </div>
  );
}

function RankingSection({ contest, onChanged }: { contest: ContestDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const ranking = useRanking(contest.id);
  return (
    <section className="ct-section" aria-labelledby="ct-ranking">
      <h2 id="ct-ranking">{t('contests.admin.ranking')}</h2>
      <p className="ct-muted">{t('contests.admin.rankingHelp')}</p>
      {ranking.status === 'error' ? (
        <ErrorState error={ranking.error} onRetry={ranking.reload} />
      ) : ranking.status !== 'success' ? (
        <LoadingState />
      ) : (
        ranking.data.categories.map((c) => (
          <CategoryRanking
            key={`${c.category.id}:${c.rows.map((r) => `${r.entryId}${r.place ?? ''}`).join()}`}
            contest={contest}
            category={c.category}
            rows={c.rows}
            onChanged={() => {
              ranking.reload();
              onChanged();
            }}
          />
        ))
      )}
    </section>
  );
}

function CertificatesSection({ entries, onChanged }: { entries: ContestEntry[]; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { error, busy, run } = useCommand(() => {
    setRevoking(null);
    setReason('');
    onChanged();
  });
  const winners = entries.filter((e) => e.certificateCode);
  if (winners.length === 0) {
    return null;
  }
  return (
    <section className="ct-section" aria-labelledby="ct-certificates">
      <h2 id="ct-certificates">{t('contests.admin.certificates')}</h2>
      <ul className="ct-list">
        {winners.map((e) => (
          <li key={e.id} className="ct-card" data-testid="certificate-card">
            <h3>{localText(e, 'title', lang)}</h3>
            <p className="ct-meta">
              {entrantOf(e, lang)} · {t('contests.place', { place: e.place ?? 1 })}
            </p>
            <p>
              {t('contests.verify.code')}: <code>{e.certificateCode}</code>
            </p>
            <p className="ct-actions">
              <a className="button button--secondary" href={certificatePdfUrl(e.id, 'th')}>
                {t('contests.admin.pdfTh')}
              </a>
              <a className="button button--secondary" href={certificatePdfUrl(e.id, 'en')}>
                {t('contests.admin.pdfEn')}
              </a>
              <Link to={`/contests/certificates/${e.certificateCode ?? ''}`}>
                {t('contests.detail.verifyCertificate')}
              </Link>
              <button type="button" className="button button--danger" onClick={() => setRevoking(e.id)}>
                {t('contests.admin.revoke')}
              </button>
            </p>
            {revoking === e.id ? (
              <form
                className="ct-inline-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  void run(() => contestsApi.revokeCertificate(e.id, reason));
                }}
              >
                <div className="field">
                  <label htmlFor={`ct-revoke-${e.id}`}>{t('contests.admin.revokeReason')}</label>
                  <input
                    id={`ct-revoke-${e.id}`}
                    value={reason}
                    onChange={(ev) => setReason(ev.target.value)}
                    required
                  />
                </div>
                <button type="submit" className="button button--danger" disabled={busy || !reason.trim()}>
                  {t('contests.admin.revokeConfirm')}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
    </section>
  );
}

function ContestAdmin() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const contest = useContest(id);
  const entries = useEntries(id);
  usePageTitle(
    contest.status === 'success' ? localText(contest.data, 'title', lang) : t('contests.admin.title'),
  );
  if (contest.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={contest.error} onRetry={contest.reload} />
      </div>
    );
  }
  if (contest.status !== 'success') {
    return <LoadingState />;
  }
  const c = contest.data;
  const reload = () => {
    contest.reload();
    entries.reload();
  };
  const list = entries.status === 'success' ? entries.data : [];
  return (
    <>
      <PageHeader
        title={localText(c, 'title', lang)}
        eyebrow={
          <span className="ct-badges">
            <ContestStatusBadge status={c.status} />
            <code>
              {c.code}-{c.fiscalYear}
            </code>
          </span>
        }
        back={{ to: '/admin/contests', label: t('contests.admin.title') }}
        intro={
          <p>
            {t('contests.list.nominations', {
              from: formatDate(c.nominationsOpenAt, lang, 'dateTime'),
              to: formatDate(c.nominationsCloseAt, lang, 'dateTime'),
            })}
          </p>
        }
      >
        <p className="ct-actions">
          {c.abilities.manage ? (
            <Link
              className="button button--secondary"
              to={`/admin/contests/${c.id}/edit`}
              data-testid="edit-contest"
            >
              {t('contests.admin.edit')}
            </Link>
          ) : null}
          <Link className="button button--secondary" to={`/contests/${c.id}`}>
            {t('contests.admin.publicPage')}
          </Link>
        </p>
      </PageHeader>
      <div className="container page-body" data-testid="contest-admin">
        <StatusActions contest={c} onChanged={reload} />
        <EntriesSection contest={c} entries={list} onChanged={reload} />
        <JudgesSection contest={c} />
        {c.status === 'judging' || c.status === 'announced' || c.status === 'archived' ? (
          <RankingSection key={`${c.version}`} contest={c} onChanged={reload} />
        ) : null}
        <CertificatesSection entries={list} onChanged={reload} />
      </div>
    </>
  );
}

/** Officers run a contest: its status, the entries, the judges, the ranking and winners, the certificates. */
export default function ContestAdminPage() {
  return (
    <RequireOfficer>
      <ContestAdmin />
    </RequireOfficer>
  );
}
