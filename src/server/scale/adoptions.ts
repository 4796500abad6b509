import { adoptionEvents, adoptions } from '@server/db/schema/index';
import type { AdopterType, AdoptionStatus, BeneficiaryCount } from '@shared/contracts/diffusion';
import { BENEFICIARY_GROUPS } from '@shared/contracts/diffusion';
import { canTransition } from '@shared/diffusion/timeline';
import type { PublishedInnovation } from './catalogue';
import type { Organisations, People, Reference, ScaleContext } from './context';
import { skewedInt, weightedSampler, zipfWeights } from './distributions';
import type { Random } from './random';
import { organisationName, type Place } from './text';
import { addDays, atBangkok, daysBetween } from './time';
import { ADAPTATIONS, DISCONTINUED_REASONS, LOCAL_FUNDING_SOURCES, PRODUCTS } from './vocabulary';

const ADOPTER_WEIGHTS: ReadonlyArray<readonly [AdopterType, number]> = [
  ['local_government', 30],
  ['community_enterprise', 15],
  ['school', 12],
  ['village_committee', 10],
  ['community_group', 8],
  ['health_promoting_hospital', 6],
  ['temple', 5],
  ['cooperative', 4],
  ['npo_foundation', 4],
  ['hospital', 2],
  ['social_enterprise', 2],
  ['youth_group', 2],
];

const ORGANISATION_TYPES = new Set<string>([
  'community_enterprise',
  'social_enterprise',
  'youth_group',
  'npo_foundation',
  'university',
  'local_government',
  'private_company',
  'civil_society_group',
  'government_agency',
  'international_agency',
]);

/** The Thai name of an adopter of a type at a place. */
export function adopterNameOf(random: Random, type: AdopterType, place: Place): string {
  const local = place.subdistrictCode !== null ? place.subdistrictTh : place.provinceTh;
  const district = place.districtCode !== null ? place.districtTh : place.provinceTh;
  switch (type) {
    case 'school':
      return `โรงเรียนบ้าน${local}`;
    case 'temple':
      return `วัด${local}`;
    case 'hospital':
      return `โรงพยาบาล${district}`;
    case 'health_promoting_hospital':
      return `โรงพยาบาลส่งเสริมสุขภาพตำบล${local}`;
    case 'village_committee':
      return `คณะกรรมการหมู่บ้าน${local} หมู่ที่ ${random.int(1, 15)}`;
    case 'cooperative':
      return `สหกรณ์การเกษตร${district} จำกัด`;
    case 'community_group':
      return `กลุ่ม${random.pick(PRODUCTS)[0]}บ้าน${local}`;
    case 'community_enterprise':
    case 'social_enterprise':
    case 'youth_group':
    case 'npo_foundation':
    case 'university':
    case 'local_government':
    case 'private_company':
    case 'civil_society_group':
    case 'government_agency':
    case 'international_agency':
      return organisationName(random, type, place).th;
    default: {
      const exhaustive: never = type;
      return exhaustive;
    }
  }
}

/** Typical days between one step of the timeline and the next. */
const STEP_DAYS: Partial<Record<AdoptionStatus, readonly [number, number]>> = {
  planning: [20, 120],
  implementing: [30, 150],
  adopted: [60, 240],
  sustained: [180, 400],
};
const STEPS: readonly AdoptionStatus[] = ['interested', 'planning', 'implementing', 'adopted', 'sustained'];

/**
 * Adoptions of published innovations at other sites: a few innovations spread very widely (Zipf; diffusion-ready
 * ones more), to every province (the busy provinces and the target group more), by local governments, schools,
 * temples, village committees…; each with its dated timeline (interested → … → sustained, or discontinued with a
 * reason), beneficiaries by group and local funding.
 */
