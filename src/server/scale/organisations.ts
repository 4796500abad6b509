import { organisationMembers, organisations } from '@server/db/schema/index';
import type { OrganisationTypeCode } from '@shared/reference/organisation-types';
import type { Organisations, People, Reference, ScaleContext } from './context';
import { weightedSampler } from './distributions';
import { scaleEmail } from './people';
import { organisationName, type Place } from './text';
import { atBangkok, fiscalYearStart, plusDays } from './time';

/** How common each kind of applicant organisation is. */
const TYPE_WEIGHTS: ReadonlyArray<readonly [OrganisationTypeCode, number]> = [
  ['community_enterprise', 30],
  ['local_government', 15],
  ['social_enterprise', 12],
  ['npo_foundation', 10],
  ['civil_society_group', 10],
  ['youth_group', 8],
  ['private_company', 6],
  ['university', 5],
  ['government_agency', 3],
  ['international_agency', 1],
];

/** A 13-digit juristic-person number with a valid mod-11 check digit, unique per `serial`. */
export function juristicId(provinceCode: number, serial: number): string {
  const body = `0${String(provinceCode).padStart(2, '0')}5${String(serial).padStart(8, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    sum += Number(body[i]) * (13 - i);
  }
  return `${body}${(11 - (sum % 11)) % 10}`;
}

function communityEnterpriseCode(place: Place, serial: number): string {
  const two = (n: number) => String(n % 100).padStart(2, '0');
  const district = place.districtCode ?? place.provinceCode * 100 + 1;
  const subdistrict = place.subdistrictCode ?? district * 100 + 1;
  return `${1 + (serial % 9)}-${two(place.provinceCode)}-${two(district)}-${two(subdistrict)}/1-${String(serial % 10_000).padStart(4, '0')}`;
}

/**
 * Applicant organisations in every province (the busy provinces far more), of every type, each owned by one
 * applicant; some have editors and viewers too.
 */
export async function generateOrganisations(
  ctx: ScaleContext,
  ref: Reference,
  people: People,
): Promise<Organisations> {
  const random = ctx.random.fork('organisations');
  const orgBuf = ctx.loader.table(organisations);
  const memberBuf = ctx.loader.table(organisationMembers, [orgBuf]);
  const count = ctx.size.organisations;
  const types = weightedSampler(
    TYPE_WEIGHTS.map(([t]) => t).filter((t) => ctx.size.region === null || t !== 'international_agency'),
    TYPE_WEIGHTS.filter(([t]) => ctx.size.region === null || t !== 'international_agency').map(([, w]) => w),
  );
  const applicants = people.applicantUserIds;
  const start = atBangkok(fiscalYearStart(ctx.fiscalYearNow - ctx.size.fiscalYears), 9);
  const spanDays = Math.max(1, Math.round((ctx.asOf.getTime() - start.getTime()) / 86_400_000));

  const out: Organisations = {
    ids: [],
    types: [],
    provinceCodes: [],
    places: [],
    nameTh: [],
    nameEn: [],
    ownerUserIds: [],
    memberUserIds: [],
    byType: new Map(),
    byProvince: new Map(),
  };
  let extra = count; // applicants past the owners join organisations as editors and viewers
  for (let i = 0; i < count; i += 1) {
    const type = types.draw(random);
    const provinceCode = ref.provinceSampler.draw(random);
    const place = ref.placeIn(random, provinceCode);
    const name = organisationName(random, type, place);
    const id = random.uuid();
    const owner = applicants[i % applicants.length] ?? people.adminUserId;
    const createdAt = plusDays(start, Math.floor(Math.sqrt(random.next()) * spanDays));
    const registered =
      type === 'social_enterprise' || type === 'private_company' || type === 'npo_foundation';
    const themes = [...new Set([ref.themeSampler.draw(random), ref.themeSampler.draw(random)])];
    await orgBuf.add({
      id,
      nameTh: name.th,
      nameEn: name.en,
      type,
      juristicId: registered ? juristicId(provinceCode, i + 1) : null,
      communityEnterpriseCode: type === 'community_enterprise' ? communityEnterpriseCode(place, i + 1) : null,
      addressLine: `${random.int(1, 299)} หมู่ ${random.int(1, 15)}`,
      provinceCode,
      districtCode: place.districtCode,
      subdistrictCode: place.subdistrictCode,
      contactEmail: scaleEmail(`org${i + 1}`),
      contactPhone: `0${random.int(20_000_000, 99_999_999)}`,
      description: `${name.th} ดำเนินงานด้านการพัฒนาชุมชนในพื้นที่มาแล้ว ${random.int(1, 20)} ปี`,
      themes,
      createdBy: owner,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    });
    const members = [owner];
    await memberBuf.add({ organisationId: id, userId: owner, role: 'owner', joinedAt: createdAt });
    for (const role of ['editor', 'viewer'] as const) {
      if (extra < applicants.length && random.chance(role === 'editor' ? 0.45 : 0.15)) {
        const userId = applicants[extra];
        extra += 1;
        if (userId && !members.includes(userId)) {
          members.push(userId);
          await memberBuf.add({
            organisationId: id,
            userId,
            role,
            joinedAt: new Date(
              Math.min(plusDays(createdAt, random.int(1, 60)).getTime(), ctx.asOf.getTime()),
            ),
          });
        }
      }
    }
    out.ids.push(id);
    out.types.push(type);
    out.provinceCodes.push(provinceCode);
    out.places.push(place);
    out.nameTh.push(name.th);
    out.nameEn.push(name.en);
    out.ownerUserIds.push(owner);
    out.memberUserIds.push(members);
    const ofType = out.byType.get(type) ?? [];
    ofType.push(i);
    out.byType.set(type, ofType);
    const ofProvince = out.byProvince.get(provinceCode) ?? [];
    ofProvince.push(i);
    out.byProvince.set(provinceCode, ofProvince);
  }
  return out;
}
