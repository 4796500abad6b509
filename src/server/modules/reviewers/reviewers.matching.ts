/**
 * Choosing reviewers for proposals: pure rules, no database. The service loads the facts (accepted reviewers with
 * their themes, provinces and loads; each proposal's organisations; memberships and declared conflicts) and applies
 * these.
 *
 * Conflicts (never assigned): the reviewer is a member of the applicant or a co-applicant organisation; the reviewer
 * declared a standing conflict with one of them; and, when the call says so, the reviewer's provinces and the
 * proposal's provinces overlap.
 *
 * Order of preference among the reviewers left: reviewers with at least one of the proposal's themes in their
 * expertise first; among them, the lighter load (active and undeclared assignments across all calls, counting the
 * ones made in this run), so that work spreads over the relevant experts instead of piling on the best-matched one;
 * then more matching themes; then the user id, so that the same facts always give the same assignment. A reviewer at
 * their maximum load is skipped.
 */

export type ConflictRule = 'member' | 'declared' | 'province';

export interface Candidate {
  userId: string;
  themes: readonly string[];
  provinceCodes: readonly number[];
  maxLoad: number;
  /** Active assignments across calls right now. */
  load: number;
}

export interface Target {
  id: string;
  themes: readonly string[];
  provinceCodes: readonly number[];
  /** The applicant and co-applicant organisations. */
  organisationIds: readonly string[];
  /** Reviewers already tied to the proposal at this stage in any status (never chosen again). */
  excluded: ReadonlySet<string>;
  /** How many more reviewers it needs. */
  needed: number;
}

/** `${userId}:${organisationId}` pairs: memberships and declared conflicts. */
export interface Ties {
  members: ReadonlySet<string>;
  declared: ReadonlySet<string>;
}

export const tieKey = (userId: string, organisationId: string) => `${userId}:${organisationId}`;

/** Why the reviewer may not review the proposal; empty when they may. */
export function conflictsOf(
  candidate: Pick<Candidate, 'userId' | 'provinceCodes'>,
  target: Pick<Target, 'organisationIds' | 'provinceCodes'>,
  ties: Ties,
  sameProvinceConflict: boolean,
): ConflictRule[] {
  const rules: ConflictRule[] = [];
  if (target.organisationIds.some((o) => ties.members.has(tieKey(candidate.userId, o)))) {
    rules.push('member');
  }
  if (target.organisationIds.some((o) => ties.declared.has(tieKey(candidate.userId, o)))) {
    rules.push('declared');
  }
  if (sameProvinceConflict && candidate.provinceCodes.some((p) => target.provinceCodes.includes(p))) {
    rules.push('province');
  }
  return rules;
}

export function themeMatches(candidate: Pick<Candidate, 'themes'>, target: Pick<Target, 'themes'>): string[] {
  return target.themes.filter((t) => candidate.themes.includes(t));
}

export interface AssignmentPick {
  proposalId: string;
  reviewerId: string;
  themeMatches: string[];
  /** The reviewer's load when picked (before this assignment). */
  load: number;
  maxLoad: number;
}

export interface Plan {
  picks: AssignmentPick[];
  shortfalls: Array<{ proposalId: string; missing: number }>;
}

/**
 * Picks reviewers for each target in the order given, updating loads as it goes. Deterministic: the same inputs give
 * the same picks.
 */
export function planAssignments(
  targets: readonly Target[],
  candidates: readonly Candidate[],
  ties: Ties,
  sameProvinceConflict: boolean,
): Plan {
  const load = new Map(candidates.map((c) => [c.userId, c.load]));
  const picks: AssignmentPick[] = [];
  const shortfalls: Plan['shortfalls'] = [];
  for (const target of targets) {
    if (target.needed <= 0) {
      continue;
    }
    const ranked = candidates
      .filter(
        (c) =>
          !target.excluded.has(c.userId) &&
          (load.get(c.userId) ?? 0) < c.maxLoad &&
          conflictsOf(c, target, ties, sameProvinceConflict).length === 0,
      )
      .map((c) => ({ c, matches: themeMatches(c, target), load: load.get(c.userId) ?? 0 }))
      .sort(
        (a, b) =>
          Number(b.matches.length > 0) - Number(a.matches.length > 0) ||
          a.load - b.load ||
          b.matches.length - a.matches.length ||
          (a.c.userId < b.c.userId ? -1 : a.c.userId > b.c.userId ? 1 : 0),
      );
    const chosen = ranked.slice(0, target.needed);
    for (const { c, matches, load: current } of chosen) {
      picks.push({
        proposalId: target.id,
        reviewerId: c.userId,
        themeMatches: matches,
        load: current,
        maxLoad: c.maxLoad,
      });
      load.set(c.userId, current + 1);
    }
    if (chosen.length < target.needed) {
      shortfalls.push({ proposalId: target.id, missing: target.needed - chosen.length });
    }
  }
  return { picks, shortfalls };
}
