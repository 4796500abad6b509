import { z } from 'zod';

/**
 * People's choice (optional per challenge call): verified accounts vote once per call for one shortlisted idea
 * while the vote is open; counts and ranks are shown only once it has closed.
 */

export const PEOPLES_CHOICE_PHASES = ['not_enabled', 'upcoming', 'open', 'closed'] as const;
export type PeoplesChoicePhase = (typeof PEOPLES_CHOICE_PHASES)[number];

export const PeoplesChoiceParamsSchema = z.object({ id: z.uuid() });

export const PeoplesChoiceEntrySchema = z.object({
  proposalId: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  summary: z.string(),
  organisationNameTh: z.string(),
  organisationNameEn: z.string().nullable(),
  provinceCodes: z.array(z.int()),
  /** After the vote closes; null before. */
  votes: z.int().nullable(),
  /** 1 = most votes (equal counts share a rank); null before the vote closes. */
  rank: z.int().nullable(),
});
export type PeoplesChoiceEntry = z.infer<typeof PeoplesChoiceEntrySchema>;

export const PeoplesChoiceSchema = z.object({
  callId: z.uuid(),
  callTitleTh: z.string(),
  callTitleEn: z.string(),
  phase: z.enum(PEOPLES_CHOICE_PHASES),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  entries: z.array(PeoplesChoiceEntrySchema),
  /** After the vote closes; null before. */
  totalVotes: z.int().nullable(),
  /** The signed-in person's vote in this call, if any. */
  myVote: z.uuid().nullable(),
});
export type PeoplesChoice = z.infer<typeof PeoplesChoiceSchema>;

export const VoteBodySchema = z.object({ proposalId: z.uuid() }).strict();
export type VoteBody = z.infer<typeof VoteBodySchema>;

export const VoteSchema = z.object({
  callId: z.uuid(),
  proposalId: z.uuid(),
  createdAt: z.string(),
});
export type Vote = z.infer<typeof VoteSchema>;
