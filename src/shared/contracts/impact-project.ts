import { z } from 'zod';
import {
  DISAGGREGATIONS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_TYPES,
} from './impact-library';

/** The impact pathway of SROI-SPEC §6: Input → Activities → Output → User → Outcome → Impact. */
export const LOGIC_STAGES = ['input', 'activity', 'output', 'user', 'outcome', 'impact'] as const;
export type LogicStage = (typeof LOGIC_STAGES)[number];

export const LOGIC_LIMITS = { nodesMax: 120, text: 500, linksMax: 40 } as const;

/** One box of a logic model; `links` are the ids of boxes in a later stage it leads to. */
export const LogicNodeSchema = z
  .object({
    id: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/),
    stage: z.enum(LOGIC_STAGES),
    textTh: z.string().trim().min(1).max(LOGIC_LIMITS.text),
    textEn: z.string().trim().max(LOGIC_LIMITS.text).default(''),
    links: z.array(z.string()).max(LOGIC_LIMITS.linksMax).default([]),
  })
  .strict();
export type LogicNode = z.infer<typeof LogicNodeSchema>;

/** Verification of a reported value by staff. */
export const INDICATOR_VALUE_STATUSES = ['submitted', 'verified', 'queried'] as const;
export type IndicatorValueStatus = (typeof INDICATOR_VALUE_STATUSES)[number];

/** Where a value came from: a progress report's indicator rows, or entered on the project's indicator page. */
export const INDICATOR_VALUE_SOURCES = ['report', 'entry'] as const;
export type IndicatorValueSource = (typeof INDICATOR_VALUE_SOURCES)[number];

/** One cell of a breakdown, e.g. { dimension: 'sex', category: 'female', value: 12 }. */
export const IndicatorBreakdownSchema = z
  .object({
    dimension: z.enum(['sex', 'age_group', 'vulnerable_group']),
    category: z.string().min(1).max(40),
    value: z.number().finite().min(-1e15).max(1e15),
  })
  .strict();
export type IndicatorBreakdown = z.infer<typeof IndicatorBreakdownSchema>;

// ---- Limits ---------------------------------------------------------------------------------------------------------

export const IMPACT_PROJECT_LIMITS = {
  indicatorsPerProject: 60,
  valuesPerIndicator: 200,
  filesPerValue: 10,
  note: 2000,
  comment: 2000,
  breakdownCells: 30,
  /** An evidence file's largest size (bytes): the same as a progress report's. */
  fileMaxBytes: 20 * 1024 * 1024,
} as const;

const versionField = z.int().min(1);
const isoDate = z.iso.date();
const measured = z.number().finite().min(-1e15).max(1e15);

/** A code of the project's own indicator (library indicators keep the library's code). */
export const PROJECT_INDICATOR_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/;

// ---- Logic model ----------------------------------------------------------------------------------------------------

