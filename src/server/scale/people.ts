import {
  drivingUnitProfiles,
  drivingUnitProvinces,
  drivingUnits,
  drivingUnitTargets,
  partners,
  reviewerProfiles,
  userRoles,
  users,
} from '@server/db/schema/index';
import { PRIVACY_NOTICE_V1 } from '@server/modules/accounts/accounts.service';
import { UNIT_MEASURES } from '@shared/contracts/driving-units';
import type { PartnerRole, PartnerSector } from '@shared/contracts/network';
import type { PlatformRole } from '@shared/contracts/identity';
import { REGIONS, type RegionCode } from '@shared/reference/regions';
import type { People, Reference, ReviewerInfo, ScaleContext, UnitInfo } from './context';
import { zipfSampler } from './distributions';
import { searchTextOf } from './search-text';
import { organisationName, personName } from './text';
import { atBangkok, fiscalYearStart, plusDays } from './time';

/** The domain of every generated account's e-mail address. */
export const SCALE_EMAIL_DOMAIN = 'scale.si-platform.test';
export const scaleEmail = (local: string) => `${local}@${SCALE_EMAIL_DOMAIN}`;

const UNIT_NAMES: Record<RegionCode, { th: string; en: string }> = {
  north: { th: 'ภาคเหนือ', en: 'Northern' },
  northeast: { th: 'ภาคตะวันออกเฉียงเหนือ', en: 'Northeastern' },
  central: { th: 'ภาคกลาง', en: 'Central' },
  east: { th: 'ภาคตะวันออก', en: 'Eastern' },
  west: { th: 'ภาคตะวันตก', en: 'Western' },
  south: { th: 'ภาคใต้', en: 'Southern' },
};

/** How the accounts divide among roles (the rest are applicants). */
export function accountPlan(users: number, regional: boolean) {
  const officers = Math.max(2, Math.round(users * 0.0003));
  const reviewers = Math.max(6, Math.round(users * 0.03));
  const partnerUsers = Math.max(1, Math.round(users * 0.003));
  const unitCount = regional ? 1 : REGIONS.length + 2;
  const staffPerUnit = Math.max(1, Math.min(regional ? 3 : 5, Math.floor(users / 100)));
  const applicants = Math.max(1, users - 1 - officers - reviewers - partnerUsers - unitCount * staffPerUnit);
  return { officers, reviewers, partnerUsers, unitCount, staffPerUnit, applicants };
}

/**
 * Accounts (one administrator, programme officers, driving-unit staff, reviewers with profiles, partners and
 * applicants), the driving units with their provinces, profiles and yearly targets, and the SI Network partners.
 */
