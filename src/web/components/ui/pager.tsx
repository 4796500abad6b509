import { formatNumber } from '@web/lib/format';
import { useI18n, type MessageKey } from '@web/lib/i18n';

/** Previous / next over an offset-paged list, with "from–to of total" between; the caller names it and its buttons. */
export function OffsetPager({
  className,
  label,
  offset,
  shown,
  total,
  hasNext,
  previousText,
  nextText,
  rangeKey,
  onPrevious,
  onNext,
}: {
  className: string;
  label: string;
  offset: number;
  shown: number;
  total: number;
  hasNext: boolean;
  previousText: string;
  nextText: string;
  /** Catalogue key of the range text, with `from`, `to` and `total`. */
  rangeKey: MessageKey;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const { t, lang } = useI18n();
  if (offset === 0 && !hasNext) {
    return null;
  }
  return (
    <nav className={className} aria-label={label}>
      <button type="button" className="button button--secondary" disabled={offset === 0} onClick={onPrevious}>
        {previousText}
      </button>
      <span>
        {t(rangeKey, {
          from: formatNumber(offset + 1, lang),
          to: formatNumber(offset + shown, lang),
          total: formatNumber(total, lang),
        })}
      </span>
      <button type="button" className="button button--secondary" disabled={!hasNext} onClick={onNext}>
        {nextText}
      </button>
    </nav>
  );
}
