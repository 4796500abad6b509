import type { ReactNode } from 'react';
import {
  FORM_LIMITS,
  LOGIC_MODEL_PARTS,
  type ChoiceOption,
  type LogicModelAnswer,
  type Question,
  type SrlAnswer,
} from '@shared/contracts/forms';
import { isQuestionVisible } from '@shared/forms/validate';
import { SDGS } from '@shared/reference/sdgs';
import { THEMES } from '@shared/reference/themes';
import { describedBy, FieldError } from '@web/components/ui/form';
import { formatBaht, formatDate, formatNumber, localName } from '@web/lib/format';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { AnswerView } from './answer-view';
import { AreaQuestion } from './area-question';
import { useRenderer } from './context';
import { FileQuestion } from './file-question';
import { GroupFrame, localized, SingleFrame, type FrameProps } from './frames';
import { characterCount, MoneyInput, NumberInput } from './inputs';
import { domIdOf, issueText, issuesAt } from './issues';
import { TableQuestion } from './table-question';

/** Radio buttons up to this many options; a select above it. */
const MAX_RADIOS = 6;

const SRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export const asString = (value: unknown): string => (typeof value === 'string' ? value : '');
export const asNumber = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

function Counter({ count, max, min }: { count: number; max?: number | undefined; min?: number | undefined }) {
  const { t } = useI18n();
  const over = max !== undefined && count > max;
  const under = min !== undefined && count > 0 && count < min;
  return (
    <span className={over || under ? 'fr-counter fr-counter--problem' : 'fr-counter'}>
      {max !== undefined ? t('proposals.form.chars', { count, max }) : String(count)}
      {min !== undefined ? ` · ${t('proposals.form.minChars', { min })}` : null}
    </span>
  );
}

/** Toggles `item` in a list, keeping the order of `order`. */
function toggle<T>(list: readonly T[], item: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) {
    set.add(item);
  } else {
    set.delete(item);
  }
  return order.filter((x) => set.has(x));
}

