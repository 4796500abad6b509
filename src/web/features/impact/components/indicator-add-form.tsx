import { useId, useState, type FormEvent } from 'react';
import {
  DISAGGREGATIONS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_TYPES,
  type Disaggregation,
  type ImpactIndicator,
  type IndicatorAggregation,
  type IndicatorDirection,
  type IndicatorType,
} from '@shared/contracts/impact-library';
import type { LogicNode, ProjectIndicator } from '@shared/contracts/impact-project';
import { DateField } from '@web/components/ui/fields';
import { FormAlert } from '@web/components/ui/form';
import { fieldIssues, toApiError } from '@web/lib/api';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { projectImpactApi } from '../api-project';
import { IndicatorPicker } from './indicator-picker';
import { nodeText } from './logic-model-editor';

const toNumber = (text: string): number | null => {
  const clean = text.replace(/,/g, '').trim();
  return clean === '' || Number.isNaN(Number(clean)) ? null : Number(clean);
};

/** A select of the logic model's boxes an indicator can measure (outputs, users, outcomes, impacts first). */
export function LogicNodeSelect({
  id,
  nodes,
  value,
  onChange,
}: {
  id: string;
  nodes: readonly LogicNode[];
  value: string;
  onChange: (value: string) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('impactProject.ui.indicators.noLogicNode')}</option>
      {nodes.map((n) => (
        <option key={n.id} value={n.id}>
          {t(`impactProject.ui.stage.${n.stage}`)}: {nodeText(n, lang).slice(0, 80)}
        </option>
      ))}
    </select>
  );
}

