import { z } from 'zod';
import { DrivingUnitSchema } from './identity';

/**
 * What a driving unit is measured on in a fiscal year (Buddhist Era). Actuals are counted from the platform's own
 * records (see the driving-units repo for the exact rule of each).
 */
export const UNIT_MEASURES = [
  'activities_held',
  'participants_trained',
  'communities_trained',
  'teams_incubated',
  'mentoring_hours',
  'projects_supervised',
  'innovations_produced',
] as const;
export const UnitMeasureSchema = z.enum(UNIT_MEASURES);
export type UnitMeasure = z.infer<typeof UnitMeasureSchema>;

/** The largest target a unit may be given for one measure in one year. */
export const TARGET_MAX = 1_000_000;

/** A fiscal year in the Buddhist Era (2500–2700). */
export const FiscalYearSchema = z.coerce.number().int().min(2500).max(2700);

export const FiscalYearQuerySchema = z.object({ fiscalYear: FiscalYearSchema.optional() }).strict();
export type FiscalYearQuery = z.infer<typeof FiscalYearQuerySchema>;

/** A unit's profile: host, description and contacts. Empty strings when the unit has not filled it in. */
export const UnitProfileSchema = z.object({
  hostOrganisationId: z.uuid().nullable(),
  hostNameTh: z.string(),
  hostNameEn: z.string(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  website: z.string().nullable(),
  version: z.int(),
});
export type UnitProfile = z.infer<typeof UnitProfileSchema>;

/** A unit as the public directory lists it. */
export const UnitSummarySchema = DrivingUnitSchema.extend({
  hostNameTh: z.string(),
  hostNameEn: z.string(),
  upcomingActivityCount: z.int(),
});
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

/** A published activity of the unit still to come (public). */
export const UnitActivitySchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  provinceCode: z.int().nullable(),
  isOnline: z.boolean(),
});
export type UnitActivity = z.infer<typeof UnitActivitySchema>;

export const UnitAbilitiesSchema = z.object({
  /** Sees the dashboard of targets and actuals and the staff list. */
  viewDashboard: z.boolean(),
  editProfile: z.boolean(),
  editTargets: z.boolean(),
});
export type UnitAbilities = z.infer<typeof UnitAbilitiesSchema>;

/** A unit's public page. */
export const UnitDetailSchema = z.object({
  unit: UnitSummarySchema,
  profile: UnitProfileSchema,
  upcomingActivities: z.array(UnitActivitySchema),
  abilities: UnitAbilitiesSchema,
});
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

/** A person holding the unit's staff role (shown to the unit's staff and officers only). */
export const UnitStaffMemberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  grantedAt: z.string(),
});
export type UnitStaffMember = z.infer<typeof UnitStaffMemberSchema>;

/** A measure's target and actual in one year; `target` null when none is set. */
export const MeasureResultSchema = z.object({
  measure: UnitMeasureSchema,
  target: z.int().nullable(),
  actual: z.number(),
});
export type MeasureResult = z.infer<typeof MeasureResultSchema>;

/** Targets against actuals of one unit in one fiscal year, with its staff. */
export const UnitDashboardSchema = z.object({
  unit: UnitSummarySchema,
  profile: UnitProfileSchema,
  fiscalYear: z.int(),
  /** The fiscal year of today (Asia/Bangkok). */
  currentFiscalYear: z.int(),
  measures: z.array(MeasureResultSchema),
  staff: z.array(UnitStaffMemberSchema),
  abilities: UnitAbilitiesSchema,
});
export type UnitDashboard = z.infer<typeof UnitDashboardSchema>;

/** The national roll-up: every unit × every measure, and the totals. */
export const UnitRollupSchema = z.object({
  fiscalYear: z.int(),
  currentFiscalYear: z.int(),
  units: z.array(z.object({ unit: UnitSummarySchema, measures: z.array(MeasureResultSchema) })),
  totals: z.array(MeasureResultSchema),
});
export type UnitRollup = z.infer<typeof UnitRollupSchema>;

/** Replaces a unit's targets for one fiscal year; a measure left out (or null) has no target. */
export const UnitTargetsBodySchema = z
  .object({
    fiscalYear: FiscalYearSchema,
    targets: z
      .array(
        z
          .object({
            measure: UnitMeasureSchema,
            target: z.int().min(0).max(TARGET_MAX).nullable(),
          })
          .strict(),
      )
      .max(UNIT_MEASURES.length),
  })
  .strict();
export type UnitTargetsBody = z.infer<typeof UnitTargetsBodySchema>;

const optionalText = (max: number) => z.string().trim().max(max);

/** The unit's profile, replaced whole; `version` is the one read (409 when someone saved in between). */
export const UnitProfileBodySchema = z
  .object({
    hostNameTh: optionalText(300),
    hostNameEn: optionalText(300),
    descriptionTh: optionalText(5000),
    descriptionEn: optionalText(5000),
    contactEmail: z.email().max(320).nullable(),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+()\- ]{6,30}$/)
      .nullable(),
    website: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable(),
    version: z.int().min(1),
  })
  .strict();
export type UnitProfileBody = z.infer<typeof UnitProfileBodySchema>;