export async function generateAdoptions(
  ctx: ScaleContext,
  ref: Reference,
  people: People,
  orgs: Organisations,
  published: PublishedInnovation[],
): Promise<number> {
  if (published.length === 0) {
    return 0;
  }
  const random = ctx.random.fork('adoptions');
  const adoptionBuf = ctx.loader.table(adoptions);
  const eventBuf = ctx.loader.table(adoptionEvents, [adoptionBuf]);
  const ranked = random.shuffle(published);
  const zipf = zipfWeights(ranked.length, 0.7);
  const innovationSampler = weightedSampler(
    ranked,
    ranked.map((p, i) => (zipf[i] ?? 0) * (p.isDiffusionReady ? 3 : 1)),
  );
  const targetSampler = weightedSampler(ref.targetGroup, zipfWeights(ref.targetGroup.length, 0.7));
  const adopterTypes = weightedSampler(
    ADOPTER_WEIGHTS.map(([t]) => t),
    ADOPTER_WEIGHTS.map(([, w]) => w),
  );
  const recorders = [
    ...people.units.flatMap((u) => u.staffUserIds),
    ...people.partnerUserIds,
    ...people.officerUserIds,
  ];
  const earlier = new Map<string, Array<{ id: string; on: string }>>();
  let written = 0;

  for (let i = 0; i < ctx.size.adoptions; i += 1) {
    const innovation = innovationSampler.draw(random);
    const provinceCode = random.chance(0.3) ? targetSampler.draw(random) : ref.provinceSampler.draw(random);
    const place = ref.placeIn(random, provinceCode);
    const adopterType = adopterTypes.draw(random);
    const available = daysBetween(innovation.publishedOn, ctx.today);
    if (available < 1) {
      continue;
    }
    const interestedOn = addDays(
      innovation.publishedOn,
      Math.floor(Math.pow(random.next(), 0.8) * available),
    );
    // Walk the timeline while the dates stay in the past; some stall, some stop.
    const steps: Array<{ from: AdoptionStatus | null; to: AdoptionStatus; on: string }> = [
      { from: null, to: 'interested', on: interestedOn },
    ];
    let status: AdoptionStatus = 'interested';
    let on = interestedOn;
    let discontinuedReason = '';
    const stallAt = random.chance(0.2) ? random.int(0, 3) : 99;
    for (let s = 1; s < STEPS.length; s += 1) {
      const next = STEPS[s] ?? 'sustained';
      const [min, max] = STEP_DAYS[next] ?? [30, 120];
      const nextOn = addDays(on, random.int(min, max));
      if (nextOn > ctx.today || s - 1 >= stallAt) {
        break;
      }
      if (next !== 'sustained' && random.chance(0.06)) {
        const stopOn = addDays(on, random.int(10, max));
        if (stopOn <= ctx.today && canTransition(status, 'discontinued')) {
          steps.push({ from: status, to: 'discontinued', on: stopOn });
          status = 'discontinued';
          on = stopOn;
          discontinuedReason = random.pick(DISCONTINUED_REASONS);
        }
        break;
      }
      steps.push({ from: status, to: next, on: nextOn });
      status = next;
      on = nextOn;
    }
    const adoptedOn = steps.find((step) => step.to === 'adopted')?.on ?? null;
    const beneficiaries: BeneficiaryCount[] = random
      .sample(BENEFICIARY_GROUPS, random.int(1, 3))
      .map((group) => ({ group, count: skewedInt(random, 60, 1.1, 1, 20_000) }));
    const id = random.uuid();
    const previous = earlier.get(innovation.id);
    const source = previous && random.chance(0.2) ? random.pick(previous) : null;
    const partner = people.partners.length > 0 && random.chance(0.6) ? random.pick(people.partners) : null;
    const localOrgs = ORGANISATION_TYPES.has(adopterType)
      ? (orgs.byProvince.get(provinceCode) ?? []).filter((k) => orgs.types[k] === adopterType)
      : [];
    const adopterOrg = localOrgs.length > 0 && random.chance(0.3) ? random.pick(localOrgs) : null;
    const createdAt = atBangkok(interestedOn, 10);
    const funded = adoptedOn !== null && random.chance(0.7);
    await adoptionBuf.add({
      id,
      innovationId: innovation.id,
      provinceCode,
      districtCode: place.districtCode,
      subdistrictCode: place.subdistrictCode,
      adopterOrganisationId: adopterOrg === null ? null : (orgs.ids[adopterOrg] ?? null),
      adopterName:
        adopterOrg === null ? adopterNameOf(random, adopterType, place) : (orgs.nameTh[adopterOrg] ?? ''),
      adopterType,
      diffusionPartnerId: partner?.id ?? null,
      diffusionPartnerName: partner?.nameTh ?? '',
      sourceAdoptionId: source && source.on <= interestedOn ? source.id : null,
      status,
      statusOn: on,
      interestedOn,
      adoptedOn,
      discontinuedReason,
      adaptationsTh: random.pick(ADAPTATIONS),
      beneficiaries,
      localFundingSatang: funded ? random.int(1, 50) * 1_000_000 : 0,
      localFundingSource: funded ? random.pick(LOCAL_FUNDING_SOURCES) : '',
      createdBy: recorders.length > 0 ? random.pick(recorders) : people.adminUserId,
      version: steps.length,
      createdAt,
      updatedAt: atBangkok(on, 10),
    });
    for (const step of steps) {
      await eventBuf.add({
        id: random.uuid(),
        adoptionId: id,
        fromStatus: step.from,
        toStatus: step.to,
        occurredOn: step.on,
        note: step.to === 'discontinued' ? discontinuedReason : '',
        createdAt: atBangkok(step.on, 10),
      });
    }
    const list = previous ?? [];
    if (list.length < 50) {
      list.push({ id, on: interestedOn });
    }
    earlier.set(innovation.id, list);
    written += 1;
  }
  return written;
}
