import { z } from 'zod';

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
