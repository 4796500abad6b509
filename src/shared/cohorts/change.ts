/**
 * The arithmetic of capacity assessment: a person rates each item of a cohort's questionnaire on a Likert scale
 * before (pre) and after (post) the incubation; the change is post − pre. Pure functions, shared by the server
 * (results, export) and the web (the results page).
 */

/** One phase's answers of one person: item id → the point chosen (1 … scale points). */
export type Answers = Readonly<Record<string, number>>;

/** The change of one item for one person, or of one item over a cohort; null where a phase has no answer. */
export interface ItemChange {
  itemId: string;
  pre: number | null;
  post: number | null;
  change: number | null;
}

/** One participant's change: the mean of their answered items in each phase, and post − pre. */
export interface ParticipantChange {
  preMean: number | null;
  postMean: number | null;
  /** post mean − pre mean; null unless both phases were answered. */
  change: number | null;
  items: ItemChange[];
}

/** A cohort's change over the participants who answered both phases (paired). */
export interface CohortChange {
  /** Participants who answered the pre questionnaire, the post questionnaire, and both. */
  preCount: number;
  postCount: number;
  pairedCount: number;
  /** Mean of the participants' pre means, post means (each over those who answered that phase). */
  preMean: number | null;
  postMean: number | null;
  /** Mean of the paired participants' changes. */
  meanChange: number | null;
  /** Share (0–1) of paired participants whose change is above zero, the same, and below zero. */
  improvedShare: number | null;
  unchangedShare: number | null;
  declinedShare: number | null;
  /** Per item: mean pre, mean post (over those who answered it), and the mean change of those who answered it twice. */
  items: ItemChange[];
}

/** Tolerance under which a change counts as none (answers are whole points; means are fractions). */
const EPSILON = 1e-9;

/** The arithmetic mean, or null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** A number rounded to `digits` decimals (for display and export; the maths keeps full precision). */
export function roundTo(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
}

/** The answer to one item, when it is a number (a missing or non-numeric answer counts as not answered). */
function answerOf(answers: Answers | null, itemId: string): number | null {
  const value = answers?.[itemId];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The mean of a phase's answers over the questionnaire's items (items not answered are left out). */
export function phaseMean(itemIds: readonly string[], answers: Answers | null): number | null {
  if (answers === null) {
    return null;
  }
  return mean(
    itemIds.flatMap((id) => {
      const value = answerOf(answers, id);
      return value === null ? [] : [value];
    }),
  );
}

/** One participant's change per item and overall, from their pre and post answers (either may be missing). */
export function participantChange(
  itemIds: readonly string[],
  pre: Answers | null,
  post: Answers | null,
): ParticipantChange {
  const preMean = phaseMean(itemIds, pre);
  const postMean = phaseMean(itemIds, post);
  return {
    preMean,
    postMean,
    change: preMean === null || postMean === null ? null : postMean - preMean,
    items: itemIds.map((itemId) => {
      const a = answerOf(pre, itemId);
      const b = answerOf(post, itemId);
      return { itemId, pre: a, post: b, change: a === null || b === null ? null : b - a };
    }),
  };
}

/** The cohort's change from its participants' changes (as `participantChange` made them, same items). */
export function cohortChange(
  itemIds: readonly string[],
  participants: readonly ParticipantChange[],
): CohortChange {
  const pres = participants.flatMap((p) => (p.preMean === null ? [] : [p.preMean]));
  const posts = participants.flatMap((p) => (p.postMean === null ? [] : [p.postMean]));
  const changes = participants.flatMap((p) => (p.change === null ? [] : [p.change]));
  const share = (test: (c: number) => boolean) =>
    changes.length === 0 ? null : changes.filter(test).length / changes.length;
  return {
    preCount: pres.length,
    postCount: posts.length,
    pairedCount: changes.length,
    preMean: mean(pres),
    postMean: mean(posts),
    meanChange: mean(changes),
    improvedShare: share((c) => c > EPSILON),
    unchangedShare: share((c) => Math.abs(c) <= EPSILON),
    declinedShare: share((c) => c < -EPSILON),
    items: itemIds.map((itemId, index) => {
      const of = (pick: (i: ItemChange) => number | null) =>
        mean(
          participants.flatMap((p) => {
            const item = p.items[index];
            const value = item?.itemId === itemId ? pick(item) : null;
            return value === null ? [] : [value];
          }),
        );
      return { itemId, pre: of((i) => i.pre), post: of((i) => i.post), change: of((i) => i.change) };
    }),
  };
}
