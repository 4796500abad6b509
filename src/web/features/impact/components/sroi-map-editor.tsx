import { useState, type ReactNode } from 'react';
import type { FinancialProxy } from '@shared/contracts/impact-library';
import type { ProjectIndicator } from '@shared/contracts/impact-project';
import { SROI_LIMITS, type SroiAssessmentModel } from '@shared/contracts/sroi-assessments';
import { blankOutcome, nextId } from '@shared/impact/sroi-assessment';
import { formatBaht, formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import {
  bahtField,
  integerField,
  optionalIntegerField,
  optionalPercentField,
  percentField,
  quantityField,
  seriesField,
  type SrFieldFormat,
} from '../sroi-form';
import { ProxyPicker } from './proxy-picker';
import { SrNumberInput } from './sroi-number-input';
import { fieldDomId } from './sroi-labels';

type Model = SroiAssessmentModel;
type Outcome = Model['outcomes'][number];
type Input = Model['inputs'][number];
type Stakeholder = Model['stakeholders'][number];

const ID_PATTERN = /^[a-zA-Z0-9_-]{1,40}$/;
const idField: SrFieldFormat<string> = {
  format: (v) => v,
  parse: (text) => (ID_PATTERN.test(text.trim()) ? text.trim() : undefined),
};
const requiredText = (max: number): SrFieldFormat<string> => ({
  format: (v) => v,
  parse: (text) => (text.trim() !== '' && text.length <= max ? text : undefined),
});
const nameField = requiredText(200);
const yearField = integerField(0, 100);
const startYearField = integerField(1, 100);
const durationField = optionalIntegerField(1, 100);
const sizeField = optionalIntegerField(0, 1_000_000_000);

export interface SrEditorProps {
  model: Model;
  onChange: (model: Model) => void;
  /** Messages by stored path (`outcomes[2].deadweight`) to show at their fields. */
  errors: ReadonlyMap<string, string>;
  /** Reports whether the text of a typed field (keyed by its path) parses. */
  onValidity: (path: string, valid: boolean) => void;
  indicators: ProjectIndicator[];
}

/** A label, a control and the control's problem. */
function SrField({
  path,
  label,
  error,
  wide,
  hint,
  children,
}: {
  path: string;
  label: ReactNode;
  error?: string | undefined;
  wide?: boolean;
  hint?: ReactNode;
  children: (props: {
    id: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const id = fieldDomId(path);
  const described =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`sr-field${wide ? ' sr-field--wide' : ''}`} data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {hint ? (
        <p id={`${id}-hint`} className="sr-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="sr-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The impact map: stakeholders, inputs by year and the outcome rows of the value map. */
export function SroiMapEditor({ model, onChange, errors, onValidity, indicators }: SrEditorProps) {
  const { t, lang } = useI18n();
  const [picking, setPicking] = useState<number | null>(null);

  const setStakeholder = (i: number, patch: Partial<Stakeholder>) =>
    onChange({
      ...model,
      stakeholders: model.stakeholders.map((s, k) => (k === i ? { ...s, ...patch } : s)),
    });
  const setInput = (i: number, patch: Partial<Input>) =>
    onChange({ ...model, inputs: model.inputs.map((s, k) => (k === i ? { ...s, ...patch } : s)) });
  const setOutcome = (i: number, patch: Partial<Outcome>) =>
    onChange({ ...model, outcomes: model.outcomes.map((s, k) => (k === i ? { ...s, ...patch } : s)) });

  const removeStakeholder = (i: number) => {
    const gone = model.stakeholders[i]?.id;
    const unlink = <T extends { stakeholderId: string | null }>(row: T): T =>
      row.stakeholderId === gone ? { ...row, stakeholderId: null } : row;
    onChange({
      ...model,
      stakeholders: model.stakeholders.filter((_, k) => k !== i),
      inputs: model.inputs.map(unlink),
      outcomes: model.outcomes.map(unlink),
    });
  };

  const stakeholderSelect = (path: string, value: string | null, onPick: (id: string | null) => void) => (
    <SrField path={path} label={t('sroiEditor.field.stakeholder')} error={errors.get(path)}>
      {(tie) => (
        <select {...tie} value={value ?? ''} onChange={(e) => onPick(e.target.value || null)}>
          <option value="">{t('sroiEditor.field.noStakeholder')}</option>
          {model.stakeholders.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name || s.id}
            </option>
          ))}
        </select>
      )}
    </SrField>
  );

  function typed<T>(
    path: string,
    label: ReactNode,
    value: T,
    format: SrFieldFormat<T>,
    onValue: (value: T) => void,
    options: {
      wide?: boolean;
      hint?: ReactNode;
      inputMode?: 'text' | 'decimal' | 'numeric';
      testId?: string;
    } = {},
  ) {
    return (
      <SrField path={path} label={label} error={errors.get(path)} wide={options.wide} hint={options.hint}>
        {(tie) => (
          <SrNumberInput<T>
            {...tie}
            value={value}
            format={format.format}
            parse={format.parse}
            onValue={onValue}
            onValidity={(valid) => onValidity(path, valid)}
            inputMode={options.inputMode}
            data-testid={options.testId}
          />
        )}
      </SrField>
    );
  }

  const pickProxy = (i: number, proxy: FinancialProxy) => {
    setOutcome(i, {
      proxyId: proxy.id,
      proxyLabel: localName(proxy, lang),
      proxySatang: proxy.valueSatang,
      proxySource: proxy.sourceTitle,
      proxySourceUrl: proxy.sourceUrl,
    });
    setPicking(null);
  };

  return (
    <>
      <section className="sr-section" aria-labelledby="sr-stakeholders-title">
        <h2 id="sr-stakeholders-title">{t('sroiEditor.section.stakeholders')}</h2>
        <div className="sr-rows">
          {model.stakeholders.map((s, i) => (
            <fieldset key={i} className="sr-row sr-row--stakeholder" data-testid={`sr-stakeholder-${i}`}>
              <legend className="sr-visually-hidden">
                {t('sroiEditor.field.stakeholderN', { n: i + 1 })}
              </legend>
              {typed(
                `stakeholders[${i}].name`,
                t('sroiEditor.field.name'),
                s.name,
                nameField,
                (name) => setStakeholder(i, { name }),
                { inputMode: 'text' },
              )}
              {typed(
                `stakeholders[${i}].description`,
                t('sroiEditor.field.description'),
                s.description,
                { format: (v) => v, parse: (v) => (v.length <= SROI_LIMITS.text ? v : undefined) },
                (description) => setStakeholder(i, { description }),
                { inputMode: 'text' },
              )}
              {typed(`stakeholders[${i}].size`, t('sroiEditor.field.size'), s.size, sizeField, (size) =>
                setStakeholder(i, { size }),
              )}
              <button
                type="button"
                className="button button--secondary sr-remove"
                onClick={() => removeStakeholder(i)}
              >
                {t('sroiEditor.field.remove')}
              </button>
            </fieldset>
          ))}
        </div>
        {model.stakeholders.length < SROI_LIMITS.stakeholdersMax ? (
          <button
            type="button"
            className="button button--secondary sr-add"
            data-testid="sr-add-stakeholder"
            onClick={() =>
              onChange({
                ...model,
                stakeholders: [
                  ...model.stakeholders,
                  {
                    id: nextId(
                      'S',
                      model.stakeholders.map((s) => s.id),
                    ),
                    name: t('sroiEditor.field.stakeholderN', { n: model.stakeholders.length + 1 }),
                    description: '',
                    size: null,
                  },
                ],
              })
            }
          >
            + {t('sroiEditor.field.addStakeholder')}
          </button>
        ) : null}
      </section>

      <section className="sr-section" aria-labelledby="sr-inputs-title">
        <h2 id="sr-inputs-title">{t('sroiEditor.section.inputs')}</h2>
        <div className="sr-rows">
          {model.inputs.map((input, i) => (
            <fieldset key={i} className="sr-row sr-row--input" data-testid={`sr-input-${i}`}>
              <legend className="sr-visually-hidden">{t('sroiEditor.field.inputN', { n: i + 1 })}</legend>
              {typed(
                `inputs[${i}].label`,
                t('sroiEditor.field.label'),
                input.label,
                nameField,
                (label) => setInput(i, { label }),
                { inputMode: 'text' },
              )}
              {stakeholderSelect(`inputs[${i}].stakeholderId`, input.stakeholderId, (stakeholderId) =>
                setInput(i, { stakeholderId }),
              )}
              {typed(
                `inputs[${i}].year`,
                t('sroiEditor.field.year'),
                input.year,
                yearField,
                (year) => setInput(i, { year }),
                { inputMode: 'numeric', hint: t('sroiEditor.field.yearHint') },
              )}
              {typed(
                `inputs[${i}].valueSatang`,
                t('sroiEditor.field.valueBaht'),
                input.valueSatang,
                bahtField,
                (valueSatang) => setInput(i, { valueSatang }),
                { hint: formatBaht(input.valueSatang, lang), testId: `sr-input-${i}-value` },
              )}
              <div className="sr-field sr-field--check">
                <label>
                  <input
                    type="checkbox"
                    checked={input.nonCash}
                    onChange={(e) => setInput(i, { nonCash: e.target.checked })}
                  />{' '}
                  {t('sroiEditor.field.nonCash')}
                </label>
              </div>
              <button
                type="button"
                className="button button--secondary sr-remove"
                onClick={() => onChange({ ...model, inputs: model.inputs.filter((_, k) => k !== i) })}
              >
                {t('sroiEditor.field.remove')}
              </button>
            </fieldset>
          ))}
        </div>
        {model.inputs.length < SROI_LIMITS.inputsMax ? (
          <button
            type="button"
            className="button button--secondary sr-add"
            data-testid="sr-add-input"
            onClick={() =>
              onChange({
                ...model,
                inputs: [
                  ...model.inputs,
                  {
                    stakeholderId: null,
                    label: t('sroiEditor.field.inputN', { n: model.inputs.length + 1 }),
                    valueSatang: 0,
                    year: 0,
                    nonCash: false,
                  },
                ],
              })
            }
          >
            + {t('sroiEditor.field.addInput')}
          </button>
        ) : null}
      </section>

      <section className="sr-section" aria-labelledby="sr-outcomes-title">
        <h2 id="sr-outcomes-title">{t('sroiEditor.section.outcomes')}</h2>
        <div className="sr-outcomes">
          {model.outcomes.map((o, i) => {
            const at = `outcomes[${i}]`;
            const byYear = o.quantityByYear !== null;
            const linked = indicators.find((ind) => ind.id === o.projectIndicatorId);
            const years = byYear ? (o.quantityByYear?.length ?? 0) : (o.duration ?? 1);
            return (
              <fieldset key={i} className="sr-outcome" data-testid={`sr-outcome-${i}`} id={fieldDomId(at)}>
                <legend>
                  {t('sroiEditor.field.outcomeN', { n: i + 1 })}
                  {o.id ? ` (${o.id})` : ''}
                </legend>
                <div className="sr-grid">
                  {typed(
                    `${at}.id`,
                    t('sroiEditor.field.outcomeId'),
                    o.id,
                    idField,
                    (id) => setOutcome(i, { id }),
                    {
                      inputMode: 'text',
                    },
                  )}
                  {stakeholderSelect(`${at}.stakeholderId`, o.stakeholderId, (stakeholderId) =>
                    setOutcome(i, { stakeholderId }),
                  )}
                  {typed(
                    `${at}.description`,
                    t('sroiEditor.field.outcomeDescription'),
                    o.description,
                    { format: (v) => v, parse: (v) => (v.length <= SROI_LIMITS.text ? v : undefined) },
                    (description) => setOutcome(i, { description }),
                    { wide: true, inputMode: 'text', testId: `sr-outcome-${i}-description` },
                  )}
                  {typed(
                    `${at}.indicator`,
                    t('sroiEditor.field.indicator'),
                    o.indicator,
                    { format: (v) => v, parse: (v) => (v.length <= SROI_LIMITS.text ? v : undefined) },
                    (indicator) => setOutcome(i, { indicator }),
                    { wide: true, inputMode: 'text' },
                  )}
                  {indicators.length > 0 ? (
                    <SrField
                      path={`${at}.projectIndicatorId`}
                      label={t('sroiEditor.field.projectIndicator')}
                      wide
                      hint={
                        linked && linked.actual !== null ? (
                          <button
                            type="button"
                            className="sr-link"
                            onClick={() => setOutcome(i, { quantity: linked.actual, quantityByYear: null })}
                          >
                            {localName(linked, lang)}: {formatNumber(linked.actual, lang)}{' '}
                            {lang === 'th' ? linked.unitTh : linked.unitEn} → {t('sroiEditor.field.quantity')}
                          </button>
                        ) : undefined
                      }
                    >
                      {(tie) => (
                        <select
                          {...tie}
                          value={o.projectIndicatorId ?? ''}
                          onChange={(e) => {
                            const chosen = indicators.find((ind) => ind.id === e.target.value);
                            setOutcome(i, {
                              projectIndicatorId: chosen?.id ?? null,
                              ...(chosen && o.indicator.trim() === ''
                                ? { indicator: localName(chosen, lang) }
                                : {}),
                            });
                          }}
                        >
                          <option value="">{t('sroiEditor.field.noProjectIndicator')}</option>
                          {indicators.map((ind) => (
                            <option key={ind.id} value={ind.id}>
                              {ind.code} · {localName(ind, lang)}
                            </option>
                          ))}
                        </select>
                      )}
                    </SrField>
                  ) : null}
                </div>

                <div className="sr-grid">
                  <div className="sr-field" role="radiogroup" aria-label={t('sroiEditor.field.quantityMode')}>
                    <span className="sr-label">{t('sroiEditor.field.quantityMode')}</span>
                    <label className="sr-radio">
                      <input
                        type="radio"
                        name={`sr-qmode-${i}`}
                        checked={!byYear}
                        onChange={() => setOutcome(i, { quantityByYear: null })}
                      />{' '}
                      {t('sroiEditor.field.quantityFixed')}
                    </label>
                    <label className="sr-radio">
                      <input
                        type="radio"
                        name={`sr-qmode-${i}`}
                        checked={byYear}
                        onChange={() =>
                          setOutcome(i, {
                            quantityByYear: o.quantity === null ? [] : [o.quantity],
                            quantity: null,
                            duration: null,
                            dropoff: null,
                          })
                        }
                      />{' '}
                      {t('sroiEditor.field.quantityByYear')}
                    </label>
                  </div>
                  {byYear
                    ? typed(
                        `${at}.quantityByYear`,
                        t('sroiEditor.field.quantities'),
                        o.quantityByYear,
                        seriesField,
                        (quantityByYear) => setOutcome(i, { quantityByYear: quantityByYear ?? [] }),
                        { wide: true },
                      )
                    : typed(
                        `${at}.quantity`,
                        t('sroiEditor.field.quantity'),
                        o.quantity,
                        quantityField,
                        (quantity) => setOutcome(i, { quantity }),
                        { testId: `sr-outcome-${i}-quantity` },
                      )}
                  {byYear
                    ? null
                    : typed(
                        `${at}.duration`,
                        t('sroiEditor.field.duration'),
                        o.duration,
                        durationField,
                        (duration) => setOutcome(i, { duration }),
                        { inputMode: 'numeric', testId: `sr-outcome-${i}-duration` },
                      )}
                  {typed(
                    `${at}.startYear`,
                    t('sroiEditor.field.startYear'),
                    o.startYear,
                    startYearField,
                    (startYear) => setOutcome(i, { startYear }),
                    { inputMode: 'numeric', hint: t('sroiEditor.field.startYearHint') },
                  )}
                  {byYear
                    ? null
                    : typed(
                        `${at}.dropoff`,
                        t('sroiEditor.field.dropoff'),
                        o.dropoff,
                        optionalPercentField,
                        (dropoff) => setOutcome(i, { dropoff }),
                        { testId: `sr-outcome-${i}-dropoff` },
                      )}
                </div>

                <div className="sr-grid sr-grid--proxy">
                  {typed(
                    `${at}.proxySatang`,
                    t('sroiEditor.field.proxyBaht'),
                    o.proxySatang,
                    bahtField,
                    (proxySatang) =>
                      setOutcome(i, {
                        proxySatang,
                        ...(proxySatang === o.proxySatang ? {} : { proxyId: null }),
                      }),
                    { hint: formatBaht(o.proxySatang, lang), testId: `sr-outcome-${i}-proxy` },
                  )}
                  {typed(
                    `${at}.proxyLabel`,
                    t('sroiEditor.field.proxyLabel'),
                    o.proxyLabel,
                    { format: (v) => v, parse: (v) => (v.length <= SROI_LIMITS.text ? v : undefined) },
                    (proxyLabel) => setOutcome(i, { proxyLabel }),
                    { inputMode: 'text', hint: o.proxyId ? t('sroiEditor.field.fromLibrary') : undefined },
                  )}
                  {typed(
                    `${at}.proxySource`,
                    t('sroiEditor.field.proxySource'),
                    o.proxySource,
                    { format: (v) => v, parse: (v) => (v.length <= SROI_LIMITS.text ? v : undefined) },
                    (proxySource) => setOutcome(i, { proxySource }),
                    { inputMode: 'text' },
                  )}
                  {typed(
                    `${at}.proxySourceUrl`,
                    t('sroiEditor.field.proxySourceUrl'),
                    o.proxySourceUrl,
                    { format: (v) => v, parse: (v) => (v.length <= 2000 ? v.trim() : undefined) },
                    (proxySourceUrl) => setOutcome(i, { proxySourceUrl }),
                    { inputMode: 'text' },
                  )}
                  <div className="sr-field sr-field--wide">
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-expanded={picking === i}
                      data-testid={`sr-outcome-${i}-pick`}
                      onClick={() => setPicking(picking === i ? null : i)}
                    >
                      {t('sroiEditor.field.pickProxy')}
                    </button>
                  </div>
                  {picking === i ? (
                    <div className="sr-field--wide sr-picker">
                      <ProxyPicker
                        onPick={(proxy) => pickProxy(i, proxy)}
                        selectedId={o.proxyId}
                        testId={`sr-proxy-picker-${i}`}
                      />
                    </div>
                  ) : null}
                </div>

                <div className="sr-grid">
                  {typed(
                    `${at}.deadweight`,
                    t('sroiEditor.field.deadweight'),
                    o.deadweight,
                    percentField,
                    (deadweight) => setOutcome(i, { deadweight }),
                    { testId: `sr-outcome-${i}-deadweight` },
                  )}
                  {typed(
                    `${at}.displacement`,
                    t('sroiEditor.field.displacement'),
                    o.displacement,
                    percentField,
                    (displacement) => setOutcome(i, { displacement }),
                  )}
                  {typed(
                    `${at}.attribution`,
                    t('sroiEditor.field.attribution'),
                    o.attribution,
                    percentField,
                    (attribution) => setOutcome(i, { attribution }),
                    { testId: `sr-outcome-${i}-attribution` },
                  )}
                  {years > 5 || o.durationEvidence
                    ? typed(
                        `${at}.durationEvidence`,
                        t('sroiEditor.field.durationEvidence'),
                        o.durationEvidence,
                        { format: (v) => v, parse: (v) => (v.length <= SROI_LIMITS.text ? v : undefined) },
                        (durationEvidence) => setOutcome(i, { durationEvidence }),
                        { wide: true, inputMode: 'text' },
                      )
                    : null}
                </div>
                <div className="sr-outcome__actions">
                  <button
                    type="button"
                    className="button button--secondary sr-remove"
                    onClick={() => onChange({ ...model, outcomes: model.outcomes.filter((_, k) => k !== i) })}
                  >
                    {t('sroiEditor.field.remove')}
                  </button>
                </div>
              </fieldset>
            );
          })}
        </div>
        {model.outcomes.length < SROI_LIMITS.outcomesMax ? (
          <button
            type="button"
            className="button button--secondary sr-add"
            data-testid="sr-add-outcome"
            onClick={() =>
              onChange({
                ...model,
                outcomes: [
                  ...model.outcomes,
                  {
                    ...blankOutcome(
                      nextId(
                        'O',
                        model.outcomes.map((o) => o.id),
                      ),
                    ),
                    stakeholderId: model.stakeholders[0]?.id ?? null,
                    quantity: 0,
                    duration: 1,
                  },
                ],
              })
            }
          >
            + {t('sroiEditor.field.addOutcome')}
          </button>
        ) : null}
      </section>
    </>
  );
}