export async function generatePeople(ctx: ScaleContext, ref: Reference): Promise<People> {
  const random = ctx.random.fork('people');
  const { loader } = ctx;
  const userBuf = loader.table(users);
  const unitBuf = loader.table(drivingUnits);
  const roleBuf = loader.table(userRoles, [userBuf, unitBuf]);
  const unitProvinceBuf = loader.table(drivingUnitProvinces, [unitBuf]);
  const profileBuf = loader.table(drivingUnitProfiles, [unitBuf]);
  const targetBuf = loader.table(drivingUnitTargets, [unitBuf]);
  const reviewerBuf = loader.table(reviewerProfiles, [userBuf]);
  const partnerBuf = loader.table(partners);

  const regional = ctx.size.region !== null;
  const plan = accountPlan(ctx.size.users, regional);
  const firstFy = ctx.fiscalYearNow - ctx.size.fiscalYears + 1;
  const periodStart = fiscalYearStart(firstFy - 1);
  const staffSince = atBangkok(periodStart, 9);
  const spanDays = Math.max(1, Math.round((ctx.asOf.getTime() - staffSince.getTime()) / 86_400_000));

  const addUser = async (email: string, name: string, createdAt: Date, locale = 'th') => {
    const id = random.uuid();
    await userBuf.add({
      id,
      email,
      name,
      phone: random.chance(0.6) ? `08${random.int(10_000_000, 99_999_999)}` : null,
      passwordHash: ctx.passwordHash,
      emailVerifiedAt: createdAt,
      locale,
      status: 'active',
      privacyNoticeVersion: PRIVACY_NOTICE_V1.version,
      privacyAcceptedAt: createdAt,
      createdAt,
      updatedAt: createdAt,
    });
    return id;
  };
  const grant = async (
    userId: string,
    role: PlatformRole,
    grantedBy: string | null,
    at: Date,
    unitId?: string,
  ) => {
    await roleBuf.add({ userId, role, drivingUnitId: unitId ?? null, grantedBy, grantedAt: at });
  };

  const adminUserId = await addUser(scaleEmail('admin'), 'ผู้ดูแลระบบ ข้อมูลขนาดใหญ่', staffSince);
  await grant(adminUserId, 'administrator', null, staffSince);
  const officerUserIds: string[] = [];
  for (let i = 1; i <= plan.officers; i += 1) {
    const id = await addUser(scaleEmail(`officer${i}`), personName(random), staffSince);
    await grant(id, 'programme_officer', adminUserId, staffSince);
    officerUserIds.push(id);
  }

  // Driving units: one area-based unit per region (the region's provinces), and for the whole country two units
  // for social entrepreneurs and youth.
  const units: UnitInfo[] = [];
  const regions = regional ? REGIONS.filter((r) => r.code === ctx.size.region) : REGIONS;
  for (const region of regions) {
    const name = UNIT_NAMES[region.code];
    const id = random.uuid();
    units.push({
      id,
      kind: 'area_based',
      regionCode: region.code,
      provinceCodes: ref.provinces.filter((p) => p.region === region.code).map((p) => p.code),
      staffUserIds: [],
    });
    await unitBuf.add({
      id,
      nameTh: `หน่วยขับเคลื่อนนวัตกรรมเพื่อสังคมเชิงพื้นที่ ${name.th}`,
      nameEn: `${name.en} Area-based Driving Unit`,
      kind: 'area_based',
      regionCode: region.code,
      createdAt: staffSince,
      updatedAt: staffSince,
    });
  }
  if (!regional) {
    for (const [i, label] of [
      ['ผู้ประกอบการทางสังคม', 'Social Entrepreneurs'],
      ['เยาวชน', 'Youth'],
    ].entries()) {
      const id = random.uuid();
      units.push({ id, kind: 'entrepreneurs_youth', regionCode: null, provinceCodes: [], staffUserIds: [] });
      await unitBuf.add({
        id,
        nameTh: `หน่วยขับเคลื่อนนวัตกรรมเพื่อสังคมด้าน${label[0]} ${i + 1}`,
        nameEn: `${label[1]} Driving Unit ${i + 1}`,
        kind: 'entrepreneurs_youth',
        regionCode: null,
        createdAt: staffSince,
        updatedAt: staffSince,
      });
    }
  }
  const areaUnitByProvince = new Map<number, string>();
  let staffNumber = 0;
  for (const unit of units) {
    for (const code of unit.provinceCodes) {
      await unitProvinceBuf.add({ drivingUnitId: unit.id, provinceCode: code });
      areaUnitByProvince.set(code, unit.id);
    }
    const host = organisationName(random, 'university', ref.placeIn(random, random.pick(ref.provinces).code));
    await profileBuf.add({
      drivingUnitId: unit.id,
      hostNameTh: host.th,
      hostNameEn: host.en,
      descriptionTh: 'บ่มเพาะชุมชนและผู้ประกอบการทางสังคมให้พัฒนานวัตกรรมที่แก้ปัญหาในพื้นที่',
      descriptionEn:
        'Incubates communities and social entrepreneurs to develop innovations for local problems.',
      contactEmail: scaleEmail(`unit-office${units.indexOf(unit) + 1}`),
      createdAt: staffSince,
      updatedAt: staffSince,
    });
    for (let fy = firstFy; fy <= ctx.fiscalYearNow; fy += 1) {
      for (const measure of UNIT_MEASURES) {
        await targetBuf.add({
          drivingUnitId: unit.id,
          fiscalYear: fy,
          measure,
          target: random.int(2, 40) * (measure === 'participants_trained' ? 50 : 5),
          updatedAt: atBangkok(fiscalYearStart(fy), 9),
        });
      }
    }
    for (let i = 0; i < plan.staffPerUnit; i += 1) {
      staffNumber += 1;
      const id = await addUser(scaleEmail(`unit${staffNumber}`), personName(random), staffSince);
      await grant(id, 'driving_unit_staff', adminUserId, staffSince, unit.id);
      unit.staffUserIds.push(id);
    }
  }

  // Reviewers: each with one to three themes (the busy themes more often) and a home province.
  const reviewers: ReviewerInfo[] = [];
  for (let i = 1; i <= plan.reviewers; i += 1) {
    const createdAt = plusDays(staffSince, random.int(0, Math.floor(spanDays * 0.8)));
    const id = await addUser(scaleEmail(`reviewer${i}`), personName(random), createdAt);
    await grant(id, 'reviewer', officerUserIds[0] ?? adminUserId, createdAt);
    const themes = [
      ...new Set(Array.from({ length: random.int(1, 3) }, () => ref.themeSampler.draw(random))),
    ];
    const provinceCode = ref.provinceSampler.draw(random);
    const affiliation = organisationName(random, 'university', ref.placeIn(random, provinceCode));
    await reviewerBuf.add({
      userId: id,
      themes,
      provinceCodes: [provinceCode],
      affiliation: affiliation.th,
      expertiseTh: 'นวัตกรรมชุมชนและการขยายผล',
      expertiseEn: 'Community innovation and scaling',
      languages: random.chance(0.4) ? ['th', 'en'] : ['th'],
      maxLoad: random.pick([10, 15, 20, 30]),
      isActive: random.chance(0.95),
      createdAt,
      updatedAt: createdAt,
    });
    reviewers.push({ userId: id, themes, provinceCode });
  }

  const partnerUserIds: string[] = [];
  for (let i = 1; i <= plan.partnerUsers; i += 1) {
    const createdAt = plusDays(staffSince, random.int(0, spanDays));
    const id = await addUser(scaleEmail(`partner${i}`), personName(random), createdAt);
    await grant(id, 'partner', adminUserId, createdAt);
    partnerUserIds.push(id);
  }

  // Applicants join over the whole period, more of them lately.
  const applicantUserIds: string[] = [];
  for (let i = 1; i <= plan.applicants; i += 1) {
    const createdAt = plusDays(staffSince, Math.floor(Math.sqrt(random.next()) * spanDays));
    applicantUserIds.push(await addUser(scaleEmail(`applicant${i}`), personName(random), createdAt));
  }

  // SI Network partners: foundations, agencies, universities and local governments that help innovations spread.
  const partnerCount = Math.max(3, Math.round(plan.partnerUsers * 1.3));
  const partnerKinds: Array<{ type: Parameters<typeof organisationName>[1]; sector: PartnerSector }> = [
    { type: 'npo_foundation', sector: 'civil_society' },
    { type: 'university', sector: 'academic' },
    { type: 'government_agency', sector: 'government' },
    { type: 'local_government', sector: 'local_government' },
    { type: 'private_company', sector: 'private' },
    { type: 'international_agency', sector: 'international' },
  ];
  const kindSampler = zipfSampler(random.fork('partner-kinds'), partnerKinds, 0.8);
  const partnerList: People['partners'] = [];
  for (let i = 0; i < partnerCount; i += 1) {
    const kind = kindSampler.draw(random);
    const provinceCode = ref.provinceSampler.draw(random);
    const name = organisationName(random, kind.type, ref.placeIn(random, provinceCode));
    const roles: PartnerRole[] = ['diffusion_partner'];
    if (random.chance(0.3)) {
      roles.push(kind.sector === 'academic' ? 'academic_partner' : 'co_funder');
    }
    if (kind.sector === 'international') {
      roles.push('international_agency');
    }
    const descriptionTh = 'ภาคีเครือข่ายที่ร่วมขยายผลนวัตกรรมเพื่อสังคมสู่ชุมชนและองค์กรปกครองส่วนท้องถิ่น';
    const descriptionEn =
      'A network partner that helps social innovations spread to communities and local governments.';
    const id = random.uuid();
    const createdAt = plusDays(staffSince, random.int(0, spanDays));
    await partnerBuf.add({
      id,
      nameTh: name.th,
      nameEn: name.en,
      sector: kind.sector,
      roles,
      descriptionTh,
      descriptionEn,
      provinceCode,
      searchText: searchTextOf(name.th, name.en, descriptionTh, descriptionEn),
      createdAt,
      updatedAt: createdAt,
    });
    partnerList.push({ id, nameTh: name.th });
  }
  ctx.log(
    `  ${1 + plan.officers} staff, ${units.length} units (${staffNumber} unit staff), ${plan.reviewers} reviewers, ` +
      `${plan.partnerUsers} partner users, ${plan.applicants} applicants, ${partnerCount} partners ` +
      `(since ${periodStart})`,
  );
  return {
    adminUserId,
    officerUserIds,
    units,
    areaUnitByProvince,
    reviewers,
    partnerUserIds,
    applicantUserIds,
    partners: partnerList,
  };
}
