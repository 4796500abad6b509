import type { TestContext } from '@tests/setup/test-app';
import { innovations, innovationOwners } from '@server/db/schema/index';
import { upsertDistricts, upsertSubdistricts } from '@server/modules/geo/geo.repo';
import { saveProvinceGroup } from '@server/modules/reference/reference.service';
import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';

/**
 * A small piece of Mae Hong Son's (58) and Narathiwat's (96) administrative areas, enough for sites with villages:
 * Mueang Mae Hong Son (5801) › Chong Kham (580101), Pang Mu (580102); Pai (5807) › Wiang Tai (580701);
 * Mueang Narathiwat (9601) › Bang Nak (960101).
 */
export async function loadTestAreas(ctx: TestContext): Promise<void> {
  const { db } = ctx.database;
  await upsertDistricts(db, [
    {
      code: 5801,
      parentCode: 58,
      nameTh: 'เมืองแม่ฮ่องสอน',
      nameEn: 'Mueang Mae Hong Son',
      postalCode: '58000',
    },
    { code: 5807, parentCode: 58, nameTh: 'ปาย', nameEn: 'Pai', postalCode: '58130' },
    { code: 9601, parentCode: 96, nameTh: 'เมืองนราธิวาส', nameEn: 'Mueang Narathiwat', postalCode: '96000' },
  ]);
  await upsertSubdistricts(db, [
    { code: 580101, parentCode: 5801, nameTh: 'จองคำ', nameEn: 'Chong Kham', postalCode: '58000' },
    { code: 580102, parentCode: 5801, nameTh: 'ปางหมู', nameEn: 'Pang Mu', postalCode: '58000' },
    { code: 580701, parentCode: 5807, nameTh: 'เวียงใต้', nameEn: 'Wiang Tai', postalCode: '58130' },
    { code: 960101, parentCode: 9601, nameTh: 'บางนาค', nameEn: 'Bang Nak', postalCode: '96000' },
  ]);
}

/** Sets the poor-province target group to the given provinces. */
export async function setTargetGroup(ctx: TestContext, provinceCodes: number[]): Promise<void> {
  await saveProvinceGroup(ctx.database.db, {
    code: TARGET_GROUP_CODE,
    nameTh: 'กลุ่มจังหวัดยากจน',
    nameEn: 'Poor-province target group',
    descriptionTh: '',
    descriptionEn: '',
    source: null,
    members: provinceCodes.map((provinceCode, index) => ({ provinceCode, rank: index + 1 })),
  });
}

/** A catalogue entry written straight to the table (the registry's own API is tested in its module). */
export async function insertInnovation(
  ctx: TestContext,
  overrides: Partial<typeof innovations.$inferInsert> = {},
  ownerOrganisationId: string | null = null,
): Promise<string> {
  const [row] = await ctx.database.db
    .insert(innovations)
    .values({
      titleTh: 'ธนาคารเมล็ดพันธุ์ชุมชน',
      titleEn: 'Community seed bank',
      summaryTh: 'ชุมชนเก็บและแลกเปลี่ยนเมล็ดพันธุ์พื้นบ้าน',
      themes: ['sustainable_agriculture'],
      originProvinceCode: 58,
      originDistrictCode: 5801,
      originSubdistrictCode: 580101,
      originVillageName: 'บ้านห้วยปูลิง',
      srl: 7,
      status: 'published',
      publishedAt: new Date(),
      isDiffusionReady: true,
      organisationId: ownerOrganisationId,
      ...overrides,
    })
    .returning({ id: innovations.id });
  if (!row) {
    throw new Error('no innovation');
  }
  if (ownerOrganisationId) {
    await ctx.database.db
      .insert(innovationOwners)
      .values({ innovationId: row.id, organisationId: ownerOrganisationId });
  }
  return row.id;
}
