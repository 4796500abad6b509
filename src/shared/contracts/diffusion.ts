import { z } from 'zod';

/**
 * An adoption's status: interested → planning → implementing → adopted → sustained; any status before sustained may
 * end in discontinued (with a reason).
 */
export const ADOPTION_STATUSES = [
  'interested',
  'planning',
  'implementing',
  'adopted',
  'sustained',
  'discontinued',
] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

/** Groups of people an adoption serves, counted separately. */
export const BENEFICIARY_GROUPS = [
  'general',
  'poor_households',
  'elderly',
  'children_youth',
  'women',
  'people_with_disabilities',
  'farmers',
  'ethnic_groups',
  'other',
] as const;
export type BeneficiaryGroup = (typeof BENEFICIARY_GROUPS)[number];

export const BeneficiaryCountSchema = z
  .object({
    group: z.enum(BENEFICIARY_GROUPS),
    count: z.int().min(0).max(10_000_000),
  })
  .strict();
export type BeneficiaryCount = z.infer<typeof BeneficiaryCountSchema>;

/** A need's moderation and life: pending → published | rejected; published → addressed | closed. */
export const NEED_STATUSES = ['pending', 'published', 'rejected', 'addressed', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