function RadioGroup({
  name,
  options,
  value,
  onChoose,
  onClear,
  required,
}: {
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string | null;
  onChoose: (value: string) => void;
  onClear: () => void;
  required: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="fr-options">
        {options.map((option) => {
          const id = `${name}-${option.value}`;
          return (
            <div className="fr-option" key={option.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChoose(option.value)}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
      {!required && value !== null ? (
        <button type="button" className="fr-link-button" onClick={onClear}>
          {t('proposals.form.clear')}
        </button>
      ) : null}
    </>
  );
}

function CheckboxGroup<T extends string | number>({
  name,
  options,
  value,
  onChange,
  columns,
}: {
  name: string;
  options: ReadonlyArray<{ value: T; label: ReactNode }>;
  value: readonly T[];
  onChange: (next: T[]) => void;
  columns?: boolean;
}) {
  const order = options.map((o) => o.value);
  return (
    <div className={columns ? 'fr-options fr-options--columns' : 'fr-options'}>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div className="fr-option" key={option.value}>
            <input
              type="checkbox"
              id={id}
              checked={value.includes(option.value)}
              onChange={(event) => onChange(toggle(value, option.value, event.target.checked, order))}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </div>
  );
}

function selectionNote(
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
  min?: number,
  max?: number,
): string | undefined {
  const parts = [
    min ? t('proposals.form.selectAtLeast', { min }) : '',
    max ? t('proposals.form.selectUpTo', { max }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** One question: hidden when its condition does not hold, else its control (or, read-only, its answer). */
export function QuestionField({ question: q }: { question: Question }) {
  const { t, lang } = useI18n();
  const { form, answers, readOnly, prefix, issues, update, touch } = useRenderer();
  if (!isQuestionVisible(q, answers, form)) {
    return null;
  }
  const value = answers[q.id];
  const field = `answers.${q.id}`;
  const id = domIdOf(prefix, field);
  const label = localized(q.labelTh, q.labelEn, lang);
  const help = localized(q.helpTh, q.helpEn, lang);

  if (readOnly) {
    return (
      <div className="fr-question fr-question--read" id={id}>
        <h3 className="fr-question__label">{label}</h3>
        <div className="fr-answer">
          <AnswerView question={q} value={value} />
        </div>
      </div>
    );
  }

  const own = issuesAt(issues, field);
  const error = own.length > 0 ? own.map((i) => issueText(i, t, lang)).join(' ') : undefined;
  const frame: FrameProps = { id, label, help, required: q.required, error, onBlur: () => touch(q.id) };
  const set = (next: unknown) => update(q.id, () => next);
  /** A choice is complete once made: its messages may show at once (text waits until the field is left). */
  const choose = (next: unknown) => {
    set(next);
    touch(q.id);
  };
  const optionLabel = (o: ChoiceOption) => localized(o.labelTh, o.labelEn, lang);

  switch (q.type) {
    case 'short_text': {
      const text = asString(value);
      return (
        <SingleFrame
          {...frame}
          meta={q.maxLength ? <Counter count={characterCount(text)} max={q.maxLength} /> : undefined}
        >
          {(tie) => <input {...tie} type="text" value={text} onChange={(e) => set(e.target.value)} />}
        </SingleFrame>
      );
    }
    case 'long_text': {
      const text = asString(value);
      return (
        <SingleFrame
          {...frame}
          meta={
            <Counter
              count={characterCount(text)}
              max={q.maxLength ?? FORM_LIMITS.longTextMax}
              min={q.minLength || undefined}
            />
          }
        >
          {(tie) => <textarea {...tie} rows={6} value={text} onChange={(e) => set(e.target.value)} />}
        </SingleFrame>
      );
    }
    case 'number': {
      const unit = localized(q.unitTh, q.unitEn, lang) || undefined;
      const n = (value: number) => formatNumber(value, lang, { maximumFractionDigits: 6 });
      const range =
        q.min !== undefined && q.max !== undefined
          ? `${n(q.min)} – ${n(q.max)}`
          : q.min !== undefined
            ? `≥ ${n(q.min)}`
            : q.max !== undefined
              ? `≤ ${n(q.max)}`
              : undefined;
      return (
        <SingleFrame {...frame} note={range}>
          {(tie) => (
            <NumberInput {...tie} value={asNumber(value)} onValue={set} integer={q.integer} unit={unit} />
          )}
        </SingleFrame>
      );
    }
    case 'money': {
      const min = q.minSatang !== undefined ? formatBaht(q.minSatang, lang) : null;
      const max = q.maxSatang !== undefined ? formatBaht(q.maxSatang, lang) : null;
      const note =
        min && max
          ? t('proposals.form.moneyRange', { min, max })
          : min
            ? t('proposals.form.moneyMin', { min })
            : max
              ? t('proposals.form.moneyMax', { max })
              : t('proposals.form.moneyHint');
      return (
        <SingleFrame {...frame} note={note}>
          {(tie) => <MoneyInput {...tie} value={asNumber(value)} onValue={set} />}
        </SingleFrame>
      );
    }
    case 'date': {
      const date = asString(value);
      const note =
        q.min && q.max
          ? t('proposals.form.dateRange', {
              min: formatDate(q.min, lang, 'long'),
              max: formatDate(q.max, lang, 'long'),
            })
          : undefined;
      return (
        <SingleFrame
          {...frame}
          note={note}
          meta={date ? t('proposals.form.dateShown', { date: formatDate(date, lang, 'long') }) : undefined}
        >
          {(tie) => (
            <input
              {...tie}
              type="date"
              className="fr-date"
              value={date}
              min={q.min}
              max={q.max}
              onChange={(e) => set(e.target.value || null)}
            />
          )}
        </SingleFrame>
      );
    }
    case 'single_choice': {
      const chosen = typeof value === 'string' ? value : null;
      if (q.options.length > MAX_RADIOS) {
        return (
          <SingleFrame {...frame}>
            {(tie) => (
              <select {...tie} value={chosen ?? ''} onChange={(e) => choose(e.target.value || null)}>
                <option value="">{t('proposals.form.choose')}</option>
                {q.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {optionLabel(o)}
                  </option>
                ))}
              </select>
            )}
          </SingleFrame>
        );
      }
      return (
        <GroupFrame {...frame}>
          <RadioGroup
            name={`${id}-choice`}
            options={q.options.map((o) => ({ value: o.value, label: optionLabel(o) }))}
            value={chosen}
            onChoose={choose}
            onClear={() => choose(null)}
            required={q.required}
          />
        </GroupFrame>
      );
    }
    case 'multiple_choice':
      return (
        <GroupFrame {...frame} note={selectionNote(t, q.minSelected, q.maxSelected)}>
          <CheckboxGroup
            name={`${id}-choice`}
            options={q.options.map((o) => ({ value: o.value, label: optionLabel(o) }))}
            value={asArray(value).filter((v): v is string => typeof v === 'string')}
            onChange={choose}
          />
        </GroupFrame>
      );
    case 'yes_no': {
      const chosen = value === true ? 'yes' : value === false ? 'no' : null;
      return (
        <GroupFrame {...frame}>
          <RadioGroup
            name={`${id}-yn`}
            options={[
              { value: 'yes', label: t('proposals.form.yes') },
              { value: 'no', label: t('proposals.form.no') },
            ]}
            value={chosen}
            onChoose={(v) => choose(v === 'yes')}
            onClear={() => choose(null)}
            required={q.required}
          />
        </GroupFrame>
      );
    }
    case 'themes':
      return (
        <GroupFrame {...frame} note={selectionNote(t, undefined, q.maxSelected)}>
          <CheckboxGroup
            name={`${id}-theme`}
            options={THEMES.map((theme) => ({
              value: theme.code,
              label: `${theme.number}. ${localName(theme, lang)}`,
            }))}
            value={asArray(value).filter((v): v is string => typeof v === 'string')}
            onChange={choose}
          />
        </GroupFrame>
      );
    case 'sdgs':
      return (
        <GroupFrame {...frame} note={selectionNote(t, undefined, q.maxSelected)}>
          <CheckboxGroup
            name={`${id}-sdg`}
            columns
            options={SDGS.map((sdg) => ({
              value: sdg.number,
              label: (
                <>
                  <span className="fr-sdg">{t('proposals.form.sdg', { number: sdg.number })}</span>{' '}
                  {localName(sdg, lang)}
                </>
              ),
            }))}
            value={asArray(value).filter((v): v is number => typeof v === 'number')}
            onChange={choose}
          />
        </GroupFrame>
      );
    case 'logic_model': {
      const model = asRecord(value) as LogicModelAnswer;
      return (
        <GroupFrame {...frame}>
          <div className="fr-parts">
            {LOGIC_MODEL_PARTS.map((part) => {
              const partId = domIdOf(prefix, `${field}.${part}`);
              const hintId = `${partId}-hint`;
              const partErrors = issuesAt(issues, `${field}.${part}`);
              return (
                <div className="fr-part" key={part}>
                  <label htmlFor={partId}>{t(`proposals.form.logicModel.${part}`)}</label>
                  <p className="fr-question__help" id={hintId}>
                    {t(`proposals.form.logicModel.${part}Hint`)}
                  </p>
                  <textarea
                    id={partId}
                    rows={3}
                    value={model[part] ?? ''}
                    aria-describedby={describedBy(hintId, partErrors.length > 0 && `${partId}-error`)}
                    onChange={(e) =>
                      update(q.id, (previous) => ({ ...asRecord(previous), [part]: e.target.value }))
                    }
                  />
                  <FieldError
                    id={`${partId}-error`}
                    message={partErrors[0] ? issueText(partErrors[0], t, lang) : undefined}
                  />
                </div>
              );
            })}
          </div>
        </GroupFrame>
      );
    }
    case 'srl': {
      const srl = asRecord(value) as SrlAnswer;
      return (
        <GroupFrame {...frame}>
          <div className="fr-parts fr-parts--two">
            {(['current', 'target'] as const).map((part) => {
              const partId = domIdOf(prefix, `${field}.${part}`);
              const level = srl[part] ?? null;
              return (
                <div className="fr-part" key={part}>
                  <label htmlFor={partId}>{t(`proposals.form.srl.${part}`)}</label>
                  <select
                    id={partId}
                    value={level === null ? '' : String(level)}
                    aria-describedby={level !== null ? `${partId}-desc` : undefined}
                    onChange={(e) => {
                      update(q.id, (previous) => ({
                        ...asRecord(previous),
                        [part]: e.target.value === '' ? null : Number(e.target.value),
                      }));
                      touch(q.id);
                    }}
                  >
                    <option value="">{t('proposals.form.srl.choose')}</option>
                    {SRL_LEVELS.map((n) => (
                      <option key={n} value={String(n)}>
                        {`${t('proposals.form.srl.level', { level: n })} — ${t(`proposals.form.srl.levels.${n}`)}`}
                      </option>
                    ))}
                  </select>
                  {level !== null ? (
                    <p className="fr-question__help" id={`${partId}-desc`}>
                      {t(`proposals.form.srl.levels.${level as (typeof SRL_LEVELS)[number]}`)}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
        </GroupFrame>
      );
    }
    case 'file':
      return <FileQuestion question={q} frame={frame} value={value} />;
    case 'area':
      return <AreaQuestion question={q} frame={frame} value={value} />;
    case 'team_table':
    case 'budget_table':
    case 'milestones_table':
      return <TableQuestion question={q} frame={frame} value={value} />;
    default: {
      const exhaustive: never = q;
      return exhaustive;
    }
  }
}
