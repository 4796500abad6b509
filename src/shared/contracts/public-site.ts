import { z } from 'zod';

/**
 * The live figures of the public home page: counts over public records only, no personal data.
 *
 * - programmes: the programmes of the plan.
 * - openCalls: published calls open for proposals now (opened, deadline not passed, to the second).
 * - fundedProjects: grant projects (a project exists once an award is released).
 * - provincesReached: distinct provinces named by a funded project or by an adoption of a published innovation.
 * - beneficiaries: people counted by adopters at sites that reached "adopted" (published innovations; a site later
 *   discontinued still served them), as the diffusion metrics count them.
 * - innovations: published catalogue entries.
 * - adoptions: sites of published innovations at adopted or sustained now.
 */
export const PublicFiguresSchema = z
  .object({
    programmes: z.int().min(0),
    openCalls: z.int().min(0),
    fundedProjects: z.int().min(0),
    provincesReached: z.int().min(0),
    beneficiaries: z.int().min(0),
    innovations: z.int().min(0),
    adoptions: z.int().min(0),
    /** When the figures were counted (they are cached briefly). */
    countedAt: z.iso.datetime(),
  })
  .meta({ id: 'PublicFigures' });
export type PublicFigures = z.infer<typeof PublicFiguresSchema>;

/** How long the server and browsers keep the figures before counting again, in seconds. */
export const PUBLIC_FIGURES_MAX_AGE_SECONDS = 60;
