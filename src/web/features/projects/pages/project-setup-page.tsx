import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { BUDGET_CATEGORIES } from '@shared/contracts/forms';
import { PROJECT_LIMITS, REPORT_SCHEDULES, type ProjectDetail } from '@shared/contracts/projects';
import { defaultInstalments } from '@shared/projects/plan';
import { formatBahtInput } from '@web/components/form-renderer/money';
import { FormSuccess, SaveProblemAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { RequireOfficer } from '@web/features/call-admin/components/require-officer';
import { toApiError } from '@web/lib/api';
import { formatBaht, formatDate, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useUnsavedGuard } from '@web/lib/use-unsaved-guard';
import { projectsApi, useDrivingUnits, useProject } from '../api';
import { spreadErrors } from '@web/lib/field-errors';
import { BahtField, DateField, Field } from '@web/components/ui/fields';
import { projectTitle, useCategoryLabel } from '../labels';
import {
  checkAmounts,
  fingerprint,
  newInstalment,
  newLine,
  newMilestone,
  plannedReportsOf,
  rowKey,
  toSetupBody,
  valuesFromProject,
  type MoneyCheck,
  type SetupProblem,
  type SetupValues,
} from '../setup-values';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '@web/features/organisations/components/confirm-action.css';
import '../projects.css';

/** Field paths the editor shows an error beside (as the server names them, without `body.`). */
const SHOWN = [
  /^(startsOn|endsOn|drivingUnitId|reportSchedule|reallocationLimitPercent|srlTarget)$/,
  /^(budgetLines|milestones|instalments)$/,
  /^budgetLines\.\d+\.(category|description|amountSatang)$/,
  /^milestones\.\d+\.(titleTh|titleEn|deliverable|dueOn)$/,
  /^instalments\.\d+\.(amountSatang|releaseAfterReport)$/,
];
const isShown = (field: string) => SHOWN.some((re) => re.test(field));

/** The live sum of a money list against the award: the sum, and how far off it is (in words, not only colour). */
function SumBar({ check, awardSatang, testId }: { check: MoneyCheck; awardSatang: number; testId: string }) {
  const { t, lang } = useI18n();
  const state = check.invalidRows.length > 0 ? 'invalid' : check.isExact ? 'exact' : 'off';
  return (
    <div className="pj-sum" data-state={state} aria-live="polite" data-testid={testId}>
      <span>
        {t('projectsUi.setup.sum', {
          sum: formatBaht(check.sumSatang, lang),
          award: formatBaht(awardSatang, lang),
        })}
      </span>
      <strong>
        {state === 'invalid'
          ? t('projectsUi.setup.sumInvalid')
          : state === 'exact'
            ? t('projectsUi.setup.sumExact')
            : check.differenceSatang < 0
              ? t('projectsUi.setup.sumShort', { amount: formatBaht(-check.differenceSatang, lang) })
              : t('projectsUi.setup.sumOver', { amount: formatBaht(check.differenceSatang, lang) })}
      </strong>
    </div>
  );
}

function RemoveButton({
  label,
  onClick,
  disabled,
}: {
  label: string;
  onClick: () => void;
  disabled: boolean;
}) {
  return (
    <button
      type="button"
      className="action-button action-button--danger"
      onClick={onClick}
      disabled={disabled}
    >
      {label}
    </button>
  );
}

function Editor({ initial, onReload }: { initial: ProjectDetail; onReload: () => void }) {
  const { t, lang } = useI18n();
  const units = useDrivingUnits();
  const categoryLabel = useCategoryLabel();
  const [base, setBase] = useState(initial);
  const [values, setValues] = useState<SetupValues>(() => valuesFromProject(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ kind: 'error' | 'stale'; message: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const award = base.awardSatang;

  const basePrint = useMemo(() => fingerprint(valuesFromProject(base)), [base]);
  const dirty = fingerprint(values) !== basePrint;
  useUnsavedGuard(dirty, t('projectsUi.setup.unsaved'));

  const lineCheck = checkAmounts(
    values.budgetLines.map((l) => l.amount),
    award,
  );
  const instalmentCheck = checkAmounts(
    values.instalments.map((i) => i.amount),
    award,
  );
  const reports = plannedReportsOf(values);

  const change = (patch: Partial<SetupValues>) => {
    setValues((now) => ({ ...now, ...patch }));
    setSaved(false);
  };
  const changeRow = <K extends 'budgetLines' | 'milestones' | 'instalments'>(
    list: K,
    index: number,
    patch: Partial<SetupValues[K][number]>,
  ) => {
    setValues((now) => ({
      ...now,
      [list]: now[list].map((row, i) => (i === index ? { ...row, ...patch } : row)),
    }));
    setSaved(false);
  };
  const removeRow = (list: 'budgetLines' | 'milestones' | 'instalments', index: number) => {
    setValues((now) => ({ ...now, [list]: now[list].filter((_, i) => i !== index) }));
    setErrors({});
    setSaved(false);
  };

  const problemText = (p: SetupProblem): string => {
    switch (p.kind) {
      case 'required':
        return t('forms.required');
      case 'invalidAmount':
        return t('common.moneyNotAmount');
      case 'zeroAmount':
        return t('projectsUi.setup.zeroAmount');
      case 'invalidNumber':
        return t('projectsUi.setup.percentInvalid', { max: PROJECT_LIMITS.reallocationLimitMaxPercent });
      case 'endBeforeStart':
        return t('projectsUi.setup.endBeforeStart');
      case 'outsidePeriod':
        return t('projectsUi.setup.outsidePeriod');
      case 'sumMismatch':
        return t('projectsUi.setup.sumMismatch', {
          sum: formatBaht(p.check.sumSatang, lang),
          award: formatBaht(award, lang),
          difference: formatBaht(Math.abs(p.check.differenceSatang), lang),
        });
      case 'unknownReport':
        return t('projectsUi.setup.unknownReport', { count: p.reports });
    }
  };

  const save = async () => {
    setSaved(false);
    setProblem(null);
    const built = toSetupBody(values, award, base.version);
    if (built.body === null) {
      const found: Record<string, string> = {};
      for (const p of built.problems) {
        found[p.field] ??= problemText(p);
      }
      setErrors(found);
      setProblem({
        kind: 'error',
        message: t('projectsUi.setup.fixProblems', { count: built.problems.length }),
      });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const next = await projectsApi.saveSetup(base.id, built.body);
      setBase(next);
      setValues(valuesFromProject(next));
      setSaved(true);
    } catch (caught) {
      const spread = spreadErrors(toApiError(caught), isShown, t);
      setErrors(spread.fields);
      if (spread.stale) {
        setProblem({ kind: 'stale', message: t('projectsUi.setup.stale') });
      } else {
        const count = Object.keys(spread.fields).length;
        const lines = [...(count > 0 ? [t('projectsUi.setup.fixProblems', { count })] : []), ...spread.rest];
        setProblem({ kind: 'error', message: lines.join(' ') });
      }
    } finally {
      setBusy(false);
    }
  };

  const fillUsualInstalments = () => {
    const plan = defaultInstalments(award, reports?.length ?? 1);
    change({
      instalments: plan.map((i) => ({
        key: rowKey(),
        amount: formatBahtInput(i.amountSatang),
        release: i.releaseAfterReport === null ? '' : String(i.releaseAfterReport),
      })),
    });
  };

  const reportCount = reports?.length ?? 0;

  return (
    <form
      className="panel-card panel-form form pj-setup"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      data-testid="setup-form"
    >
      <p className="pj-award" data-testid="setup-award">
        {t('projectsUi.setup.award', { amount: formatBaht(award, lang) })}
      </p>

      <fieldset className="panel-form__section">
        <legend>{t('projectsUi.setup.periodTitle')}</legend>
        <div className="panel-form__grid">
          <DateField
            label={t('projectsUi.setup.startsOn')}
            value={values.startsOn}
            onChange={(startsOn) => change({ startsOn })}
            error={errors.startsOn}
            testId="setup-starts"
          />
          <DateField
            label={t('projectsUi.setup.endsOn')}
            value={values.endsOn}
            min={values.startsOn || undefined}
            onChange={(endsOn) => change({ endsOn })}
            error={errors.endsOn}
            testId="setup-ends"
          />
          <Field label={t('projectsUi.setup.unit')} error={errors.drivingUnitId}>
            {(tie) => (
              <select
                {...tie}
                value={values.drivingUnitId}
                onChange={(event) => change({ drivingUnitId: event.target.value })}
                data-testid="setup-unit"
              >
                <option value="">{t('projectsUi.noUnit')}</option>
                {(units.status === 'success' ? units.data : []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {localName(u, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('projectsUi.setup.schedule')} error={errors.reportSchedule}>
            {(tie) => (
              <select
                {...tie}
                value={values.reportSchedule}
                onChange={(event) => {
                  const schedule = REPORT_SCHEDULES.find((s) => s === event.target.value);
                  if (schedule) {
                    change({ reportSchedule: schedule });
                  }
                }}
                data-testid="setup-schedule"
              >
                {REPORT_SCHEDULES.map((s) => (
                  <option key={s} value={s}>
                    {t(`projects.reportSchedule.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={t('projectsUi.setup.limit')}
            hint={t('projectsUi.setup.limitHint', { max: PROJECT_LIMITS.reallocationLimitMaxPercent })}
            error={errors.reallocationLimitPercent}
          >
            {(tie) => (
              <input
                {...tie}
                inputMode="numeric"
                value={values.reallocationLimitPercent}
                onChange={(event) => change({ reallocationLimitPercent: event.target.value })}
                data-testid="setup-limit"
              />
            )}
          </Field>
          <Field
            label={t('projectsUi.setup.srlTarget')}
            hint={
              base.srlStart === null
                ? t('projectsUi.setup.srlNoStart')
                : t('projectsUi.setup.srlStart', { level: base.srlStart })
            }
            error={errors.srlTarget}
          >
            {(tie) => (
              <select
                {...tie}
                value={values.srlTarget}
                onChange={(event) => change({ srlTarget: event.target.value })}
                data-testid="setup-srl"
              >
                <option value="">{t('projectsUi.setup.srlNone')}</option>
                {Array.from({ length: 9 }, (_, i) => i + 1).map((level) => (
                  <option key={level} value={String(level)}>
                    {t('projectsUi.setup.srlLevel', { level })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="panel-form__section" aria-describedby="pj-lines-sum">
        <legend>{t('projectsUi.setup.linesTitle')}</legend>
        <p className="pj-intro">{t('projectsUi.setup.linesIntro')}</p>
        <ol className="pj-rows">
          {values.budgetLines.map((line, index) => (
            <li key={line.key} className="pj-row pj-row--line" data-testid="setup-line">
              <p className="pj-row__title">{t('projectsUi.setup.lineN', { n: index + 1 })}</p>
              <Field label={t('projectsUi.setup.category')} error={errors[`budgetLines.${index}.category`]}>
                {(tie) => (
                  <select
                    {...tie}
                    value={line.category}
                    onChange={(event) => {
                      const category = BUDGET_CATEGORIES.find((c) => c === event.target.value);
                      if (category) {
                        changeRow('budgetLines', index, { category });
                      }
                    }}
                  >
                    {BUDGET_CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {categoryLabel(c)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                label={t('projectsUi.setup.description')}
                error={errors[`budgetLines.${index}.description`]}
              >
                {(tie) => (
                  <input
                    {...tie}
                    maxLength={500}
                    value={line.description}
                    onChange={(event) => changeRow('budgetLines', index, { description: event.target.value })}
                  />
                )}
              </Field>
              <BahtField
                label={t('projectsUi.setup.amount')}
                value={line.amount}
                onChange={(amount) => changeRow('budgetLines', index, { amount })}
                error={errors[`budgetLines.${index}.amountSatang`]}
                testId="setup-line-amount"
              />
              <div className="pj-row__actions">
                <RemoveButton
                  label={t('projectsUi.setup.removeLine', { n: index + 1 })}
                  onClick={() => removeRow('budgetLines', index)}
                  disabled={values.budgetLines.length <= 1}
                />
              </div>
            </li>
          ))}
        </ol>
        <div id="pj-lines-sum">
          <SumBar check={lineCheck} awardSatang={award} testId="lines-sum" />
        </div>
        {errors.budgetLines ? (
          <p className="field__error" role="alert" data-testid="lines-error">
            {errors.budgetLines}
          </p>
        ) : null}
        <p>
          <button
            type="button"
            className="button button--secondary"
            disabled={values.budgetLines.length >= PROJECT_LIMITS.budgetLinesMax}
            onClick={() => change({ budgetLines: [...values.budgetLines, newLine()] })}
          >
            {t('projectsUi.setup.addLine')}
          </button>
        </p>
      </fieldset>

      <fieldset className="panel-form__section">
        <legend>{t('projectsUi.setup.milestonesTitle')}</legend>
        {errors.milestones ? <p className="field__error">{errors.milestones}</p> : null}
        <ol className="pj-rows">
          {values.milestones.map((m, index) => (
            <li key={m.key} className="pj-row pj-row--milestone" data-testid="setup-milestone">
              <p className="pj-row__title">{t('projectsUi.setup.milestoneN', { n: index + 1 })}</p>
              <Field label={t('projectsUi.setup.titleTh')} error={errors[`milestones.${index}.titleTh`]}>
                {(tie) => (
                  <input
                    {...tie}
                    lang="th"
                    maxLength={300}
                    value={m.titleTh}
                    onChange={(event) => changeRow('milestones', index, { titleTh: event.target.value })}
                  />
                )}
              </Field>
              <Field label={t('projectsUi.setup.titleEn')} error={errors[`milestones.${index}.titleEn`]}>
                {(tie) => (
                  <input
                    {...tie}
                    lang="en"
                    maxLength={300}
                    value={m.titleEn}
                    onChange={(event) => changeRow('milestones', index, { titleEn: event.target.value })}
                  />
                )}
              </Field>
              <Field
                label={t('projectsUi.setup.deliverable')}
                error={errors[`milestones.${index}.deliverable`]}
                className="pj-row__wide"
              >
                {(tie) => (
                  <input
                    {...tie}
                    maxLength={PROJECT_LIMITS.text}
                    value={m.deliverable}
                    onChange={(event) => changeRow('milestones', index, { deliverable: event.target.value })}
                  />
                )}
              </Field>
              <DateField
                label={t('projectsUi.setup.dueOn')}
                value={m.dueOn}
                min={values.startsOn || undefined}
                max={values.endsOn || undefined}
                onChange={(dueOn) => changeRow('milestones', index, { dueOn })}
                error={errors[`milestones.${index}.dueOn`]}
              />
              <div className="pj-row__actions">
                <RemoveButton
                  label={t('projectsUi.setup.removeMilestone', { n: index + 1 })}
                  onClick={() => removeRow('milestones', index)}
                  disabled={values.milestones.length <= 1}
                />
              </div>
            </li>
          ))}
        </ol>
        <p>
          <button
            type="button"
            className="button button--secondary"
            disabled={values.milestones.length >= PROJECT_LIMITS.milestonesMax}
            onClick={() => change({ milestones: [...values.milestones, newMilestone(values.endsOn)] })}
          >
            {t('projectsUi.setup.addMilestone')}
          </button>
        </p>
      </fieldset>

      <section className="panel-form__section pj-preview" aria-labelledby="pj-preview-title">
        <h2 id="pj-preview-title" className="pj-legend">
          {t('projectsUi.setup.reportsTitle')}
        </h2>
        <p className="pj-intro">{t('projectsUi.setup.reportsIntro')}</p>
        {reports === null ? (
          <EmptyState>{t('projectsUi.setup.reportsNeedPeriod')}</EmptyState>
        ) : (
          <table className="data-table data-table--stack" data-testid="reports-preview">
            <caption className="visually-hidden">{t('projectsUi.setup.reportsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projectsUi.reports.col.report')}</th>
                <th scope="col">{t('projectsUi.reports.col.period')}</th>
                <th scope="col">{t('projectsUi.reports.col.due')}</th>
                <th scope="col">{t('projectsUi.setup.covers')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.sequence}>
                  <td data-label={t('projectsUi.reports.col.report')}>
                    {t('projectsUi.reports.name', {
                      sequence: r.sequence,
                      kind: t(`projects.reportKind.${r.kind}`),
                    })}
                  </td>
                  <td data-label={t('projectsUi.reports.col.period')}>
                    {t('projectsUi.range', {
                      from: formatDate(r.periodStart, lang),
                      to: formatDate(r.periodEnd, lang),
                    })}
                  </td>
                  <td data-label={t('projectsUi.reports.col.due')}>{formatDate(r.dueOn, lang)}</td>
                  <td data-label={t('projectsUi.setup.covers')}>
                    {r.milestoneIndexes.length === 0
                      ? '–'
                      : r.milestoneIndexes
                          .map((i) => t('projectsUi.setup.milestoneShort', { n: i + 1 }))
                          .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <fieldset className="panel-form__section" aria-describedby="pj-instalments-sum">
        <legend>{t('projectsUi.setup.instalmentsTitle')}</legend>
        <p className="pj-intro">{t('projectsUi.setup.instalmentsIntro')}</p>
        <ol className="pj-rows">
          {values.instalments.map((row, index) => {
            const release = Number(row.release);
            return (
              <li key={row.key} className="pj-row pj-row--instalment" data-testid="setup-instalment">
                <p className="pj-row__title">{t('projectsUi.instalments.name', { sequence: index + 1 })}</p>
                <BahtField
                  label={t('projectsUi.setup.amount')}
                  value={row.amount}
                  onChange={(amount) => changeRow('instalments', index, { amount })}
                  error={errors[`instalments.${index}.amountSatang`]}
                  testId="setup-instalment-amount"
                />
                <Field
                  label={t('projectsUi.setup.release')}
                  error={errors[`instalments.${index}.releaseAfterReport`]}
                >
                  {(tie) => (
                    <select
                      {...tie}
                      value={row.release}
                      onChange={(event) => changeRow('instalments', index, { release: event.target.value })}
                    >
                      <option value="">{t('projectsUi.instalments.onAcceptance')}</option>
                      {(reports ?? []).map((r) => (
                        <option key={r.sequence} value={String(r.sequence)}>
                          {t('projectsUi.setup.afterReportOption', {
                            sequence: r.sequence,
                            kind: t(`projects.reportKind.${r.kind}`),
                            date: formatDate(r.dueOn, lang),
                          })}
                        </option>
                      ))}
                      {row.release !== '' && release > reportCount ? (
                        <option value={row.release}>
                          {t('projectsUi.instalments.afterReport', { sequence: release })}
                        </option>
                      ) : null}
                    </select>
                  )}
                </Field>
                <div className="pj-row__actions">
                  <RemoveButton
                    label={t('projectsUi.setup.removeInstalment', { n: index + 1 })}
                    onClick={() => removeRow('instalments', index)}
                    disabled={values.instalments.length <= 1}
                  />
                </div>
              </li>
            );
          })}
        </ol>
        <div id="pj-instalments-sum">
          <SumBar check={instalmentCheck} awardSatang={award} testId="instalments-sum" />
        </div>
        {errors.instalments ? (
          <p className="field__error" role="alert" data-testid="instalments-error">
            {errors.instalments}
          </p>
        ) : null}
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            disabled={values.instalments.length >= PROJECT_LIMITS.instalmentsMax}
            onClick={() => change({ instalments: [...values.instalments, newInstalment()] })}
          >
            {t('projectsUi.setup.addInstalment')}
          </button>
          <button type="button" className="button button--secondary" onClick={fillUsualInstalments}>
            {t('projectsUi.setup.usualInstalments')}
          </button>
        </div>
      </fieldset>

      <div className="pj-savebar">
        {problem ? (
          <SaveProblemAlert
            kind={problem.kind}
            message={problem.message}
            reloadLabel={t('projectsUi.setup.reload')}
            onReloadLatest={onReload}
          />
        ) : null}
        {saved ? (
          <FormSuccess>
            {t('projectsUi.setup.saved')}{' '}
            <Link to={`/projects/${base.id}`}>{t('projectsUi.setup.toProject')}</Link>
          </FormSuccess>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="setup-save">
            {busy ? t('projectsUi.saving') : t('projectsUi.setup.save')}
          </button>
          <span className="pj-muted" aria-live="polite">
            {dirty ? t('projectsUi.setup.dirty') : t('projectsUi.setup.clean')}
          </span>
        </div>
      </div>
    </form>
  );
}

function Setup({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const project = useProject(id);
  usePageTitle(t('projectsUi.setup.title'));

  if (project.status === 'error') {
    return project.error.isNotFound || project.error.status === 400 ? (
      <NotFoundState
        title={t('projectsUi.notFound')}
        text={t('projectsUi.notFoundText')}
        back={{ to: '/projects', label: t('projectsUi.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={project.error} onRetry={project.reload} />
      </div>
    );
  }
  if (project.status !== 'success') {
    return <LoadingState />;
  }
  const p = project.data;
  return (
    <>
      <PageHeader
        title={t('projectsUi.setup.title')}
        eyebrow={<code>{p.agreementNumber}</code>}
        intro={<p>{projectTitle(p, lang)}</p>}
        back={{ to: `/projects/${p.id}`, label: t('projectsUi.setup.back') }}
      />
      <div className="container page-body pj-page">
        {p.abilities.editSetup ? (
          <Editor key={`${p.id}:${p.version}`} initial={p} onReload={project.reload} />
        ) : (
          <EmptyState>
            {t('projectsUi.setup.locked')}{' '}
            <Link to={`/projects/${p.id}`}>{t('projectsUi.setup.toProject')}</Link>
          </EmptyState>
        )}
      </div>
    </>
  );
}

function SetupRoute() {
  const { id } = useParams();
  return id ? <Setup id={id} /> : null;
}

/** `/admin/projects/:id/setup`: officers plan a project before its agreement is issued. */
export default function ProjectSetupPage() {
  return (
    <RequireOfficer>
      <SetupRoute />
    </RequireOfficer>
  );
}
