import type { CallPhase, CallSummary } from '@shared/contracts/calls';
import { Badge } from '@web/components/ui/badge';
import { formatBaht, formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { callCountdown } from '../call-dates';

const PHASE_TONE = { open: 'brand', upcoming: 'accent', closed: 'neutral' } as const;

export function PhaseBadge({ phase }: { phase: CallPhase }) {
  const { t } = useI18n();
  return <Badge tone={PHASE_TONE[phase]}>{t(`calls.phase.${phase}`)}</Badge>;
}

/** A date and time in Bangkok, Buddhist Era in Thai ("31 มี.ค. 2569 23:59"). */
export function useDateTime(): (iso: string) => string {
  const { lang } = useI18n();
  return (iso) => formatDate(iso, lang, 'dateTime');
}

/** "ทุนต่อข้อเสนอ 100,000 – 500,000 บาท" (or "ไม่เกิน …" when there is no minimum). */
export function useGrantText(): (
  call: Pick<CallSummary, 'minGrantSatang' | 'maxGrantSatang'>,
  withLabel: boolean,
) => string {
  const { t, lang } = useI18n();
  return (call, withLabel) => {
    const max = formatBaht(call.maxGrantSatang, lang);
    if (call.minGrantSatang > 0) {
      const min = formatBaht(call.minGrantSatang, lang);
      return withLabel
        ? t('calls.card.grantRange', { min, max })
        : t('calls.detail.grantRange', { min, max });
    }
    return withLabel ? t('calls.card.grantUpTo', { max }) : t('calls.detail.grantUpTo', { max });
  };
}

/** "เหลืออีก 10 วัน", "ปิดรับวันนี้", "เปิดรับในอีก 3 วัน"; nothing for a closed call. */
export function Countdown({
  call,
  now,
}: {
  call: Pick<CallSummary, 'phase' | 'opensAt' | 'closesAt'>;
  now: Date;
}) {
  const { t } = useI18n();
  const countdown = callCountdown(call, now);
  switch (countdown.kind) {
    case 'daysLeft':
      return <span className="call-countdown">{t('calls.card.daysLeft', { count: countdown.count })}</span>;
    case 'closesToday':
      return <span className="call-countdown call-countdown--urgent">{t('calls.card.closesToday')}</span>;
    case 'opensIn':
      return <span className="call-countdown">{t('calls.card.opensIn', { count: countdown.count })}</span>;
    case 'opensToday':
      return <span className="call-countdown">{t('calls.card.opensToday')}</span>;
    case 'closed':
      return null;
    default: {
      const exhaustive: never = countdown;
      return exhaustive;
    }
  }
}
