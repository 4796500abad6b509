import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ScalingRecommendation } from '@shared/contracts/projects';
import type { AdoptionPackage } from '@shared/contracts/innovations';
import type { BeneficiaryCount } from '@shared/contracts/diffusion';
import { timestamps } from './columns';
import { districts, provinces, subdistricts } from './geo';
import { drivingUnits, users } from './identity';
import { organisations } from './organisations';
import { programmes } from './reference';
import { projects } from './projects';
import { partners } from './network';
import { problemStatements } from './calls';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * An entry of the innovation catalogue (ผลงานนวัตกรรมเพื่อสังคม): created from a closed project or by staff, published by
 * an officer. `search_text` holds the Thai-segmented words of every text field (Thai and English) for the `tsvector`;
 * `search_title` (generated) the raw, lower-cased titles for `pg_trgm` similarity (misspellings, partial words).
 */
export const innovations = pgTable(
  'innovations',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid().references(() => projects.id, { onDelete: 'set null' }),
    /** The lead owner; every owner (the lead included) is a row of `innovation_owners`. */
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    programmeId: uuid().references(() => programmes.id, { onDelete: 'set null' }),
    drivingUnitId: uuid().references(() => drivingUnits.id, { onDelete: 'set null' }),
    titleTh: text().notNull(),
    titleEn: text().notNull().default(''),
    summaryTh: text().notNull().default(''),
    summaryEn: text().notNull().default(''),
    problemTh: text().notNull().default(''),
    problemEn: text().notNull().default(''),
    solutionTh: text().notNull().default(''),
    solutionEn: text().notNull().default(''),
    howItWorksTh: text().notNull().default(''),
    howItWorksEn: text().notNull().default(''),
    targetUsersTh: text().notNull().default(''),
    targetUsersEn: text().notNull().default(''),
    themes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sdgs: smallint()
      .array()
      .notNull()
      .default(sql`'{}'::smallint[]`),
    /** Provinces the origin project worked in. */
    provinceCodes: smallint()
      .array()
      .notNull()
      .default(sql`'{}'::smallint[]`),
    /** Area of origin. */
    originProvinceCode: smallint().references(() => provinces.code),
    originDistrictCode: integer().references(() => districts.code),
    originSubdistrictCode: integer().references(() => subdistricts.code),
    originVillageName: text().notNull().default(''),
    /** Social Readiness Level now (1–9); every change is a row of `innovation_srl_history`. */
    srl: smallint(),
    lessonsLearned: text().notNull().default(''),
    scalingRecommendations: jsonb().$type<ScalingRecommendation[]>().notNull().default([]),
    /** Typical cost for one site to adopt, in satang. */
    adoptionCostSatang: bigint({ mode: 'number' }),
    adoptionRequirementsTh: text().notNull().default(''),
    adoptionRequirementsEn: text().notNull().default(''),
    contactName: text().notNull().default(''),
    contactEmail: text().notNull().default(''),
    contactPhone: text().notNull().default(''),
    /** A proven model offered for diffusion, with its adoption package. */
    isDiffusionReady: boolean().notNull().default(false),
    adoptionPackage: jsonb().$type<AdoptionPackage>(),
    /** Officer curation: featured entries lead the public catalogue. */
    isFeatured: boolean().notNull().default(false),
    coverMediaId: uuid(),
    /** draft → published (→ unpublished → published) */
    status: text().notNull().default('draft'),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    searchText: text().notNull().default(''),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', search_text)`),
    searchTitle: text().generatedAlwaysAs(sql`lower(title_th || ' ' || title_en)`),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('innovations_project_key').on(t.projectId),
    index('innovations_status_idx').on(t.status, t.isFeatured, t.publishedAt),
    // The catalogue's order (featured first, then newest), which also feeds a search its candidates.
    index('innovations_catalogue_idx').on(
      t.status,
      sql`is_featured DESC`,
      sql`published_at DESC NULLS LAST`,
      sql`id DESC`,
    ),
    index('innovations_search_idx').using('gin', t.searchVector),
    index('innovations_search_title_trgm_idx').using('gin', sql`${t.searchTitle} gin_trgm_ops`),
    index('innovations_themes_idx').using('gin', t.themes),
    index('innovations_sdgs_idx').using('gin', t.sdgs),
    index('innovations_provinces_idx').using('gin', t.provinceCodes),
  ],
);

