import type { MemberRole } from '@shared/contracts/organisations';
import { ORGANISATION_TYPES } from '@shared/reference/organisation-types';
import { Badge } from '@web/components/ui/badge';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/** An organisation type's name in the UI language (the code itself if unknown). */
export function useTypeName(): (code: string) => string {
  const { lang } = useI18n();
  return (code) => {
    const found = ORGANISATION_TYPES.find((type) => type.code === code);
    return found ? localName(found, lang) : code;
  };
}

/** The signed-in person's role in an organisation, as a badge. */
export function RoleBadge({ role }: { role: MemberRole }) {
  const { t } = useI18n();
  return <Badge tone={role === 'owner' ? 'brand' : 'neutral'}>{t(`organisations.role.${role}`)}</Badge>;
}
