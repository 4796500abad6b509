import { useId, useState, type FormEvent } from 'react';
import { DISAGGREGATION_CATEGORIES, type Disaggregation } from '@shared/contracts/impact-library';
import type {
  IndicatorBreakdown,
  IndicatorValue,
  LogicNode,
  ProjectIndicator,
  QualityFlag,
  ReportPeriod,
} from '@shared/contracts/impact-project';
import { Badge, type BadgeTone } from '@web/components/ui/badge';
import { DateField } from '@web/components/ui/fields';
import { FormAlert } from '@web/components/ui/form';
import { fieldIssues, toApiError } from '@web/lib/api';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { indicatorFileHref, projectImpactApi } from '../api-project';
import { LogicNodeSelect } from './indicator-add-form';
import { nodeText } from './logic-model-editor';

const toNumber = (text: string): number | null => {
  const clean = text.replace(/,/g, '').trim();
  return clean === '' || Number.isNaN(Number(clean)) ? null : Number(clean);
};

const STATUS_TONE: Record<IndicatorValue['status'], BadgeTone> = {
  submitted: 'accent',
  verified: 'success',
  queried: 'target',
};

function useProblem() {
  const [problem, setProblem] = useState<string[]>([]);
  const run = async (action: () => Promise<unknown>, onDone: () => void) => {
    setProblem([]);
    try {
      await action();
      onDone();
    } catch (caught) {
      const error = toApiError(caught);
      const issues = fieldIssues(error);
      setProblem(issues.length > 0 ? issues.map((i) => i.message) : [error.message]);
    }
  };
  return { problem, run };
}

function Problem({ messages }: { messages: string[] }) {
  return messages.length > 0 ? (
    <FormAlert>
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </FormAlert>
  ) : null;
}

/** The quality flags as badges, each with its explanation as text beside it for screen readers and on hover. */
export function FlagBadges({ flags }: { flags: readonly QualityFlag[] }) {
  const { t, lang } = useI18n();
  if (flags.length === 0) {
    return null;
  }
  return (
    <span className="ip-flags">
      {flags.map((f, i) => {
        const help = t(`impactProject.ui.flagHelp.${f.kind}`, {
          date: f.periodEnd ? formatDate(f.periodEnd, lang) : '',
        });
        return (
          <span key={`${f.kind}-${f.valueId ?? f.periodEnd ?? i}`} className="ip-flag" data-flag={f.kind}>
            <Badge tone="target" title={help}>
              ⚠ {t(`impactProject.ui.flag.${f.kind}`)}
            </Badge>
            <span className="visually-hidden">{help}</span>
          </span>
        );
      })}
    </span>
  );
}

