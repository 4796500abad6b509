import { useI18n } from '@web/lib/i18n';

/** The choice between the boundary map and the tile grid: two radio buttons in a fieldset. */
export function MapViewToggle({
  name,
  isTiles,
  onChange,
  className = 'map-view-toggle',
}: {
  /** The radio group's name, unique on the page. */
  name: string;
  isTiles: boolean;
  onChange: (isTiles: boolean) => void;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className={className}>
      <legend>{t('map.viewLabel')}</legend>
      <div className="map-view-toggle__options">
        <label>
          <input
            type="radio"
            name={name}
            value="boundaries"
            checked={!isTiles}
            onChange={() => onChange(false)}
          />
          <span>{t('map.viewBoundaries')}</span>
        </label>
        <label>
          <input type="radio" name={name} value="tiles" checked={isTiles} onChange={() => onChange(true)} />
          <span>{t('map.viewTiles')}</span>
        </label>
      </div>
    </fieldset>
  );
}
