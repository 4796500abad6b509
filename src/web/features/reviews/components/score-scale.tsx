import { useId } from 'react';
import type { RubricCriterion } from '@shared/contracts/rubrics';
import { useI18n } from '@web/lib/i18n';

/** Scales up to this many points show one button per score; longer ones (0–100) a number box. */
const MAX_BUTTONS = 11;

/**
 * A criterion's score: a row of radio buttons styled as a segmented control (1 | 2 | 3 | 4 | 5), or a number box for
 * long scales. `value` null = not scored yet.
 */
export function ScoreScale({
  criterion,
  name,
  value,
  disabled,
  describedBy,
  invalid,
  onChange,
}: {
  criterion: RubricCriterion;
  name: string;
  value: number | null;
  disabled?: boolean;
  describedBy?: string;
  invalid?: boolean;
  onChange: (value: number | null) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const label = t('reviews.scoring.scoreLabel', {
    name: lang === 'en' ? criterion.nameEn : criterion.nameTh,
  });
  const count = criterion.scaleMax - criterion.scaleMin + 1;
  if (count > MAX_BUTTONS) {
    return (
      <div className="field form-field rs-score-number">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={criterion.scaleMin}
          max={criterion.scaleMax}
          step={1}
          value={value ?? ''}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
          onChange={(event) => {
            const raw = event.target.value;
            onChange(raw === '' ? null : Number(raw));
          }}
          data-testid={`score-${criterion.id}`}
        />
      </div>
    );
  }
  const scores = Array.from({ length: count }, (_, i) => criterion.scaleMin + i);
  return (
    <div
      className="rs-scale"
      role="radiogroup"
      aria-label={label}
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
      data-testid={`score-${criterion.id}`}
    >
      {scores.map((score) => (
        <label key={score} className="rs-scale__option" data-checked={value === score ? 'true' : undefined}>
          <input
            type="radio"
            name={name}
            value={score}
            checked={value === score}
            disabled={disabled}
            onChange={() => onChange(score)}
            aria-label={t('reviews.scoring.scoreOption', { score })}
          />
          <span aria-hidden="true">{score}</span>
        </label>
      ))}
    </div>
  );
}
