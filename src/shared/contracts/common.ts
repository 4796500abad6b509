import { z } from 'zod';

/** Wraps a response payload as `{ data }`. */
export function dataOf<T extends z.ZodType>(schema: T) {
  return z.object({ data: schema });
}

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const FieldIssueSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string().optional(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** A proposal as selection lists name it: receipt, title and applicant. */
export const ProposalListingSchema = z.object({
  proposalId: z.uuid(),
  receiptNumber: z.string().nullable(),
  titleTh: z.string(),
  titleEn: z.string(),
  organisationNameTh: z.string(),
  organisationNameEn: z.string().nullable(),
});
export type ProposalListing = z.infer<typeof ProposalListingSchema>;
