import { z } from 'zod';
import { UNIT_MEASURES } from './driving-units';

/** A fiscal year in the Buddhist Era, as a query parameter. */
const FiscalYearParam = z.coerce.number().int().min(2500).max(2700);

/**
 * The filters every officer/unit dashboard takes. `drivingUnitId` is an officer's filter; a driving unit's staff
 * always see their own unit whatever they ask for.
 */
export const DashboardQuerySchema = z
  .object({
    /** Fiscal year (Buddhist Era) of the call / the award. */
    fiscalYear: FiscalYearParam.optional(),
    programmeId: z.uuid().optional(),
    /** Officers only. */
    drivingUnitId: z.uuid().optional(),
  })
  .strict();
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

/** The scope a dashboard answer was computed for (echoed so the page can say so). */
export const DashboardScopeSchema = z.object({
  fiscalYear: z.int().nullable(),
  programmeId: z.string().nullable(),
  /** The unit the figures are limited to: a unit's staff always theirs; an officer's filter; null = every project. */
  drivingUnitId: z.string().nullable(),
  /** True when the actor is a unit's staff member (not an officer): the figures are their unit's only. */
  isUnitScope: z.boolean(),
});
export type DashboardScope = z.infer<typeof DashboardScopeSchema>;

/** What the filters offer the actor: fiscal years and programmes of what they may see, units for officers. */
export const DashboardOptionsSchema = z.object({
  scope: DashboardScopeSchema,
  fiscalYears: z.array(z.int()),
  programmes: z.array(z.object({ id: z.string(), nameTh: z.string(), nameEn: z.string() })),
  drivingUnits: z.array(z.object({ id: z.string(), nameTh: z.string(), nameEn: z.string() })),
});
export type DashboardOptions = z.infer<typeof DashboardOptionsSchema>;

