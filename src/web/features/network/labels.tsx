import type { PartnerRole } from '@shared/contracts/network';
import type { Language } from '@shared/i18n/index';
import { useI18n } from '@web/lib/i18n';

/** A name in the interface's language, falling back to Thai when there is no English one. */
export function nameIn(p: { nameTh: string; nameEn: string }, lang: Language): string {
  return lang === 'en' && p.nameEn ? p.nameEn : p.nameTh;
}

/** A title in the interface's language, falling back to Thai. */
export function titleIn(p: { titleTh: string; titleEn: string }, lang: Language): string {
  return lang === 'en' && p.titleEn ? p.titleEn : p.titleTh;
}

/** A partner's roles as small labels. */
export function RoleChips({ roles }: { roles: readonly PartnerRole[] }) {
  const { t } = useI18n();
  return (
    <ul className="nw-roles" aria-label={t('network.partner.roles')}>
      {roles.map((role) => (
        <li key={role} className={`nw-role nw-role--${role}`}>
          {t(`network.role.${role}`)}
        </li>
      ))}
    </ul>
  );
}
