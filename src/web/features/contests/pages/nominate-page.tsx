import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { EntryKind, NominateInput } from '@shared/contracts/contests';
import type { NominableInnovation } from '@shared/contracts/innovations';
import { PROVINCES } from '@shared/reference/provinces';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { fieldIssues, toApiError } from '@web/lib/api';
import { localName, localText } from '@web/lib/format';
import { useFreshApi } from '@web/lib/use-api';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { contestsApi, useContest, useNominableProposals } from '../api';
import '@web/components/ui/form.css';
import '../contests.css';

const KINDS: EntryKind[] = ['proposal', 'open', 'innovation'];

function NominateForm({ contestId }: { contestId: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const contest = useContest(contestId);
  const proposals = useNominableProposals(true);
  const innovations = useFreshApi<NominableInnovation[]>('/api/innovations/nominable');
  const [innovationId, setInnovationId] = useState('');
  const [kind, setKind] = useState<EntryKind>('proposal');
  const [categoryId, setCategoryId] = useState('');
  const [proposalId, setProposalId] = useState('');
  const [entrantName, setEntrantName] = useState('');
  const [titleTh, setTitleTh] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [summaryTh, setSummaryTh] = useState('');
  const [provinceCode, setProvinceCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('contests.nominate.title'));

  if (contest.status === 'error') {
    return <ErrorState error={contest.error} onRetry={contest.reload} />;
  }
  if (contest.status !== 'success') {
    return <LoadingState />;
  }
  const c = contest.data;
  const chosenCategory = categoryId || c.categories[0]?.id || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    let body: NominateInput;
    switch (kind) {
      case 'proposal':
        body = { kind, categoryId: chosenCategory, proposalId };
        break;
      case 'innovation':
        body = { kind, categoryId: chosenCategory, innovationId };
        break;
      case 'open':
        body = {
          kind,
          categoryId: chosenCategory,
          entrantName,
          titleTh,
          titleEn,
          summaryTh,
          provinceCode: provinceCode ? Number(provinceCode) : null,
        };
        break;
      default: {
        const exhaustive: never = kind;
        return exhaustive;
      }
    }
    setBusy(true);
    try {
      await contestsApi.nominate(contestId, body);
      void navigate(`/contests/${contestId}?nominated=1`);
    } catch (caught) {
      const apiError = toApiError(caught);
      const issues = fieldIssues(apiError);
      setError(
        issues.length > 0 && apiError.code === 'VALIDATION_FAILED'
          ? issues.map((i) => i.message).join(' · ')
          : apiError.message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('contests.nominate.title')}
        eyebrow={localText(c, 'title', lang)}
        back={{ to: `/contests/${contestId}`, label: localText(c, 'title', lang) }}
        intro={<p>{t('contests.nominate.intro')}</p>}
      />
      <div className="container page-body">
        {!c.nominationsOpen ? (
          <p className="form-alert" role="alert">
            {t('contests.nominate.closed')}
          </p>
        ) : (
          <form className="ct-form" onSubmit={(e) => void submit(e)} noValidate data-testid="nominate-form">
            <fieldset>
              <legend>{t('contests.nominate.what')}</legend>
              <div className="field">
                <label htmlFor="ct-category">{t('contests.nominate.category')}</label>
                <select
                  id="ct-category"
                  value={chosenCategory}
                  onChange={(e) => setCategoryId(e.target.value)}
                >
                  {c.categories.map((category) => (
                    <option key={category.id} value={category.id}>
                      {localName(category, lang)}
                    </option>
                  ))}
                </select>
              </div>
              <fieldset className="ct-kind">
                <legend>{t('contests.nominate.kind')}</legend>
                {KINDS.map((k) => (
                  <label key={k}>
                    <input
                      type="radio"
                      name="kind"
                      value={k}
                      checked={kind === k}
                      onChange={() => setKind(k)}
                    />
                    {t(`contests.kind.${k}`)}
                  </label>
                ))}
              </fieldset>
            </fieldset>
            {kind === 'proposal' ? (
              <fieldset>
                <legend>{t('contests.kind.proposal')}</legend>
                {proposals.status === 'success' && proposals.data.length === 0 ? (
                  <p className="ct-muted">{t('contests.nominate.noProposals')}</p>
                ) : (
                  <div className="field">
                    <label htmlFor="ct-proposal">{t('contests.nominate.proposal')}</label>
                    <select
                      id="ct-proposal"
                      value={proposalId}
                      onChange={(e) => setProposalId(e.target.value)}
                      required
                    >
                      <option value="">{t('contests.nominate.chooseProposal')}</option>
                      {proposals.status === 'success'
                        ? proposals.data.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.receiptNumber ? `${p.receiptNumber} · ` : ''}
                              {localText(p, 'title', lang)} ({p.organisationNameTh})
                            </option>
                          ))
                        : null}
                    </select>
                  </div>
                )}
              </fieldset>
            ) : null}
            {kind === 'innovation' ? (
              <fieldset>
                <legend>{t('contests.kind.innovation')}</legend>
                {innovations.status === 'success' && innovations.data.length === 0 ? (
                  <p className="ct-muted">{t('innovations.nominate.none')}</p>
                ) : (
                  <div className="field">
                    <label htmlFor="ct-innovation">{t('innovations.nominate.label')}</label>
                    <select
                      id="ct-innovation"
                      value={innovationId}
                      onChange={(e) => setInnovationId(e.target.value)}
                      required
                      data-testid="nominate-innovation"
                    >
                      <option value="">{t('innovations.nominate.choose')}</option>
                      {innovations.status === 'success'
                        ? innovations.data.map((i) => (
                            <option key={i.id} value={i.id}>
                              {localText(i, 'title', lang)}
                              {i.ownerNameTh ? ` (${i.ownerNameTh})` : ''}
                            </option>
                          ))
                        : null}
                    </select>
                  </div>
                )}
              </fieldset>
            ) : null}
            {kind === 'open' ? (
              <fieldset>
                <legend>{t('contests.kind.open')}</legend>
                <div className="field">
                  <label htmlFor="ct-entrant">{t('contests.nominate.entrantName')}</label>
                  <input
                    id="ct-entrant"
                    value={entrantName}
                    onChange={(e) => setEntrantName(e.target.value)}
                    maxLength={300}
                    required
                  />
                </div>
                <div className="ct-grid-2">
                  <div className="field">
                    <label htmlFor="ct-title-th">{t('contests.nominate.titleTh')}</label>
                    <input
                      id="ct-title-th"
                      value={titleTh}
                      onChange={(e) => setTitleTh(e.target.value)}
                      maxLength={300}
                      required
                    />
                  </div>
                  <div className="field">
                    <label htmlFor="ct-title-en">{t('contests.nominate.titleEn')}</label>
                    <input
                      id="ct-title-en"
                      value={titleEn}
                      onChange={(e) => setTitleEn(e.target.value)}
                      maxLength={300}
                    />
                  </div>
                </div>
                <div className="field form-textarea">
                  <label htmlFor="ct-summary">{t('contests.nominate.summary')}</label>
                  <p className="field__hint" id="ct-summary-hint">
                    {t('contests.nominate.summaryHint')}
                  </p>
                  <textarea
                    id="ct-summary"
                    aria-describedby="ct-summary-hint"
                    rows={5}
                    value={summaryTh}
                    onChange={(e) => setSummaryTh(e.target.value)}
                    maxLength={3000}
                    required
                  />
                </div>
                <div className="field">
                  <label htmlFor="ct-province">{t('contests.nominate.province')}</label>
                  <select
                    id="ct-province"
                    value={provinceCode}
                    onChange={(e) => setProvinceCode(e.target.value)}
                  >
                    <option value="">{t('contests.nominate.noProvince')}</option>
                    {PROVINCES.map((p) => (
                      <option key={p.code} value={p.code}>
                        {localName(p, lang)}
                      </option>
                    ))}
                  </select>
                </div>
              </fieldset>
            ) : null}
            {error ? (
              <p className="form-alert" role="alert" data-testid="nominate-error">
                {error}
              </p>
            ) : null}
            <p className="ct-actions">
              <button
                type="submit"
                className="button button--primary"
                disabled={busy || (kind === 'innovation' && !innovationId)}
                data-testid="nominate-submit"
              >
                {t('contests.nominate.submit')}
              </button>
              <Link to={`/contests/${contestId}`}>{t('contests.nominate.cancel')}</Link>
            </p>
          </form>
        )}
      </div>
    </>
  );
}

/**
 * A signed-in person nominates a proposal of their organisation, a published innovation of the catalogue their
 * organisation owns (officers: any), or an open entry, while nominations are open.
 */
export default function NominatePage() {
  const { id } = useParams();
  return <RequireAuth>{id ? <NominateForm contestId={id} /> : null}</RequireAuth>;
}