/** Owners of an innovation (the lead owner included). */
export const innovationOwners = pgTable(
  'innovation_owners',
  {
    innovationId: uuid()
      .notNull()
      .references(() => innovations.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.innovationId, t.organisationId] }),
    index('innovation_owners_org_idx').on(t.organisationId),
  ],
);

/** Each Social Readiness Level an innovation was assessed at, dated, with where the figure came from. */
export const innovationSrlHistory = pgTable(
  'innovation_srl_history',
  {
    id: uuid().primaryKey().defaultRandom(),
    innovationId: uuid()
      .notNull()
      .references(() => innovations.id, { onDelete: 'cascade' }),
    srl: smallint().notNull(),
    assessedOn: date({ mode: 'string' }).notNull(),
    /** project_start | project_report | close_out | officer */
    source: text().notNull(),
    note: text().notNull().default(''),
    recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('innovation_srl_history_innovation_idx').on(t.innovationId, t.assessedOn)],
);

/** A photo (resized to a thumbnail) or a document of an innovation. */
export const innovationMedia = pgTable(
  'innovation_media',
  {
    id: uuid().primaryKey().defaultRandom(),
    innovationId: uuid()
      .notNull()
      .references(() => innovations.id, { onDelete: 'cascade' }),
    /** photo | document */
    kind: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    thumbnailKey: text(),
    width: integer(),
    height: integer(),
    captionTh: text().notNull().default(''),
    captionEn: text().notNull().default(''),
    position: smallint().notNull().default(0),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('innovation_media_innovation_idx').on(t.innovationId, t.kind, t.position)],
);

/** A village (หมู่บ้าน): a site innovations come from or spread to. */
export const villages = pgTable(
  'villages',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: smallint()
      .notNull()
      .references(() => provinces.code),
    districtCode: integer()
      .notNull()
      .references(() => districts.code),
    subdistrictCode: integer()
      .notNull()
      .references(() => subdistricts.code),
    /** หมู่ที่ */
    villageNo: smallint().notNull(),
    nameTh: text().notNull(),
    nameEn: text().notNull().default(''),
    descriptionTh: text().notNull().default(''),
    descriptionEn: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('villages_site_key').on(t.subdistrictCode, t.villageNo),
    index('villages_province_idx').on(t.provinceCode),
  ],
);

/**
 * A need for innovation (ความต้องการนวัตกรรม) posted by a community or local government through the public form;
 * pending until staff moderate it. Contact details are never public.
 */
export const innovationNeeds = pgTable(
  'innovation_needs',
  {
    id: uuid().primaryKey().defaultRandom(),
    theme: text().notNull(),
    provinceCode: smallint()
      .notNull()
      .references(() => provinces.code),
    districtCode: integer().references(() => districts.code),
    subdistrictCode: integer().references(() => subdistricts.code),
    villageName: text().notNull().default(''),
    /** หมู่ที่, when known. */
    villageNo: smallint(),
    titleTh: text().notNull(),
    descriptionTh: text().notNull(),
    peopleAffected: integer().notNull().default(0),
    requesterName: text().notNull(),
    requesterOrganisation: text().notNull().default(''),
    /** An organisation type code (local_government, community_enterprise, …). */
    requesterType: text().notNull(),
    contactEmail: text().notNull().default(''),
    contactPhone: text().notNull().default(''),
    /** When the requester agreed to be contacted about the need (the public form requires it). */
    contactConsentedAt: timestamp({ withTimezone: true }),
    submittedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** pending → published | rejected; published → addressed | closed */
    status: text().notNull().default('pending'),
    moderatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp({ withTimezone: true }),
    moderationNote: text().notNull().default(''),
    searchText: text().notNull().default(''),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', search_text)`),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('innovation_needs_status_idx').on(t.status, t.createdAt),
    index('innovation_needs_area_idx').on(t.provinceCode, t.theme),
    index('innovation_needs_search_idx').using('gin', t.searchVector),
  ],
);

