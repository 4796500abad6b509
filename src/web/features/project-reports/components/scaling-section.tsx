import { useState } from 'react';
import { PROJECT_LIMITS, type ScalingRecommendation } from '@shared/contracts/projects';
import { PROVINCES } from '@shared/reference/provinces';
import { FieldError } from '@web/components/ui/form';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { emptyScaling, fieldDomId, type ScalingDraft } from '../report-form';
import { ReportInput, ReportTextArea } from './text-area';

function useProvinceName() {
  const { lang } = useI18n();
  return (code: number) => {
    const province = PROVINCES.find((p) => p.code === code);
    return province ? localName(province, lang) : String(code);
  };
}

/** Provinces as removable chips and a select to add one. */
function ProvincePicker({
  fieldKey,
  codes,
  error,
  onChange,
}: {
  fieldKey: string;
  codes: number[];
  error: string | undefined;
  onChange: (codes: number[]) => void;
}) {
  const { t, lang } = useI18n();
  const provinceName = useProvinceName();
  const [choice, setChoice] = useState('');
  const id = fieldDomId(fieldKey);
  const options = [...PROVINCES]
    .filter((p) => !codes.includes(p.code))
    .sort((a, b) => localName(a, lang).localeCompare(localName(b, lang), lang));
  const add = () => {
    const code = Number(choice);
    if (choice !== '' && !codes.includes(code)) {
      onChange([...codes, code]);
    }
    setChoice('');
  };
  return (
    <div className="field form-field pr-field pr-provinces" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{t('projectReportsUi.scaling.provinces')}</label>
      {codes.length > 0 ? (
        <ul className="pr-chips">
          {codes.map((code) => (
            <li key={code} className="pr-chip">
              <span>{provinceName(code)}</span>
              <button
                type="button"
                className="pr-chip__remove"
                aria-label={t('projectReportsUi.scaling.removeProvince', { name: provinceName(code) })}
                onClick={() => onChange(codes.filter((c) => c !== code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="pr-provinces__add">
        <select
          id={id}
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          data-testid="scaling-province"
        >
          <option value="">{t('projectReportsUi.scaling.chooseProvince')}</option>
          {options.map((p) => (
            <option key={p.code} value={p.code}>
              {localName(p, lang)}
            </option>
          ))}
        </select>
        <button type="button" className="pr-small-button" onClick={add} disabled={choice === ''}>
          {t('projectReportsUi.scaling.addProvince')}
        </button>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** Scaling recommendations of the final report: where, how and under what conditions; add and remove. */
export function ScalingEditor({
  items,
  errors,
  onChange,
}: {
  items: ScalingDraft[];
  errors: Record<string, string>;
  onChange: (update: (items: ScalingDraft[]) => ScalingDraft[]) => void;
}) {
  const { t } = useI18n();
  const full = items.length >= PROJECT_LIMITS.scalingRecommendationsMax;
  const update = (key: number, part: Partial<ScalingDraft>) =>
    onChange((list) => list.map((item) => (item.key === key ? { ...item, ...part } : item)));
  const add = () => {
    onChange((list) => [...list, emptyScaling()]);
    window.setTimeout(
      () => document.getElementById(fieldDomId(`scalingRecommendations.${items.length}.area`))?.focus(),
      0,
    );
  };
  return (
    <div className="pr-rows">
      {items.length === 0 ? <p className="pr-muted">{t('projectReportsUi.scaling.none')}</p> : null}
      <ol className="pr-scaling">
        {items.map((item, index) => {
          const key = `scalingRecommendations.${index}`;
          return (
            <li
              key={item.key}
              className="pr-scaling__item"
              id={fieldDomId(key)}
              tabIndex={-1}
              data-testid="scaling-item"
            >
              <div className="pr-scaling__head">
                <h4>{t('projectReportsUi.scaling.item', { n: index + 1 })}</h4>
                <button
                  type="button"
                  className="pr-small-button pr-small-button--danger"
                  aria-label={t('projectReportsUi.scaling.removeLabel', { n: index + 1 })}
                  onClick={() => onChange((list) => list.filter((x) => x.key !== item.key))}
                >
                  {t('projectReportsUi.scaling.remove')}
                </button>
              </div>
              <FieldError id={`${fieldDomId(key)}-error`} message={errors[key]} />
              <ReportInput
                fieldKey={`${key}.area`}
                label={t('projectReportsUi.scaling.area')}
                hint={t('projectReportsUi.scaling.areaHint')}
                value={item.area}
                error={errors[`${key}.area`]}
                maxLength={PROJECT_LIMITS.shortText}
                onChange={(area) => update(item.key, { area })}
              />
              <ProvincePicker
                fieldKey={`${key}.provinceCodes`}
                codes={item.provinceCodes}
                error={errors[`${key}.provinceCodes`]}
                onChange={(provinceCodes) => update(item.key, { provinceCodes })}
              />
              <ReportTextArea
                fieldKey={`${key}.recommendation`}
                label={t('projectReportsUi.scaling.recommendation')}
                hint={t('projectReportsUi.scaling.recommendationHint')}
                value={item.recommendation}
                error={errors[`${key}.recommendation`]}
                rows={4}
                maxLength={PROJECT_LIMITS.text}
                onChange={(recommendation) => update(item.key, { recommendation })}
              />
              <ReportTextArea
                fieldKey={`${key}.conditions`}
                label={t('projectReportsUi.scaling.conditions')}
                hint={t('projectReportsUi.scaling.conditionsHint')}
                value={item.conditions}
                error={errors[`${key}.conditions`]}
                rows={3}
                maxLength={PROJECT_LIMITS.text}
                onChange={(conditions) => update(item.key, { conditions })}
              />
            </li>
          );
        })}
      </ol>
      <p className="pr-rows__add">
        <button
          type="button"
          className="pr-small-button"
          onClick={add}
          disabled={full}
          data-testid="scaling-add"
        >
          + {t('projectReportsUi.scaling.add')}
        </button>
        {full ? (
          <span className="pr-muted">
            {t('projectReportsUi.scaling.max', { max: PROJECT_LIMITS.scalingRecommendationsMax })}
          </span>
        ) : null}
      </p>
    </div>
  );
}

/** The scaling recommendations, read only. */
export function ScalingView({ items }: { items: readonly ScalingRecommendation[] }) {
  const { t } = useI18n();
  const provinceName = useProvinceName();
  if (items.length === 0) {
    return <p className="pr-muted">{t('projectReportsUi.scaling.none')}</p>;
  }
  return (
    <ol className="pr-scaling">
      {items.map((item, index) => (
        <li key={`${item.area}-${index}`} className="pr-scaling__item" data-testid="scaling-item">
          <h4>{t('projectReportsUi.scaling.item', { n: index + 1 })}</h4>
          <dl className="pr-facts">
            <div>
              <dt>{t('projectReportsUi.scaling.area')}</dt>
              <dd>{item.area}</dd>
            </div>
            <div>
              <dt>{t('projectReportsUi.scaling.provinces')}</dt>
              <dd>
                {item.provinceCodes.length > 0
                  ? item.provinceCodes.map(provinceName).join(', ')
                  : t('projectReportsUi.scaling.noProvinces')}
              </dd>
            </div>
            <div>
              <dt>{t('projectReportsUi.scaling.recommendation')}</dt>
              <dd className="pr-pre">{item.recommendation}</dd>
            </div>
            <div>
              <dt>{t('projectReportsUi.scaling.conditions')}</dt>
              <dd className="pr-pre">{item.conditions || '—'}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
