import { useId, useState } from 'react';
import type { ReviewerListItem, ReviewerListQuery } from '@shared/contracts/reviewers';
import { PROVINCES } from '@shared/reference/provinces';
import { THEMES } from '@shared/reference/themes';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { toApiError } from '@web/lib/api';
import { localName } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { reviewersApi, useReviewerPool } from '../api';
import { themeNames } from '../labels';
import { InvitationBadge } from './badges';

const PROVINCES_BY_NAME = [...PROVINCES].sort((a, b) => a.nameTh.localeCompare(b.nameTh, 'th'));

/** An officer's quick change to a reviewer: the maximum load and whether they take assignments. */
function ReviewerEdit({ reviewer, onSaved }: { reviewer: ReviewerListItem; onSaved: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [maxLoad, setMaxLoad] = useState(String(reviewer.maxLoad));
  const [isActive, setIsActive] = useState(reviewer.isActive);
  const [error, setError] = useState<string | null>(null);
  return (
    <details className="rv-manual rv-pool__edit">
      <summary>{t('reviewers.admin.pool.edit')}</summary>
      <form
        className="rv-manual__form"
        onSubmit={(event) => {
          event.preventDefault();
          setError(null);
          reviewersApi
            .updateReviewer(reviewer.userId, {
              version: reviewer.version,
              maxLoad: Number(maxLoad),
              isActive,
            })
            .then(onSaved, (e: unknown) => setError(apiErrorText(toApiError(e), t)));
        }}
      >
        <div className="field form-field">
          <label htmlFor={`${id}-load`}>{t('reviewers.profile.maxLoad')}</label>
          <input
            id={`${id}-load`}
            type="number"
            min={0}
            max={200}
            inputMode="numeric"
            value={maxLoad}
            onChange={(e) => setMaxLoad(e.target.value)}
          />
        </div>
        <div className="form-check__row">
          <input
            id={`${id}-active`}
            type="checkbox"
            checked={isActive}
            onChange={(e) => setIsActive(e.target.checked)}
          />
          <label htmlFor={`${id}-active`}>{t('reviewers.profile.isActive')}</label>
        </div>
        {error ? <FormAlert>{error}</FormAlert> : null}
        <div className="button-row">
          <button type="submit" className="button button--secondary rv-small">
            {t('reviewers.admin.pool.saveReviewer')}
          </button>
        </div>
      </form>
    </details>
  );
}

/** The reviewer pool, searched by text and theme, with checkboxes to invite the chosen ones to the call. */
export function ReviewerPool({ callId, onInvited }: { callId: string; onInvited: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [query, setQuery] = useState<ReviewerListQuery>({ callId });
  const [text, setText] = useState('');
  const [theme, setTheme] = useState('');
  const [province, setProvince] = useState('');
  const pool = useReviewerPool(query);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: string | null; problems: string[] }>({
    ok: null,
    problems: [],
  });

  const toggle = (userId: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(userId)) {
        next.delete(userId);
      } else {
        next.add(userId);
      }
      return next;
    });

  const invite = async () => {
    setBusy(true);
    const names = new Map(pool.status === 'success' ? pool.data.map((r) => [r.userId, r.name]) : []);
    try {
      const result = await reviewersApi.invite(callId, { reviewerIds: [...chosen], message });
      setOutcome({
        ok:
          result.invited.length > 0
            ? t('reviewers.admin.pool.invited', { count: result.invited.length })
            : null,
        problems: result.failed.map((f) =>
          t('reviewers.admin.pool.failed', { name: names.get(f.id) ?? f.id, message: f.message }),
        ),
      });
      setChosen(new Set());
      setMessage('');
      pool.reload();
      onInvited();
    } catch (error) {
      setOutcome({ ok: null, problems: [apiErrorText(toApiError(error), t)] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="rv-pool" data-testid="reviewer-pool">
      <form
        className="rv-pool__search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery({
            callId,
            ...(text.trim() ? { search: text.trim() } : {}),
            ...(theme ? { theme: theme as ReviewerListQuery['theme'] } : {}),
            ...(province ? { province: Number(province) } : {}),
          });
        }}
      >
        <div className="field form-field">
          <label htmlFor={`${id}-q`}>{t('reviewers.admin.pool.search')}</label>
          <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field form-field">
          <label htmlFor={`${id}-theme`}>{t('reviewers.admin.pool.theme')}</label>
          <select id={`${id}-theme`} value={theme} onChange={(e) => setTheme(e.target.value)}>
            <option value="">{t('reviewers.admin.pool.any')}</option>
            {THEMES.map((th) => (
              <option key={th.code} value={th.code}>
                {localName(th, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="field form-field">
          <label htmlFor={`${id}-province`}>{t('reviewers.admin.pool.province')}</label>
          <select id={`${id}-province`} value={province} onChange={(e) => setProvince(e.target.value)}>
            <option value="">{t('reviewers.admin.pool.any')}</option>
            {PROVINCES_BY_NAME.map((p) => (
              <option key={p.code} value={String(p.code)}>
                {localName(p, lang)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('reviewers.admin.pool.searchButton')}
        </button>
      </form>

      {pool.status === 'loading' || pool.status === 'idle' ? <LoadingState /> : null}
      {pool.status === 'error' ? <ErrorState error={pool.error} onRetry={pool.reload} /> : null}
      {pool.status === 'success' && pool.data.length === 0 ? (
        <EmptyState>{t('reviewers.admin.pool.empty')}</EmptyState>
      ) : null}
      {pool.status === 'success' && pool.data.length > 0 ? (
        <ul className="rv-pool__list">
          {pool.data.map((r) => {
            const invitable = r.invitationStatus === null || r.invitationStatus === 'declined';
            return (
              <li key={r.userId} className="rv-pool__item" data-testid="pool-item">
                <input
                  id={`${id}-${r.userId}`}
                  type="checkbox"
                  checked={chosen.has(r.userId)}
                  disabled={!invitable}
                  onChange={() => toggle(r.userId)}
                  aria-label={t('reviewers.admin.pool.select', { name: r.name })}
                />
                <label htmlFor={`${id}-${r.userId}`} className="rv-pool__who">
                  <strong>{r.name}</strong>
                  <span className="ca-muted">
                    {[r.affiliation, themeNames(r.themes, lang)].filter(Boolean).join(' · ')}
                  </span>
                  <span className="ca-muted">
                    {t('reviewers.admin.pool.load', { load: r.activeLoad, max: r.maxLoad })}
                    {r.conflictCount > 0
                      ? ` · ${t('reviewers.admin.pool.conflicts', { count: r.conflictCount })}`
                      : ''}
                    {!r.isActive ? ` · ${t('reviewers.admin.pool.inactive')}` : ''}
                  </span>
                </label>
                <InvitationBadge status={r.invitationStatus} />
                <ReviewerEdit key={r.version} reviewer={r} onSaved={pool.reload} />
              </li>
            );
          })}
        </ul>
      ) : null}

      <div className="field form-field form-textarea">
        <label htmlFor={`${id}-message`}>{t('reviewers.admin.pool.message')}</label>
        <textarea
          id={`${id}-message`}
          rows={2}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
      {outcome.ok ? <FormSuccess>{outcome.ok}</FormSuccess> : null}
      {outcome.problems.length > 0 ? (
        <FormAlert>
          <ul>
            {outcome.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </FormAlert>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || chosen.size === 0}
          onClick={() => void invite()}
          data-testid="invite-reviewers"
        >
          {busy
            ? t('reviewers.admin.pool.inviting')
            : t('reviewers.admin.pool.invite', { count: chosen.size })}
        </button>
      </div>
    </div>
  );
}