export const LogicModelSchema = z.object({
  projectId: z.uuid(),
  nodes: z.array(LogicNodeSchema),
  /** 0 until the model is first saved. */
  version: z.int(),
  updatedAt: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type LogicModel = z.infer<typeof LogicModelSchema>;

/** Saves the whole model: every box with its links. `version` 0 saves the first model. */
export const SaveLogicModelBodySchema = z
  .object({
    version: z.int().min(0),
    nodes: z.array(LogicNodeSchema).max(LOGIC_LIMITS.nodesMax),
  })
  .strict();
export type SaveLogicModelBody = z.infer<typeof SaveLogicModelBodySchema>;

// ---- Quality flags --------------------------------------------------------------------------------------------------

export const QUALITY_FLAG_KINDS = ['outlier', 'impossible', 'gap', 'stale', 'breakdown_mismatch'] as const;
export type QualityFlagKind = (typeof QUALITY_FLAG_KINDS)[number];

export const QualityFlagSchema = z.object({
  kind: z.enum(QUALITY_FLAG_KINDS),
  /** The value it concerns (outlier, impossible, breakdown_mismatch); null for the indicator (gap, stale). */
  valueId: z.string().nullable(),
  /** The reporting period it concerns (gap), or the latest value's (stale). */
  periodEnd: z.string().nullable(),
  /** What the rule found: `mad` | `above_target` (outlier), `negative` | `over_100` (impossible), the dimension. */
  reason: z.string(),
  /** Numbers behind it (the median, the target, the breakdown's sum, days since the latest value …). */
  params: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type QualityFlag = z.infer<typeof QualityFlagSchema>;

// ---- Project indicators ---------------------------------------------------------------------------------------------

/**
 * Adds an indicator to the project: from the library (`indicatorId`; its code, names, unit, type, direction,
 * aggregation and disaggregations are copied) or the project's own (`code`, `nameTh`, `unitTh`, `type`, …).
 */
export const CreateProjectIndicatorBodySchema = z
  .object({
    indicatorId: z.uuid().nullable().default(null),
    code: z.string().trim().max(50).default(''),
    nameTh: z.string().trim().max(300).default(''),
    nameEn: z.string().trim().max(300).default(''),
    unitTh: z.string().trim().max(60).default(''),
    unitEn: z.string().trim().max(60).default(''),
    type: z.enum(INDICATOR_TYPES).nullable().default(null),
    direction: z.enum(INDICATOR_DIRECTIONS).default('increase'),
    aggregation: z.enum(INDICATOR_AGGREGATIONS).default('sum'),
    disaggregations: z.array(z.enum(DISAGGREGATIONS)).max(3).default([]),
    logicNodeId: z.string().max(40).nullable().default(null),
    baseline: measured.nullable().default(null),
    baselineOn: isoDate.nullable().default(null),
    target: measured.nullable().default(null),
    targetOn: isoDate.nullable().default(null),
  })
  .strict();
export type CreateProjectIndicatorBody = z.input<typeof CreateProjectIndicatorBodySchema>;

/** Changes a project indicator; names and unit only for the project's own indicators. */
export const UpdateProjectIndicatorBodySchema = z
  .object({
    version: versionField,
    nameTh: z.string().trim().min(1).max(300).optional(),
    nameEn: z.string().trim().max(300).optional(),
    unitTh: z.string().trim().min(1).max(60).optional(),
    unitEn: z.string().trim().max(60).optional(),
    direction: z.enum(INDICATOR_DIRECTIONS).optional(),
    logicNodeId: z.string().max(40).nullable().optional(),
    baseline: measured.nullable().optional(),
    baselineOn: isoDate.nullable().optional(),
    target: measured.nullable().optional(),
    targetOn: isoDate.nullable().optional(),
    position: z.int().min(0).max(999).optional(),
  })
  .strict();
export type UpdateProjectIndicatorBody = z.infer<typeof UpdateProjectIndicatorBodySchema>;

export const VersionQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const IndicatorFileSchema = z.object({
  id: z.uuid(),
  valueId: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
  createdAt: z.string(),
});
export type IndicatorFile = z.infer<typeof IndicatorFileSchema>;

export const IndicatorValueSchema = z.object({
  id: z.uuid(),
  projectIndicatorId: z.uuid(),
  periodStart: z.string().nullable(),
  periodEnd: z.string(),
  value: z.number(),
  breakdown: z.array(IndicatorBreakdownSchema),
  note: z.string(),
  source: z.enum(INDICATOR_VALUE_SOURCES),
  reportId: z.uuid().nullable(),
  reportSequence: z.int().nullable(),
  status: z.enum(INDICATOR_VALUE_STATUSES),
  reviewComment: z.string(),
  reviewedAt: z.string().nullable(),
  reviewerName: z.string().nullable(),
  files: z.array(IndicatorFileSchema),
  flags: z.array(QualityFlagSchema),
  version: z.int(),
  abilities: z.object({ edit: z.boolean(), review: z.boolean() }),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

export const ProjectIndicatorSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  indicatorId: z.uuid().nullable(),
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  unitTh: z.string(),
  unitEn: z.string(),
  type: z.enum(INDICATOR_TYPES),
  direction: z.enum(INDICATOR_DIRECTIONS),
  aggregation: z.enum(INDICATOR_AGGREGATIONS),
  disaggregations: z.array(z.enum(DISAGGREGATIONS)),
  logicNodeId: z.string().nullable(),
  baseline: z.number().nullable(),
  baselineOn: z.string().nullable(),
  target: z.number().nullable(),
  targetOn: z.string().nullable(),
  position: z.int(),
  /** The values rolled up by the indicator's aggregation (sum, mean or the latest); null without values. */
  actual: z.number().nullable(),
  /** Verified values ÷ all values, 0–1; null without values. */
  verifiedShare: z.number().nullable(),
  values: z.array(IndicatorValueSchema),
  /** Every flag of the indicator and its values. */
  flags: z.array(QualityFlagSchema),
  version: z.int(),
});
export type ProjectIndicator = z.infer<typeof ProjectIndicatorSchema>;

export const ReportPeriodSchema = z.object({
  reportId: z.uuid(),
  sequence: z.int(),
  kind: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.string(),
});
export type ReportPeriod = z.infer<typeof ReportPeriodSchema>;

export const ProjectIndicatorsSchema = z.object({
  projectId: z.uuid(),
  projectStatus: z.string(),
  indicators: z.array(ProjectIndicatorSchema),
  periods: z.array(ReportPeriodSchema),
  counts: z.object({
    indicators: z.int(),
    values: z.int(),
    submitted: z.int(),
    queried: z.int(),
    verified: z.int(),
    flagged: z.int(),
  }),
  abilities: z.object({ editPlan: z.boolean(), enterValues: z.boolean(), verify: z.boolean() }),
});
export type ProjectIndicators = z.infer<typeof ProjectIndicatorsSchema>;

// ---- Values ---------------------------------------------------------------------------------------------------------

export const CreateIndicatorValueBodySchema = z
  .object({
    periodStart: isoDate.nullable().default(null),
    periodEnd: isoDate,
    value: measured,
    breakdown: z.array(IndicatorBreakdownSchema).max(IMPACT_PROJECT_LIMITS.breakdownCells).default([]),
    note: z.string().trim().max(IMPACT_PROJECT_LIMITS.note).default(''),
  })
  .strict();
export type CreateIndicatorValueBody = z.input<typeof CreateIndicatorValueBodySchema>;

export const UpdateIndicatorValueBodySchema = z
  .object({
    version: versionField,
    periodStart: isoDate.nullable().optional(),
    periodEnd: isoDate.optional(),
    value: measured.optional(),
    breakdown: z.array(IndicatorBreakdownSchema).max(IMPACT_PROJECT_LIMITS.breakdownCells).optional(),
    note: z.string().trim().max(IMPACT_PROJECT_LIMITS.note).optional(),
  })
  .strict();
export type UpdateIndicatorValueBody = z.infer<typeof UpdateIndicatorValueBodySchema>;

/** Staff verify a value or query it (a comment says what is wrong). */
export const ReviewIndicatorValueBodySchema = z
  .object({
    version: versionField,
    decision: z.enum(['verified', 'queried']),
    comment: z.string().trim().max(IMPACT_PROJECT_LIMITS.comment).default(''),
  })
  .strict();
export type ReviewIndicatorValueBody = z.input<typeof ReviewIndicatorValueBodySchema>;