/** Adds an indicator to the project: chosen from the library with the picker, or the project's own. */
export function IndicatorAddForm({
  projectId,
  nodes,
  usedCodes,
  onAdded,
  onCancel,
}: {
  projectId: string;
  nodes: readonly LogicNode[];
  usedCodes: readonly string[];
  onAdded: (indicator: ProjectIndicator) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [mode, setMode] = useState<'library' | 'custom'>('library');
  const [picked, setPicked] = useState<ImpactIndicator | null>(null);
  const [form, setForm] = useState({
    code: '',
    nameTh: '',
    nameEn: '',
    unitTh: '',
    unitEn: '',
    type: 'count' as IndicatorType,
    direction: 'increase' as IndicatorDirection,
    aggregation: 'sum' as IndicatorAggregation,
    disaggregations: [] as Disaggregation[],
    logicNodeId: '',
    baseline: '',
    baselineOn: '',
    target: '',
    targetOn: '',
  });
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    const plan = {
      logicNodeId: form.logicNodeId || null,
      baseline: toNumber(form.baseline),
      baselineOn: form.baselineOn || null,
      target: toNumber(form.target),
      targetOn: form.targetOn || null,
    };
    try {
      const created = await projectImpactApi.createIndicator(
        projectId,
        mode === 'library'
          ? { indicatorId: picked?.id ?? null, ...plan }
          : {
              code: form.code,
              nameTh: form.nameTh,
              nameEn: form.nameEn,
              unitTh: form.unitTh,
              unitEn: form.unitEn,
              type: form.type,
              direction: form.direction,
              aggregation: form.aggregation,
              disaggregations: form.disaggregations,
              ...plan,
            },
      );
      onAdded(created);
    } catch (caught) {
      const error = toApiError(caught);
      const issues = fieldIssues(error);
      setErrors(issues.length > 0 ? issues.map((i) => i.message) : [error.message]);
    } finally {
      setBusy(false);
    }
  };

  const field = (key: 'code' | 'nameTh' | 'nameEn' | 'unitTh' | 'unitEn', max: number) => (
    <div className="ip-field">
      <label htmlFor={`${id}-${key}`}>{t(`impactProject.ui.indicators.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        value={form[key]}
        maxLength={max}
        lang={key.endsWith('En') || key === 'code' ? 'en' : undefined}
        onChange={(e) => set({ [key]: e.target.value })}
        data-testid={`indicator-${key}`}
      />
    </div>
  );

  return (
    <form className="ip-panel ip-add-form" onSubmit={(e) => void submit(e)} data-testid="indicator-add-form">
      <fieldset className="ip-toggle">
        <legend className="visually-hidden">{t('impactProject.ui.indicators.add')}</legend>
        {(['library', 'custom'] as const).map((m) => (
          <label key={m} className="ip-check">
            <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} />
            <span>
              {t(
                m === 'library'
                  ? 'impactProject.ui.indicators.fromLibrary'
                  : 'impactProject.ui.indicators.custom',
              )}
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'library' ? (
        <div className="ip-stack">
          {picked ? (
            <p className="ip-picked" role="status">
              {t('impactProject.ui.indicators.picked', { name: `${picked.code} ${localName(picked, lang)}` })}
            </p>
          ) : null}
          <IndicatorPicker onPick={setPicked} excludeCodes={usedCodes} limit={8} />
        </div>
      ) : (
        <div className="ip-grid">
          {field('code', 50)}
          {field('nameTh', 300)}
          {field('nameEn', 300)}
          {field('unitTh', 60)}
          {field('unitEn', 60)}
          <div className="ip-field">
            <label htmlFor={`${id}-type`}>{t('impactProject.ui.indicators.type')}</label>
            <select
              id={`${id}-type`}
              value={form.type}
              onChange={(e) => set({ type: e.target.value as IndicatorType })}
            >
              {INDICATOR_TYPES.map((v) => (
                <option key={v} value={v}>
                  {t(`impactProject.ui.type.${v}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ip-field">
            <label htmlFor={`${id}-direction`}>{t('impactProject.ui.indicators.direction')}</label>
            <select
              id={`${id}-direction`}
              value={form.direction}
              onChange={(e) => set({ direction: e.target.value as IndicatorDirection })}
            >
              {INDICATOR_DIRECTIONS.map((v) => (
                <option key={v} value={v}>
                  {t(`impactProject.ui.direction.${v}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="ip-field">
            <label htmlFor={`${id}-aggregation`}>{t('impactProject.ui.indicators.aggregation')}</label>
            <select
              id={`${id}-aggregation`}
              value={form.aggregation}
              onChange={(e) => set({ aggregation: e.target.value as IndicatorAggregation })}
            >
              {INDICATOR_AGGREGATIONS.map((v) => (
                <option key={v} value={v}>
                  {t(`impactProject.ui.aggregation.${v}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="ip-field ip-field--wide">
            <legend>{t('impactProject.ui.indicators.disaggregations')}</legend>
            {DISAGGREGATIONS.map((d) => (
              <label key={d} className="ip-check">
                <input
                  type="checkbox"
                  checked={form.disaggregations.includes(d)}
                  onChange={(e) =>
                    set({
                      disaggregations: e.target.checked
                        ? [...form.disaggregations, d]
                        : form.disaggregations.filter((x) => x !== d),
                    })
                  }
                />
                <span>{t(`impactProject.ui.dimension.${d}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
      )}
      <div className="ip-grid">
        <div className="ip-field ip-field--wide">
          <label htmlFor={`${id}-node`}>{t('impactProject.ui.indicators.logicNode')}</label>
          <LogicNodeSelect
            id={`${id}-node`}
            nodes={nodes}
            value={form.logicNodeId}
            onChange={(logicNodeId) => set({ logicNodeId })}
          />
        </div>
        {(['baseline', 'target'] as const).map((key) => (
          <div key={key} className="ip-field">
            <label htmlFor={`${id}-${key}`}>{t(`impactProject.ui.indicators.${key}`)}</label>
            <input
              id={`${id}-${key}`}
              inputMode="decimal"
              value={form[key]}
              onChange={(e) => set({ [key]: e.target.value })}
              data-testid={`indicator-${key}`}
            />
          </div>
        ))}
        {(['baselineOn', 'targetOn'] as const).map((key) => (
          <DateField
            key={key}
            label={t(`impactProject.ui.indicators.${key}`)}
            value={form[key]}
            onChange={(v) => set({ [key]: v })}
          />
        ))}
      </div>
      {errors.length > 0 ? (
        <FormAlert testId="indicator-add-error">
          {errors.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </FormAlert>
      ) : null}
      <div className="ip-savebar">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || (mode === 'library' && !picked)}
          data-testid="indicator-create"
        >
          {t('impactProject.ui.indicators.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('impactProject.ui.indicators.cancel')}
        </button>
      </div>
    </form>
  );
}
