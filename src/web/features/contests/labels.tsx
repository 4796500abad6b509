import type { ContestStatus, EntryStatus } from '@shared/contracts/contests';
import type { Language } from '@shared/i18n/index';
import { PROVINCES } from '@shared/reference/provinces';
import { Badge, type BadgeTone } from '@web/components/ui/badge';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

const STATUS_TONE: Record<ContestStatus, BadgeTone> = {
  draft: 'neutral',
  open: 'brand',
  judging: 'accent',
  announced: 'success',
  archived: 'neutral',
};

export function ContestStatusBadge({ status }: { status: ContestStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONE[status]}>{t(`contests.status.${status}`)}</Badge>;
}

const ENTRY_TONE: Record<EntryStatus, BadgeTone> = {
  submitted: 'neutral',
  accepted: 'brand',
  rejected: 'neutral',
  winner: 'accent',
};

export function EntryStatusBadge({ status, place }: { status: EntryStatus; place?: number | null }) {
  const { t } = useI18n();
  return (
    <Badge tone={ENTRY_TONE[status]}>
      {status === 'winner' && place ? t('contests.place', { place }) : t(`contests.entryStatus.${status}`)}
    </Badge>
  );
}

/** Who entered: the organisation's name in the language for a proposal, else the name given with the entry. */
export function entrantOf(
  entry: { entrantName: string; organisationNameTh?: string | null; organisationNameEn?: string | null },
  lang: Language,
): string {
  return entry.organisationNameTh
    ? localName({ nameTh: entry.organisationNameTh, nameEn: entry.organisationNameEn ?? '' }, lang)
    : entry.entrantName;
}

/** A province's name in the language, or nothing. */
export function useProvinceName(): (code: number | null | undefined) => string {
  const { lang } = useI18n();
  return (code) => {
    const province = PROVINCES.find((p) => p.code === code);
    return province ? localName(province, lang) : '';
  };
}