/** The value form: period (picked from the reporting periods or typed), value, breakdown cells and a note. */
function ValueForm({
  indicator,
  periods,
  value,
  onDone,
  onCancel,
}: {
  indicator: ProjectIndicator;
  periods: readonly ReportPeriod[];
  value?: IndicatorValue;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [periodStart, setPeriodStart] = useState(value?.periodStart ?? '');
  const [periodEnd, setPeriodEnd] = useState(value?.periodEnd ?? '');
  const [number, setNumber] = useState(value ? String(value.value) : '');
  const [note, setNote] = useState(value?.note ?? '');
  const [cells, setCells] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      (value?.breakdown ?? []).map((b) => [`${b.dimension}:${b.category}`, String(b.value)]),
    ),
  );
  const [busy, setBusy] = useState(false);
  const { problem, run } = useProblem();
  const name = lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.nameTh;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const breakdown: IndicatorBreakdown[] = Object.entries(cells).flatMap(([key, text]) => {
      const [dimension, category] = key.split(':') as [Disaggregation, string];
      const n = toNumber(text);
      return n === null ? [] : [{ dimension, category, value: n }];
    });
    const parsed = toNumber(number) ?? Number.NaN;
    await run(
      () =>
        value
          ? projectImpactApi.updateValue(value.id, {
              version: value.version,
              periodStart: periodStart || null,
              periodEnd,
              value: parsed,
              breakdown,
              note,
            })
          : projectImpactApi.createValue(indicator.id, {
              periodStart: periodStart || null,
              periodEnd,
              value: parsed,
              breakdown,
              note,
            }),
      onDone,
    );
    setBusy(false);
  };

  return (
    <form className="ip-panel ip-value-form" onSubmit={(e) => void submit(e)} data-testid="value-form">
      <h4>{value ? t('impactProject.ui.values.edit') : t('impactProject.ui.values.addHeading', { name })}</h4>
      <div className="ip-grid">
        {periods.length > 0 ? (
          <div className="ip-field ip-field--wide">
            <label htmlFor={`${id}-period`}>{t('impactProject.ui.values.usePeriod')}</label>
            <select
              id={`${id}-period`}
              value={
                periods.find((p) => p.periodEnd === periodEnd && p.periodStart === periodStart)?.reportId ??
                ''
              }
              onChange={(e) => {
                const p = periods.find((x) => x.reportId === e.target.value);
                if (p) {
                  setPeriodStart(p.periodStart);
                  setPeriodEnd(p.periodEnd);
                }
              }}
              data-testid="value-period"
            >
              <option value="">{t('impactProject.ui.values.choosePeriod')}</option>
              {periods.map((p) => (
                <option key={p.reportId} value={p.reportId}>
                  {t('impactProject.ui.values.fromReport', { sequence: p.sequence })}:{' '}
                  {formatDate(p.periodStart, lang)} – {formatDate(p.periodEnd, lang)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <DateField
          label={t('impactProject.ui.values.periodStart')}
          value={periodStart}
          onChange={setPeriodStart}
        />
        <DateField
          label={t('impactProject.ui.values.periodEnd')}
          value={periodEnd}
          onChange={setPeriodEnd}
          testId="value-period-end"
        />
        <div className="ip-field">
          <label htmlFor={`${id}-value`}>
            {t('impactProject.ui.values.value')} (
            {lang === 'en' && indicator.unitEn ? indicator.unitEn : indicator.unitTh})
          </label>
          <input
            id={`${id}-value`}
            inputMode="decimal"
            required
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            data-testid="value-number"
          />
        </div>
        <div className="ip-field ip-field--wide">
          <label htmlFor={`${id}-note`}>{t('impactProject.ui.values.note')}</label>
          <input id={`${id}-note`} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </div>
        {indicator.disaggregations.map((dimension) => (
          <fieldset key={dimension} className="ip-field ip-field--wide ip-breakdown">
            <legend>
              {t('impactProject.ui.values.breakdown')}: {t(`impactProject.ui.dimension.${dimension}`)}
            </legend>
            {DISAGGREGATION_CATEGORIES[dimension].map((category) => {
              const key = `${dimension}:${category}`;
              return (
                <label key={key} className="ip-cell">
                  <span>{t(`impactProject.ui.category.${category}`)}</span>
                  <input
                    inputMode="decimal"
                    value={cells[key] ?? ''}
                    onChange={(e) => setCells((c) => ({ ...c, [key]: e.target.value }))}
                  />
                </label>
              );
            })}
          </fieldset>
        ))}
      </div>
      <Problem messages={problem} />
      <div className="ip-savebar">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="value-save">
          {t('impactProject.ui.values.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('impactProject.ui.indicators.cancel')}
        </button>
      </div>
    </form>
  );
}

/** One value: its period, number, status, flags, source, evidence and the actions the actor may take. */
function ValueRow({
  indicator,
  value,
  periods,
  onChanged,
}: {
  indicator: ProjectIndicator;
  value: IndicatorValue;
  periods: readonly ReportPeriod[];
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [querying, setQuerying] = useState(false);
  const [comment, setComment] = useState('');
  const [uploading, setUploading] = useState(false);
  const { problem, run } = useProblem();
  const col = {
    period: t('impactProject.ui.values.period'),
    value: t('impactProject.ui.values.value'),
    status: t('impactProject.ui.values.status'),
    source: t('impactProject.ui.values.source'),
    evidence: t('impactProject.ui.values.evidence'),
    actions: t('impactProject.ui.values.actions'),
  };

  if (editing) {
    return (
      <tr>
        <td colSpan={6}>
          <ValueForm
            indicator={indicator}
            periods={periods}
            value={value}
            onDone={() => {
              setEditing(false);
              onChanged();
            }}
            onCancel={() => setEditing(false)}
          />
        </td>
      </tr>
    );
  }

  const upload = async (file: File) => {
    setUploading(true);
    await run(() => projectImpactApi.uploadFile(value.id, file), onChanged);
    setUploading(false);
  };

  return (
    <tr data-testid="value-row" data-status={value.status}>
      <td data-label={col.period}>
        <div className="ip-cell-body">
          {value.periodStart ? `${formatDate(value.periodStart, lang)} – ` : ''}
          {formatDate(value.periodEnd, lang)}
        </div>
      </td>
      <td data-label={col.value} className="numeric">
        <div className="ip-cell-body">
          <strong>{formatNumber(value.value, lang, { maximumFractionDigits: 4 })}</strong>
          {value.breakdown.length > 0 ? (
            <span className="ip-breakdown-text">
              {value.breakdown
                .map(
                  (b) =>
                    `${t(`impactProject.ui.category.${b.category as 'female'}`)} ${formatNumber(b.value, lang)}`,
                )
                .join(' · ')}
            </span>
          ) : null}
          <FlagBadges flags={value.flags} />
        </div>
      </td>
      <td data-label={col.status}>
        <div className="ip-cell-body">
          <Badge tone={STATUS_TONE[value.status]}>{t(`impactProject.ui.status.${value.status}`)}</Badge>
          {value.reviewerName && value.reviewedAt ? (
            <span className="ip-muted ip-small">
              {t('impactProject.ui.values.reviewedBy', {
                name: value.reviewerName,
                date: formatDate(value.reviewedAt, lang),
              })}
            </span>
          ) : null}
          {value.status === 'queried' && value.reviewComment ? (
            <span className="ip-query">
              {t('impactProject.ui.values.queryComment', { comment: value.reviewComment })}
            </span>
          ) : null}
        </div>
      </td>
      <td data-label={col.source}>
        <div className="ip-cell-body">
          {value.source === 'report' && value.reportSequence !== null
            ? t('impactProject.ui.values.fromReport', { sequence: value.reportSequence })
            : t('impactProject.ui.values.entered')}
          {value.note ? <span className="ip-muted ip-small">{value.note}</span> : null}
        </div>
      </td>
      <td data-label={col.evidence}>
        <div className="ip-cell-body">
          <ul className="ip-files">
            {value.files.map((f) => (
              <li key={f.id}>
                <a href={indicatorFileHref(f.id)}>{f.fileName}</a>
                {value.abilities.edit ? (
                  <button
                    type="button"
                    className="ip-link-button ip-link-button--danger"
                    aria-label={t('impactProject.ui.values.removeFile', { name: f.fileName })}
                    onClick={() => void run(() => projectImpactApi.removeFile(f.id), onChanged)}
                  >
                    ×
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {value.abilities.edit ? (
            <label className="ip-upload" htmlFor={`${id}-file`}>
              <span>
                {uploading ? t('impactProject.ui.values.uploading') : t('impactProject.ui.values.upload')}
              </span>
              <input
                id={`${id}-file`}
                type="file"
                accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.doc,.odt,.xlsx,.xls,.ods,.pptx,.ppt,.odp"
                disabled={uploading}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) {
                    void upload(file);
                  }
                }}
                data-testid="value-upload"
              />
            </label>
          ) : null}
        </div>
      </td>
      <td data-label={col.actions}>
        <div className="ip-cell-body">
          <div className="ip-actions">
            {value.abilities.edit ? (
              <>
                <button type="button" className="ip-link-button" onClick={() => setEditing(true)}>
                  {t('impactProject.ui.values.edit')}
                </button>
                <button
                  type="button"
                  className="ip-link-button ip-link-button--danger"
                  onClick={() => {
                    if (window.confirm(t('impactProject.ui.values.confirmRemove'))) {
                      void run(() => projectImpactApi.removeValue(value.id, value.version), onChanged);
                    }
                  }}
                >
                  {t('impactProject.ui.values.remove')}
                </button>
              </>
            ) : null}
            {value.abilities.review && value.status !== 'verified' ? (
              <button
                type="button"
                className="button button--primary ip-small-button"
                onClick={() =>
                  void run(
                    () => projectImpactApi.review(value.id, { version: value.version, decision: 'verified' }),
                    onChanged,
                  )
                }
                data-testid="value-verify"
              >
                {t('impactProject.ui.values.verify')}
              </button>
            ) : null}
            {value.abilities.review && value.status !== 'queried' ? (
              <button
                type="button"
                className="button button--secondary ip-small-button"
                aria-expanded={querying}
                onClick={() => setQuerying((q) => !q)}
                data-testid="value-query"
              >
                {t('impactProject.ui.values.query')}
              </button>
            ) : null}
          </div>
          {querying ? (
            <form
              className="ip-query-form"
              onSubmit={(e) => {
                e.preventDefault();
                void run(
                  () =>
                    projectImpactApi.review(value.id, {
                      version: value.version,
                      decision: 'queried',
                      comment,
                    }),
                  () => {
                    setQuerying(false);
                    onChanged();
                  },
                );
              }}
            >
              <label htmlFor={`${id}-comment`}>{t('impactProject.ui.values.queryPrompt')}</label>
              <textarea
                id={`${id}-comment`}
                rows={2}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                data-testid="value-query-comment"
              />
              <button
                type="submit"
                className="button button--secondary ip-small-button"
                data-testid="value-query-send"
              >
                {t('impactProject.ui.values.sendQuery')}
              </button>
            </form>
          ) : null}
          <Problem messages={problem} />
        </div>
      </td>
    </tr>
  );
}

/** The plan of an indicator: its logic-model box, baseline and target with their dates. */
function PlanForm({
  indicator,
  nodes,
  onDone,
  onCancel,
}: {
  indicator: ProjectIndicator;
  nodes: readonly LogicNode[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [form, setForm] = useState({
    logicNodeId: indicator.logicNodeId ?? '',
    baseline: indicator.baseline === null ? '' : String(indicator.baseline),
    baselineOn: indicator.baselineOn ?? '',
    target: indicator.target === null ? '' : String(indicator.target),
    targetOn: indicator.targetOn ?? '',
  });
  const { problem, run } = useProblem();
  return (
    <form
      className="ip-panel"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () =>
            projectImpactApi.updateIndicator(indicator.id, {
              version: indicator.version,
              logicNodeId: form.logicNodeId || null,
              baseline: toNumber(form.baseline),
              baselineOn: form.baselineOn || null,
              target: toNumber(form.target),
              targetOn: form.targetOn || null,
            }),
          onDone,
        );
      }}
      data-testid="plan-form"
    >
      <div className="ip-grid">
        <div className="ip-field ip-field--wide">
          <label htmlFor={`${id}-node`}>{t('impactProject.ui.indicators.logicNode')}</label>
          <LogicNodeSelect
            id={`${id}-node`}
            nodes={nodes}
            value={form.logicNodeId}
            onChange={(logicNodeId) => setForm((f) => ({ ...f, logicNodeId }))}
          />
        </div>
        {(['baseline', 'target'] as const).map((key) => (
          <div key={key} className="ip-field">
            <label htmlFor={`${id}-${key}`}>{t(`impactProject.ui.indicators.${key}`)}</label>
            <input
              id={`${id}-${key}`}
              inputMode="decimal"
              value={form[key]}
              onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
            />
          </div>
        ))}
        {(['baselineOn', 'targetOn'] as const).map((key) => (
          <DateField
            key={key}
            label={t(`impactProject.ui.indicators.${key}`)}
            value={form[key]}
            onChange={(v) => setForm((f) => ({ ...f, [key]: v }))}
          />
        ))}
      </div>
      <Problem messages={problem} />
      <div className="ip-savebar">
        <button type="submit" className="button button--primary">
          {t('impactProject.ui.indicators.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('impactProject.ui.indicators.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * One project indicator: code, name, type and roll-up, the box it measures, baseline → target → actual with the
 * verified share, its flags, the values table (status, flags, evidence, verify / query for staff) and the forms.
 */
export function IndicatorCard({
  indicator,
  nodes,
  periods,
  abilities,
  onChanged,
}: {
  indicator: ProjectIndicator;
  nodes: readonly LogicNode[];
  periods: readonly ReportPeriod[];
  abilities: { editPlan: boolean; enterValues: boolean; verify: boolean };
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const [mode, setMode] = useState<'none' | 'plan' | 'value'>('none');
  const { problem, run } = useProblem();
  const name = lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.nameTh;
  const unit = lang === 'en' && indicator.unitEn ? indicator.unitEn : indicator.unitTh;
  const node = nodes.find((n) => n.id === indicator.logicNodeId);
  const num = (n: number | null) => (n === null ? '—' : formatNumber(n, lang, { maximumFractionDigits: 4 }));
  const indicatorFlags = indicator.flags.filter((f) => f.valueId === null);
  const headingId = `ip-ind-${indicator.id}`;
  const done = () => {
    setMode('none');
    onChanged();
  };
  const col = (key: 'period' | 'value' | 'status' | 'source' | 'evidence' | 'actions') =>
    t(`impactProject.ui.values.${key}`);

  return (
    <article className="ip-indicator" aria-labelledby={headingId} data-testid="indicator-card">
      <header className="ip-indicator__head">
        <div>
          <p className="ip-code">
            {indicator.code}
            {indicator.indicatorId ? (
              <Badge tone="brand">{t('impactProject.ui.indicators.libraryTag')}</Badge>
            ) : null}
          </p>
          <h3 id={headingId}>{name}</h3>
          <p className="ip-muted ip-small">
            {unit} · {t(`impactProject.ui.type.${indicator.type}`)} ·{' '}
            {t(`impactProject.ui.aggregation.${indicator.aggregation}`)} ·{' '}
            {t(`impactProject.ui.direction.${indicator.direction}`)}
          </p>
          {node ? (
            <p className="ip-small">
              {t('impactProject.ui.indicators.measures', {
                text: `${t(`impactProject.ui.stage.${node.stage}`)}: ${nodeText(node, lang)}`,
              })}
            </p>
          ) : null}
        </div>
        <dl className="ip-numbers">
          <div>
            <dt>{t('impactProject.ui.indicators.baseline')}</dt>
            <dd>{num(indicator.baseline)}</dd>
          </div>
          <div aria-hidden="true" className="ip-numbers__arrow">
            →
          </div>
          <div>
            <dt>{t('impactProject.ui.indicators.target')}</dt>
            <dd>{num(indicator.target)}</dd>
          </div>
          <div aria-hidden="true" className="ip-numbers__arrow">
            →
          </div>
          <div>
            <dt>{t('impactProject.ui.indicators.actual')}</dt>
            <dd data-testid="indicator-actual">{num(indicator.actual)}</dd>
          </div>
        </dl>
      </header>
      {indicator.target !== null && indicator.actual !== null && indicator.target !== 0 ? (
        <div
          className="ip-progress"
          role="img"
          aria-label={`${num(indicator.actual)} / ${num(indicator.target)}`}
        >
          <span
            style={{ width: `${Math.max(0, Math.min(100, (indicator.actual / indicator.target) * 100))}%` }}
          />
        </div>
      ) : null}
      <p className="ip-meta">
        {indicator.verifiedShare !== null ? (
          <Badge tone={indicator.verifiedShare === 1 ? 'success' : 'neutral'}>
            {t('impactProject.ui.indicators.verifiedShare', {
              percent: formatNumber(indicator.verifiedShare * 100, lang, { maximumFractionDigits: 0 }) + '%',
            })}
          </Badge>
        ) : null}
        <FlagBadges flags={indicatorFlags} />
      </p>

      {indicator.values.length === 0 ? (
        <p className="ip-muted">{t('impactProject.ui.values.empty')}</p>
      ) : (
        <div className="ip-table-wrap">
          <table className="data-table data-table--stack ip-values">
            <caption className="visually-hidden">
              {t('impactProject.ui.values.heading')}: {name}
            </caption>
            <thead>
              <tr>
                <th scope="col">{col('period')}</th>
                <th scope="col" className="numeric">
                  {col('value')}
                </th>
                <th scope="col">{col('status')}</th>
                <th scope="col">{col('source')}</th>
                <th scope="col">{col('evidence')}</th>
                <th scope="col">{col('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {indicator.values.map((value) => (
                <ValueRow
                  key={`${value.id}-${value.version}`}
                  indicator={indicator}
                  value={value}
                  periods={periods}
                  onChanged={onChanged}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {mode === 'value' ? (
        <ValueForm indicator={indicator} periods={periods} onDone={done} onCancel={() => setMode('none')} />
      ) : null}
      {mode === 'plan' ? (
        <PlanForm indicator={indicator} nodes={nodes} onDone={done} onCancel={() => setMode('none')} />
      ) : null}
      <Problem messages={problem} />
      {mode === 'none' && (abilities.enterValues || abilities.editPlan) ? (
        <div className="ip-actions">
          {abilities.enterValues ? (
            <button
              type="button"
              className="button button--primary ip-small-button"
              onClick={() => setMode('value')}
              data-testid="value-add"
            >
              + {t('impactProject.ui.values.add')}
            </button>
          ) : null}
          {abilities.editPlan ? (
            <>
              <button
                type="button"
                className="button button--secondary ip-small-button"
                onClick={() => setMode('plan')}
              >
                {t('impactProject.ui.indicators.edit')}
              </button>
              <button
                type="button"
                className="ip-link-button ip-link-button--danger"
                onClick={() => {
                  if (window.confirm(t('impactProject.ui.indicators.confirmRemove', { name }))) {
                    void run(
                      () => projectImpactApi.removeIndicator(indicator.id, indicator.version),
                      onChanged,
                    );
                  }
                }}
              >
                {t('impactProject.ui.indicators.remove')}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
