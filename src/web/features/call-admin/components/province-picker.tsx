import { useId } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { PROVINCES } from '@shared/reference/provinces';
import { REGIONS } from '@shared/reference/regions';
import { describedBy } from '@web/components/ui/form';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/**
 * Many provinces at once: a foldable list per region (closed until opened, with how many are chosen), so that 77
 * checkboxes stay usable on a phone. The chosen provinces are listed by name under the legend.
 */
export function ProvincePicker({
  legend,
  hint,
  selected,
  registration,
}: {
  legend: string;
  hint?: string;
  selected: readonly string[];
  registration: UseFormRegisterReturn;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const chosen = new Set(selected);
  const names = PROVINCES.filter((p) => chosen.has(String(p.code))).map((p) => localName(p, lang));
  return (
    <fieldset
      className="ca-checks ca-provinces"
      aria-describedby={describedBy(hint ? `${id}-hint` : undefined, `${id}-chosen`)}
      data-testid="province-picker"
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-chosen`} className="ca-provinces__chosen" aria-live="polite">
        {names.length === 0
          ? t('calls.admin.form.noProvinces')
          : t('calls.admin.form.provincesChosen', { count: names.length, names: names.join(', ') })}
      </p>
      {REGIONS.map((region) => {
        const inRegion = PROVINCES.filter((p) => p.region === region.code);
        const count = inRegion.filter((p) => chosen.has(String(p.code))).length;
        return (
          <details key={region.code} className="ca-provinces__region">
            <summary>
              {localName(region, lang)}{' '}
              <span className="ca-provinces__count">
                {t('calls.admin.form.regionCount', { count, total: inRegion.length })}
              </span>
            </summary>
            <ul className="ca-checks__list ca-checks__list--columns">
              {inRegion.map((province) => (
                <li key={province.code} className="form-check__row">
                  <input
                    id={`${id}-${province.code}`}
                    type="checkbox"
                    value={String(province.code)}
                    {...registration}
                  />
                  <label htmlFor={`${id}-${province.code}`}>{localName(province, lang)}</label>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </fieldset>
  );
}