export const PIPELINE_STAGES = [
  'calls',
  'proposals',
  'awards',
  'projects',
  'innovations',
  'adoptions',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/**
 * The pipeline, counts per stage: calls opened (published or later), proposals submitted (first stage: a full
 * proposal that follows a concept note is not counted again), awards decided, funded projects, innovations made
 * from those projects, and adoptions of those innovations at other sites. `detail` adds one sub-count per stage.
 */
export const PipelineSchema = z.object({
  scope: DashboardScopeSchema,
  stages: z.array(
    z.object({
      stage: z.enum(PIPELINE_STAGES),
      count: z.int(),
      /** calls: still open; proposals: eligible; awards: released to the applicant; projects: closed; innovations:
       *  published; adoptions: adopted or sustained. */
      detail: z.int(),
    }),
  ),
  /** Money along the way: asked for by the submitted proposals, awarded by the decisions. */
  requestedSatang: z.int(),
  awardedSatang: z.int(),
});
export type Pipeline = z.infer<typeof PipelineSchema>;

/**
 * Disbursement per fiscal year of the award (BE): awarded (Σ projects' awards), paid (Σ paid instalments), withheld
 * (kept back from paid instalments), ready (instalments released for payment, not yet paid) and waiting (awarded −
 * paid − withheld: what is still to be paid, `ready` included).
 */
export const DisbursementYearSchema = z.object({
  fiscalYear: z.int(),
  projectCount: z.int(),
  awardedSatang: z.int(),
  paidSatang: z.int(),
  withheldSatang: z.int(),
  readySatang: z.int(),
  waitingSatang: z.int(),
});
export type DisbursementYear = z.infer<typeof DisbursementYearSchema>;

export const DisbursementSchema = z.object({
  scope: DashboardScopeSchema,
  years: z.array(DisbursementYearSchema),
  totals: DisbursementYearSchema.omit({ fiscalYear: true }),
});
export type Disbursement = z.infer<typeof DisbursementSchema>;

/** Outcome figures of a group of projects: verified indicator values and final SROI assessments counted. */
export const OutcomeFiguresSchema = z.object({
  projectCount: z.int(),
  projectsWithIndicators: z.int(),
  valueCount: z.int(),
  verifiedCount: z.int(),
  /** Projects whose latest final SROI assessment has figures. */
  sroiCount: z.int(),
  /** Σ PV ÷ Σ investment over those assessments; null without any. */
  sroiRatio: z.number().nullable(),
});
export type OutcomeFigures = z.infer<typeof OutcomeFiguresSchema>;

export const OutcomesSchema = z.object({
  scope: DashboardScopeSchema,
  /** Per theme of the projects (a project in several themes counts in each; key null: projects without one). */
  byTheme: z.array(
    OutcomeFiguresSchema.extend({ key: z.string().nullable(), nameTh: z.string(), nameEn: z.string() }),
  ),
  /**
   * Per SDG goal, from the SDG targets of the library indicators with verified values (a project counts under every
   * goal its verified indicators serve).
   */
  bySdg: z.array(
    z.object({
      sdg: z.int(),
      nameTh: z.string(),
      nameEn: z.string(),
      projectCount: z.int(),
      verifiedCount: z.int(),
      sroiCount: z.int(),
    }),
  ),
  totals: OutcomeFiguresSchema,
});
export type Outcomes = z.infer<typeof OutcomesSchema>;

export const SRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/**
 * Social Readiness Level progression of the projects in scope: the level each started at (`srl_start`) and the level
 * now — its innovation's current SRL when it has one, else the level of its latest approved progress report.
 */
export const SrlProgressionSchema = z.object({
  scope: DashboardScopeSchema,
  /** Per level 1–9: projects that started there and projects (or their innovations) there now. */
  levels: z.array(z.object({ srl: z.int(), atStart: z.int(), now: z.int() })),
  /** start → now pairs with their number of projects (projects with both levels only). */
  moves: z.array(z.object({ from: z.int(), to: z.int(), count: z.int() })),
  projectCount: z.int(),
  /** Projects with a start and a current level. */
  assessedCount: z.int(),
  raisedCount: z.int(),
  sameCount: z.int(),
  loweredCount: z.int(),
  /** Mean of (now − start) over the assessed projects; null without any. */
  meanGain: z.number().nullable(),
  /** The innovations' recorded SRL assessments (history rows) per year of assessment (BE). */
  assessmentsByYear: z.array(z.object({ fiscalYear: z.int(), count: z.int(), meanSrl: z.number() })),
});
export type SrlProgression = z.infer<typeof SrlProgressionSchema>;

export const UnitTargetMeasureSchema = z.object({
  measure: z.enum(UNIT_MEASURES),
  target: z.int().nullable(),
  actual: z.number(),
});

/** Unit targets against actuals of a fiscal year (from the driving-units module). */
export const UnitTargetsSchema = z.object({
  scope: DashboardScopeSchema,
  fiscalYear: z.int(),
  currentFiscalYear: z.int(),
  units: z.array(
    z.object({
      id: z.string(),
      nameTh: z.string(),
      nameEn: z.string(),
      measures: z.array(UnitTargetMeasureSchema),
    }),
  ),
  /** Σ over the units listed. */
  totals: z.array(UnitTargetMeasureSchema),
});
export type UnitTargets = z.infer<typeof UnitTargetsSchema>;

// ---- Public impact ----------------------------------------------------------------------------------------------

export const PublicImpactQuerySchema = z.object({ fiscalYear: FiscalYearParam.optional() }).strict();
export type PublicImpactQuery = z.infer<typeof PublicImpactQuerySchema>;

/**
 * The public impact figures: aggregates only, no person, no draft. Money funded per fiscal year and theme (a project's
 * award split evenly over its themes), projects per year, published innovations per current SRL, adoptions of
 * published innovations, sums of verified outcome indicators, and SROI aggregated per programme from final
 * assessments.
 */
export const PublicImpactSchema = z.object({
  fiscalYear: z.int().nullable(),
  fiscalYears: z.array(z.int()),
  totals: z.object({
    fundedSatang: z.int(),
    projects: z.int(),
    closedProjects: z.int(),
    innovations: z.int(),
    adoptions: z.int(),
    adoptedSites: z.int(),
    provincesReached: z.int(),
  }),
  fundingByYear: z.array(
    z.object({
      fiscalYear: z.int(),
      projects: z.int(),
      fundedSatang: z.int(),
      byTheme: z.array(z.object({ theme: z.string().nullable(), fundedSatang: z.int() })),
    }),
  ),
  themes: z.array(z.object({ code: z.string(), nameTh: z.string(), nameEn: z.string() })),
  /** Published innovations per current SRL (null: not assessed). */
  innovationsBySrl: z.array(z.object({ srl: z.int().nullable(), count: z.int() })),
  adoptionsByStatus: z.array(z.object({ status: z.string(), count: z.int() })),
  outcomes: z.array(
    z.object({
      code: z.string(),
      nameTh: z.string(),
      nameEn: z.string(),
      unitTh: z.string(),
      unitEn: z.string(),
      aggregation: z.string(),
      projectCount: z.int(),
      value: z.number(),
    }),
  ),
  sroiByProgramme: z.array(
    z.object({
      programmeId: z.string().nullable(),
      nameTh: z.string(),
      nameEn: z.string(),
      projectCount: z.int(),
      assessmentCount: z.int(),
      presentValueSatang: z.int(),
      investmentSatang: z.int(),
      ratio: z.number().nullable(),
    }),
  ),
});
export type PublicImpact = z.infer<typeof PublicImpactSchema>;
