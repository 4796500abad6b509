import { FieldError, describedBy } from '@web/components/ui/form';
import { useI18n } from '@web/lib/i18n';
import { fieldDomId } from '../report-form';

export const SRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
type SrlLevel = (typeof SRL_LEVELS)[number];

export function isSrlLevel(value: number | null): value is SrlLevel {
  return value !== null && SRL_LEVELS.some((level) => level === value);
}

/** The name and the description of an SRL level, in the interface's language. */
export function useSrlText() {
  const { t } = useI18n();
  return (level: SrlLevel) => ({
    name: t(`projectReportsUi.srl.levels.${level}.name`),
    text: t(`projectReportsUi.srl.levels.${level}.text`),
  });
}

/** The nine levels of the Societal Readiness Level scale as radio cards, each with what it means. */
export function SrlPicker({
  value,
  error,
  onChange,
}: {
  value: number | null;
  error: string | undefined;
  onChange: (level: number | null) => void;
}) {
  const { t } = useI18n();
  const srlText = useSrlText();
  const id = fieldDomId('srlLevel');
  const errorId = `${id}-error`;
  return (
    <fieldset
      className="pr-srl"
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(error && errorId)}
      aria-invalid={error ? true : undefined}
      data-invalid={error ? 'true' : undefined}
      data-testid="report-srl"
    >
      <legend className="pr-srl__legend">{t('projectReportsUi.srl.legend')}</legend>
      <FieldError id={errorId} message={error} />
      <ol className="pr-srl__levels">
        {SRL_LEVELS.map((level) => {
          const { name, text } = srlText(level);
          const checked = value === level;
          return (
            <li key={level}>
              <label className="pr-srl__level" data-checked={checked ? 'true' : undefined}>
                <input
                  type="radio"
                  name="pr-srl-level"
                  value={level}
                  checked={checked}
                  onChange={() => onChange(level)}
                  data-testid={`srl-level-${level}`}
                />
                <span className="pr-srl__number" aria-hidden="true">
                  {level}
                </span>
                <span className="pr-srl__words">
                  <span className="pr-srl__name">
                    <span className="visually-hidden">{t('projectReportsUi.srl.level', { level })} </span>
                    {name}
                  </span>
                  <span className="pr-srl__text">{text}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ol>
      {value !== null ? (
        <button type="button" className="pr-small-button pr-srl__clear" onClick={() => onChange(null)}>
          {t('projectReportsUi.srl.clear')}
        </button>
      ) : null}
    </fieldset>
  );
}

/** The level chosen, with its description, read only. */
export function SrlValue({ level }: { level: number | null }) {
  const { t } = useI18n();
  const srlText = useSrlText();
  if (!isSrlLevel(level)) {
    return <p className="pr-muted">{t('projectReportsUi.srl.none')}</p>;
  }
  const { name, text } = srlText(level);
  return (
    <div className="pr-srl-value" data-testid="report-srl-value">
      <span className="pr-srl__number" aria-hidden="true">
        {level}
      </span>
      <div>
        <p className="pr-srl-value__name">{t('projectReportsUi.srl.current', { level, name })}</p>
        <p className="pr-srl-value__text">{text}</p>
      </div>
    </div>
  );
}
