import { useEffect, useId, useRef, useState } from 'react';
import type { ProblemStatement } from '@shared/contracts/calls';
import { ORGANISATION_LOOKUP_LIMIT, type Organisation } from '@shared/contracts/organisations';
import type { OrganisationRef } from '@shared/contracts/proposals';
import { ORGANISATION_TYPES } from '@shared/reference/organisation-types';
import type { Language } from '@shared/i18n/index';
import { domIdOf } from '@web/components/form-renderer/issues';
import { provinceName } from '@web/components/form-renderer/area-question';
import { describedBy, FieldError } from '@web/components/ui/form';
import { apiGet, withQuery } from '@web/lib/api';
import { localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import type { Draft } from '../autosave';

/** As many co-applicants as a proposal may name (`coApplicantIds` in SaveProposalBodySchema). */
const MAX_CO_APPLICANTS = 20;
/** The lookup runs once typing has paused this long, and only for at least this many characters. */
const SEARCH_DELAY_MS = 300;
const SEARCH_MIN_CHARS = 2;
const SEARCH_MAX_CHARS = 100;

function lookupOrganisations(q: string, signal: AbortSignal): Promise<OrganisationRef[]> {
  return apiGet<OrganisationRef[]>(withQuery('/api/organisations/lookup', { q }), { signal });
}

function orgName(org: Pick<OrganisationRef, 'nameTh' | 'nameEn'>, lang: Language): string {
  return lang === 'en' ? org.nameEn || org.nameTh : org.nameTh;
}

/** "Ban Na Pho Weaving · Community enterprise · Nan": what tells two similar names apart. */
function orgFacts(org: OrganisationRef, lang: Language): string {
  const type = ORGANISATION_TYPES.find((o) => o.code === org.type);
  const other = lang === 'en' ? (org.nameEn ? org.nameTh : null) : org.nameEn;
  return [
    other,
    type ? localName(type, lang) : null,
    org.provinceCode === null ? null : provinceName(org.provinceCode, lang),
  ]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

type SearchAnswer = { q: string } & ({ ok: true; found: OrganisationRef[] } | { ok: false });

/**
 * Co-applicants as removable chips, and a search over every organisation's name (debounced) whose matches are
 * buttons that add them; with nothing typed, the person's own other organisations are offered. The applicant
 * organisation is never offered. Announces what it finds, adds and removes in a live region.
 */
function CoApplicantPicker({
  id,
  applicantId,
  chosenIds,
  coApplicants,
  candidates,
  onChange,
}: {
  id: string;
  applicantId: string;
  chosenIds: readonly string[];
  coApplicants: readonly OrganisationRef[];
  candidates: readonly Organisation[];
  onChange: (update: (ids: string[]) => string[]) => void;
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  /** Organisations met in searches, so that a chip added from one keeps its name. */
  const [seen, setSeen] = useState<Record<string, OrganisationRef>>({});
  const [notice, setNotice] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);
  const q = query.trim();
  const searchable = q.length >= SEARCH_MIN_CHARS;

  useEffect(() => {
    if (!searchable) {
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      lookupOrganisations(q, controller.signal).then(
        (found) => setAnswer({ q, ok: true, found }),
        () => {
          if (!controller.signal.aborted) {
            setAnswer({ q, ok: false });
          }
        },
      );
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [q, searchable]);

  const known = (orgId: string): OrganisationRef | undefined =>
    seen[orgId] ?? coApplicants.find((o) => o.id === orgId) ?? candidates.find((o) => o.id === orgId);
  const offerable = (o: OrganisationRef) => o.id !== applicantId && !chosenIds.includes(o.id);
  const full = chosenIds.length >= MAX_CO_APPLICANTS;
  const current = searchable && answer?.q === q ? answer : null;
  const offers = searchable
    ? current?.ok
      ? current.found.filter(offerable)
      : []
    : candidates.filter(offerable);

  let status = '';
  if (full) {
    status = t('proposals.editor.coApplicantLimit', { max: MAX_CO_APPLICANTS });
  } else if (searchable && !current) {
    status = t('proposals.editor.coApplicantSearching');
  } else if (current && !current.ok) {
    status = t('proposals.editor.coApplicantSearchFailed');
  } else if (current?.ok) {
    status =
      current.found.length === 0
        ? t('proposals.editor.coApplicantNoMatch', { q })
        : current.found.length >= ORGANISATION_LOOKUP_LIMIT
          ? t('proposals.editor.coApplicantResultsCapped', { count: current.found.length })
          : t('proposals.editor.coApplicantResults', { count: offers.length });
  }

  function add(org: OrganisationRef) {
    setSeen((s) => ({ ...s, [org.id]: org }));
    onChange((ids) => (ids.includes(org.id) ? ids : [...ids, org.id]));
    setNotice(t('proposals.editor.coApplicantAdded', { name: orgName(org, lang) }));
    searchRef.current?.focus();
  }

  function remove(orgId: string, index: number) {
    const org = known(orgId);
    onChange((ids) => ids.filter((x) => x !== orgId));
    setNotice(
      t('proposals.editor.coApplicantRemoved', {
        name: org ? orgName(org, lang) : t('proposals.editor.coApplicantUnnamed'),
      }),
    );
    // Focus the chip that takes this one's place (or the one before it), else the search box.
    const buttons = chipsRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    const next = buttons[index + 1] ?? buttons[index - 1];
    (next ?? searchRef.current)?.focus();
  }

  const hintId = `${id}-hint`;
  const searchId = `${id}-search`;
  const searchHintId = `${id}-search-hint`;
  const statusId = `${id}-status`;

  return (
    <fieldset className="fr-question fr-question--group coapp" id={id} aria-describedby={hintId}>
      <legend className="fr-question__label">{t('proposals.editor.coApplicants')}</legend>
      <p className="fr-question__help" id={hintId}>
        {t('proposals.editor.coApplicantsHint')}
      </p>
      {chosenIds.length === 0 ? (
        <p className="fr-answer__none">{t('proposals.editor.noCoApplicants')}</p>
      ) : (
        <ul
          className="coapp__chips"
          aria-label={t('proposals.editor.coApplicantsChosen')}
          ref={chipsRef}
          data-testid="co-applicant-chips"
        >
          {chosenIds.map((orgId, index) => {
            const org = known(orgId);
            const name = org ? orgName(org, lang) : t('proposals.editor.coApplicantUnnamed');
            return (
              <li className="coapp__chip" key={orgId}>
                <span className="coapp__chip-name">{name}</span>
                <button
                  type="button"
                  className="coapp__chip-remove"
                  aria-label={t('proposals.editor.coApplicantRemove', { name })}
                  title={t('proposals.editor.coApplicantRemove', { name })}
                  onClick={() => remove(orgId, index)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="coapp__search">
        <label className="coapp__search-label" htmlFor={searchId}>
          {t('proposals.editor.coApplicantSearch')}
        </label>
        <p className="fr-question__help" id={searchHintId}>
          {t('proposals.editor.coApplicantSearchHint')}
        </p>
        <input
          id={searchId}
          ref={searchRef}
          type="search"
          value={query}
          maxLength={SEARCH_MAX_CHARS}
          autoComplete="off"
          spellCheck={false}
          disabled={full}
          aria-describedby={`${searchHintId} ${statusId}`}
          aria-controls={`${id}-offers`}
          onChange={(e) => {
            setQuery(e.target.value);
            setNotice('');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.preventDefault();
              setQuery('');
              setNotice('');
            }
          }}
          data-testid="co-applicant-search"
        />
      </div>
      <p className="coapp__status" id={statusId} role="status" aria-live="polite">
        {[notice, status].filter(Boolean).join(' ')}
      </p>
      {!full && !searchable && offers.length > 0 ? (
        <p className="coapp__offers-title" id={`${id}-mine`}>
          {t('proposals.editor.coApplicantMine')}
        </p>
      ) : null}
      <ul
        className="coapp__offers"
        id={`${id}-offers`}
        {...(searchable
          ? { 'aria-label': t('proposals.editor.coApplicantMatches') }
          : { 'aria-labelledby': `${id}-mine` })}
        hidden={full || offers.length === 0}
      >
        {offers.map((org) => {
          const facts = orgFacts(org, lang);
          return (
            <li key={org.id}>
              <button
                type="button"
                className="coapp__offer"
                onClick={() => add(org)}
                data-testid="co-applicant-offer"
              >
                <span className="coapp__offer-plus" aria-hidden="true">
                  +
                </span>
                <span className="coapp__offer-text">
                  <span className="visually-hidden">{t('proposals.editor.coApplicantAdd')} </span>
                  <span className="coapp__offer-name">{orgName(org, lang)}</span>
                  {facts ? <span className="coapp__offer-facts">{facts}</span> : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function DetailsSection({
  draft,
  readOnly,
  prefix,
  titleError,
  problems,
  applicantId,
  coApplicants,
  candidates,
  onChange,
}: {
  draft: Draft;
  readOnly: boolean;
  prefix: string;
  titleError: string | undefined;
  problems: readonly ProblemStatement[];
  /** The proposal's co-applicants as the server knows them (names for the read-only view). */
  coApplicants: readonly OrganisationRef[];
  /** The applicant organisation, never offered as its own co-applicant. */
  applicantId: string;
  /** The person's own other organisations, offered before anything is typed. */
  candidates: readonly Organisation[];
  onChange: (update: (draft: Draft) => Draft) => void;
}) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const titleId = domIdOf(prefix, 'titleTh');
  const titleEnId = domIdOf(prefix, 'titleEn');
  const problemId = domIdOf(prefix, 'problemStatementId');
  const coId = domIdOf(prefix, 'coApplicantIds');
  const published = problems.filter((p) => p.status === 'published' || p.id === draft.problemStatementId);
  const chosenProblem = problems.find((p) => p.id === draft.problemStatementId);

  if (readOnly) {
    return (
      <section className="fr-section proposal-details" aria-labelledby={headingId}>
        <h2 id={headingId} className="fr-section__title">
          {t('proposals.editor.sectionDetails')}
        </h2>
        <dl className="proposal-details__list">
          <div>
            <dt>{t('proposals.editor.titleTh')}</dt>
            <dd lang="th">{draft.titleTh}</dd>
          </div>
          {draft.titleEn ? (
            <div>
              <dt>{t('proposals.editor.titleEn')}</dt>
              <dd lang="en">{draft.titleEn}</dd>
            </div>
          ) : null}
          {problems.length > 0 ? (
            <div>
              <dt>{t('proposals.editor.problemStatement')}</dt>
              <dd>
                {chosenProblem
                  ? localText(chosenProblem, 'title', lang)
                  : t('proposals.editor.problemStatementNone')}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t('proposals.editor.coApplicants')}</dt>
            <dd>
              {coApplicants.length === 0
                ? t('proposals.editor.noCoApplicants')
                : coApplicants.map((o) => o.nameTh).join(', ')}
            </dd>
          </div>
        </dl>
      </section>
    );
  }

  return (
    <section className="fr-section proposal-details" aria-labelledby={headingId}>
      <h2 id={headingId} className="fr-section__title" tabIndex={-1}>
        {t('proposals.editor.sectionDetails')}
      </h2>
      <div className="fr-question" data-invalid={titleError ? 'true' : undefined}>
        <label className="fr-question__label" htmlFor={titleId}>
          {t('proposals.editor.titleTh')} <span className="fr-required">{t('proposals.form.required')}</span>
        </label>
        <input
          id={titleId}
          type="text"
          lang="th"
          value={draft.titleTh}
          maxLength={300}
          aria-required
          aria-invalid={titleError ? true : undefined}
          aria-describedby={describedBy(titleError && `${titleId}-error`)}
          onChange={(e) => onChange((d) => ({ ...d, titleTh: e.target.value }))}
          data-testid="edit-title-th"
        />
        <FieldError id={`${titleId}-error`} message={titleError} />
      </div>
      <div className="fr-question">
        <label className="fr-question__label" htmlFor={titleEnId}>
          {t('proposals.editor.titleEn')}
        </label>
        <input
          id={titleEnId}
          type="text"
          lang="en"
          value={draft.titleEn}
          maxLength={300}
          onChange={(e) => onChange((d) => ({ ...d, titleEn: e.target.value }))}
        />
      </div>
      {published.length > 0 ? (
        <div className="fr-question">
          <label className="fr-question__label" htmlFor={problemId}>
            {t('proposals.editor.problemStatement')}
          </label>
          <select
            id={problemId}
            value={draft.problemStatementId ?? ''}
            onChange={(e) => onChange((d) => ({ ...d, problemStatementId: e.target.value || null }))}
          >
            <option value="">{t('proposals.editor.problemStatementNone')}</option>
            {published.map((p) => (
              <option key={p.id} value={p.id}>
                {localText(p, 'title', lang)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <CoApplicantPicker
        id={coId}
        applicantId={applicantId}
        chosenIds={draft.coApplicantIds}
        coApplicants={coApplicants}
        candidates={candidates}
        onChange={(update) => onChange((d) => ({ ...d, coApplicantIds: update(d.coApplicantIds) }))}
      />
    </section>
  );
}
