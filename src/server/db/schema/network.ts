import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { provinces } from './geo';
import { drivingUnits, users } from './identity';
import { organisations } from './organisations';
import { programmes } from './reference';
import { projects } from './projects';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A partner of the SI Network, with its roles; linked to a registered organisation when there is one. */
export const partners = pgTable(
  'partners',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    nameTh: text().notNull(),
    nameEn: text().notNull().default(''),
    /** government | private | academic | international | civil_society | community | local_government */
    sector: text().notNull(),
    /** co_funder | diffusion_partner | academic_partner | mentor_provider | international_agency | local_government */
    roles: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    descriptionTh: text().notNull().default(''),
    descriptionEn: text().notNull().default(''),
    provinceCode: smallint().references(() => provinces.code),
    website: text(),
    contactEmail: text(),
    searchText: text().notNull().default(''),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', search_text)`),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('partners_roles_idx').using('gin', t.roles),
    index('partners_search_idx').using('gin', t.searchVector),
  ],
);

/** A memorandum of understanding with a partner. */
export const partnerMous = pgTable(
  'partner_mous',
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** The unit that signed it, when not the agency itself. */
    drivingUnitId: uuid().references(() => drivingUnits.id, { onDelete: 'set null' }),
    titleTh: text().notNull(),
    titleEn: text().notNull().default(''),
    scopeTh: text().notNull().default(''),
    scopeEn: text().notNull().default(''),
    signedOn: date({ mode: 'string' }).notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [index('partner_mous_partner_idx').on(t.partnerId)],
);

/** A document of an MOU (the signed copy, annexes); bytes in file storage. */
export const partnerMouDocuments = pgTable(
  'partner_mou_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    mouId: uuid()
      .notNull()
      .references(() => partnerMous.id, { onDelete: 'cascade' }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_mou_documents_mou_idx').on(t.mouId)],
);

/** What a partner contributed: cash, or in kind at its value; in satang. */
export const partnerContributions = pgTable(
  'partner_contributions',
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    mouId: uuid().references(() => partnerMous.id, { onDelete: 'set null' }),
    /** cash | in_kind */
    kind: text().notNull(),
    amountSatang: bigint({ mode: 'number' }).notNull(),
    descriptionTh: text().notNull().default(''),
    fiscalYear: smallint().notNull(),
    receivedOn: date({ mode: 'string' }),
    programmeId: uuid().references(() => programmes.id, { onDelete: 'set null' }),
    projectId: uuid().references(() => projects.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_contributions_partner_idx').on(t.partnerId, t.fiscalYear)],
);

/** A partner's part in a programme, a project or a unit's work (edges of the network graph). */
export const partnerLinks = pgTable(
  'partner_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    partnerId: uuid()
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    programmeId: uuid().references(() => programmes.id, { onDelete: 'cascade' }),
    projectId: uuid().references(() => projects.id, { onDelete: 'cascade' }),
    drivingUnitId: uuid().references(() => drivingUnits.id, { onDelete: 'cascade' }),
    role: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('partner_links_partner_idx').on(t.partnerId)],
);
