import { useId } from 'react';
import type { ProblemStatement } from '@shared/contracts/calls';
import type { Organisation } from '@shared/contracts/organisations';
import type { OrganisationRef } from '@shared/contracts/proposals';
import { domIdOf } from '@web/components/form-renderer/issues';
import { describedBy, FieldError } from '@web/components/ui/form';
import { localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import type { Draft } from '../autosave';

/**
 * The proposal's own details before the call's form: titles, the problem statement it answers and co-applicant
 * organisations (other organisations the person belongs to). Read-only when the proposal cannot be edited.
 */
export function DetailsSection({
  draft,
  readOnly,
  prefix,
  titleError,
  problems,
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
  /** Organisations that may be named as co-applicants. */
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
      <fieldset className="fr-question fr-question--group" id={coId} aria-describedby={`${coId}-hint`}>
        <legend className="fr-question__label">{t('proposals.editor.coApplicants')}</legend>
        <p className="fr-question__help" id={`${coId}-hint`}>
          {t('proposals.editor.coApplicantsHint')}
        </p>
        {candidates.length === 0 ? (
          <p className="fr-answer__none">{t('proposals.editor.noOtherOrganisations')}</p>
        ) : (
          <div className="fr-options">
            {candidates.map((o) => {
              const id = `${coId}-${o.id}`;
              return (
                <div className="fr-option" key={o.id}>
                  <input
                    type="checkbox"
                    id={id}
                    checked={draft.coApplicantIds.includes(o.id)}
                    onChange={(e) =>
                      onChange((d) => ({
                        ...d,
                        coApplicantIds: e.target.checked
                          ? [...d.coApplicantIds.filter((x) => x !== o.id), o.id]
                          : d.coApplicantIds.filter((x) => x !== o.id),
                      }))
                    }
                  />
                  <label htmlFor={id}>{o.nameTh}</label>
                </div>
              );
            })}
          </div>
        )}
      </fieldset>
    </section>
  );
}