/**
 * An adoption (การขยายผล): one innovation taken up at one site by one adopter, with the diffusion partner that helped,
 * the adopter's adaptations, beneficiaries by group and local funding; its status moves along a dated timeline
 * (`adoption_events`). `source_adoption_id` names the site it was learnt from (null: from the origin).
 */
export const adoptions = pgTable(
  'adoptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    innovationId: uuid()
      .notNull()
      .references(() => innovations.id, { onDelete: 'cascade' }),
    provinceCode: smallint()
      .notNull()
      .references(() => provinces.code),
    districtCode: integer().references(() => districts.code),
    subdistrictCode: integer().references(() => subdistricts.code),
    villageId: uuid().references(() => villages.id, { onDelete: 'set null' }),
    adopterOrganisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    adopterName: text().notNull(),
    /** An organisation type code (local_government, community_enterprise, school, …). */
    adopterType: text().notNull(),
    diffusionPartnerId: uuid().references(() => partners.id, { onDelete: 'set null' }),
    diffusionPartnerName: text().notNull().default(''),
    sourceAdoptionId: uuid().references((): AnyPgColumn => adoptions.id, { onDelete: 'set null' }),
    needId: uuid().references(() => innovationNeeds.id, { onDelete: 'set null' }),
    problemStatementId: uuid().references(() => problemStatements.id, { onDelete: 'set null' }),
    /** interested → planning → implementing → adopted → sustained; any but sustained → discontinued */
    status: text().notNull().default('interested'),
    statusOn: date({ mode: 'string' }).notNull(),
    interestedOn: date({ mode: 'string' }).notNull(),
    adoptedOn: date({ mode: 'string' }),
    discontinuedReason: text().notNull().default(''),
    adaptationsTh: text().notNull().default(''),
    adaptationsEn: text().notNull().default(''),
    beneficiaries: jsonb().$type<BeneficiaryCount[]>().notNull().default([]),
    localFundingSatang: bigint({ mode: 'number' }).notNull().default(0),
    localFundingSource: text().notNull().default(''),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('adoptions_innovation_idx').on(t.innovationId, t.status),
    index('adoptions_province_idx').on(t.provinceCode),
    index('adoptions_village_idx').on(t.villageId),
    index('adoptions_adopter_idx').on(t.adopterOrganisationId),
    index('adoptions_source_idx').on(t.sourceAdoptionId),
  ],
);

/** One step of an adoption's status timeline, dated; a discontinuation carries its reason. */
export const adoptionEvents = pgTable(
  'adoption_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    adoptionId: uuid()
      .notNull()
      .references(() => adoptions.id, { onDelete: 'cascade' }),
    fromStatus: text(),
    toStatus: text().notNull(),
    occurredOn: date({ mode: 'string' }).notNull(),
    note: text().notNull().default(''),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('adoption_events_adoption_idx').on(t.adoptionId, t.occurredOn)],
);

/** An update posted by the adopter (or staff) about an adoption: a story, with an optional photo. */
export const adoptionUpdates = pgTable(
  'adoption_updates',
  {
    id: uuid().primaryKey().defaultRandom(),
    adoptionId: uuid()
      .notNull()
      .references(() => adoptions.id, { onDelete: 'cascade' }),
    body: text().notNull(),
    photoKey: text(),
    photoThumbnailKey: text(),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('adoption_updates_adoption_idx').on(t.adoptionId, t.createdAt)],
);
