import type { ReactNode } from 'react';
import type { Organisation } from '@shared/contracts/organisations';
import { THEMES } from '@shared/reference/themes';
import { Badge } from '@web/components/ui/badge';
import { ExternalLink } from '@web/components/ui/external-link';
import { useDistricts, useProvinces, useSubdistricts } from '@web/features/provinces/api';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import type { ApiResult } from '@web/lib/use-api';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="org-facts__item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const BANGKOK = 10;

function findArea<T extends { code: number }>(list: ApiResult<T[]>, code: number | null): T | undefined {
  return code === null || list.status !== 'success'
    ? undefined
    : list.data.find((item) => item.code === code);
}

/** The address as one line: the free text, then subdistrict, district, province and postal code by name. */
function useAddress(organisation: Organisation): string {
  const { t, lang } = useI18n();
  const provinces = useProvinces();
  const districts = useDistricts(organisation.provinceCode);
  const subdistricts = useSubdistricts(organisation.districtCode);
  const subdistrict = findArea(subdistricts, organisation.subdistrictCode);
  const district = findArea(districts, organisation.districtCode);
  const province = findArea(provinces, organisation.provinceCode);
  // Bangkok has แขวง / เขต where the provinces have ตำบล / อำเภอ, and no "จังหวัด" before its name.
  const isBangkok = organisation.provinceCode === BANGKOK;
  return [
    organisation.addressLine,
    subdistrict
      ? t(isBangkok ? 'orgs.profile.khwaengOf' : 'orgs.profile.subdistrictOf', {
          name: localName(subdistrict, lang),
        })
      : null,
    district
      ? t(isBangkok ? 'orgs.profile.khetOf' : 'orgs.profile.districtOf', { name: localName(district, lang) })
      : null,
    province
      ? isBangkok
        ? localName(province, lang)
        : t('orgs.profile.provinceOf', { name: localName(province, lang) })
      : null,
  ]
    .filter((part): part is string => Boolean(part))
    .join(lang === 'th' ? ' ' : ', ')
    .concat(organisation.postalCode ? ` ${organisation.postalCode}` : '')
    .trim();
}

/** The organisation's profile: identifiers, address, contacts, website, themes and description. */
export function OrganisationDetails({ organisation }: { organisation: Organisation }) {
  const { t, lang } = useI18n();
  const address = useAddress(organisation);
  const themes = THEMES.filter((theme) => organisation.themes.includes(theme.code));
  const none = <span className="org-facts__none">{t('orgs.profile.notGiven')}</span>;
  return (
    <div className="org-details">
      <dl className="org-facts" data-testid="organisation-facts">
        {organisation.nameEn ? (
          <Fact term={t('orgs.fields.nameEn')}>
            <span lang="en">{organisation.nameEn}</span>
          </Fact>
        ) : null}
        {organisation.juristicId ? (
          <Fact term={t('orgs.fields.juristicId')}>
            <span className="org-code">{organisation.juristicId}</span>
          </Fact>
        ) : null}
        {organisation.communityEnterpriseCode ? (
          <Fact term={t('orgs.fields.communityEnterpriseCode')}>
            <span className="org-code">{organisation.communityEnterpriseCode}</span>
          </Fact>
        ) : null}
        <Fact term={t('orgs.profile.address')}>{address || none}</Fact>
        <Fact term={t('orgs.fields.contactEmail')}>
          {organisation.contactEmail ? (
            <a href={`mailto:${organisation.contactEmail}`}>{organisation.contactEmail}</a>
          ) : (
            none
          )}
        </Fact>
        <Fact term={t('orgs.fields.contactPhone')}>
          {organisation.contactPhone ? (
            <a href={`tel:${organisation.contactPhone.replace(/[\s-]/g, '')}`}>{organisation.contactPhone}</a>
          ) : (
            none
          )}
        </Fact>
        <Fact term={t('orgs.fields.website')}>
          {organisation.website ? (
            <ExternalLink href={organisation.website}>{organisation.website}</ExternalLink>
          ) : (
            none
          )}
        </Fact>
        <Fact term={t('orgs.fields.themes')}>
          {themes.length > 0 ? (
            <ul className="org-themes">
              {themes.map((theme) => (
                <li key={theme.code}>
                  <Badge tone="accent">{localName(theme, lang)}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Fact>
      </dl>
      {organisation.description ? (
        <div className="org-description">
          <h3>{t('orgs.fields.description')}</h3>
          <p>{organisation.description}</p>
        </div>
      ) : null}
    </div>
  );
}
