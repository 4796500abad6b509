import { translate } from '@server/lib/i18n';
import type { AdoptionStatus } from '@shared/contracts/diffusion';
import type { InnovationMatch, MatchFactor, MatchReason } from '@shared/contracts/needs';
import type { Language } from '@shared/i18n/index';
import { PROVINCES } from '@shared/reference/provinces';
import { REGIONS, type RegionCode } from '@shared/reference/regions';
import { THEMES } from '@shared/reference/themes';

// Matching: ranks diffusion-ready innovations for a need or a problem statement (a theme and an area), with an
// explanation per factor. Pure: the repo loads the candidates, their sites and the provinces' poverty levels.

/**
 * A province's poverty level, from what the platform holds: `target` for the poor-province target group, `high` for
 * a province in any NESDC list of the provinces with the highest poverty ratio, `other` for the rest.
 */
export type PovertyLevel = 'target' | 'high' | 'other';

/** The most points each factor gives; they add up to 100. */
export const MATCH_WEIGHTS: Record<MatchFactor, number> = {
  theme: 30,
  area: 20,
  poverty: 15,
  success: 15,
  srl: 10,
  cost: 10,
};

/** Area points: already used in the very province, or elsewhere in its region. */
export const AREA_POINTS = { sameProvince: 20, sameRegion: 12 } as const;

/** Cost points by the typical cost for one site to adopt (satang, at most): cheaper models fit more places. */
export const COST_TIERS: ReadonlyArray<{ maxSatang: number; points: number }> = [
  { maxSatang: 50_000_00, points: 10 },
  { maxSatang: 200_000_00, points: 7 },
  { maxSatang: 500_000_00, points: 4 },
  { maxSatang: 1_000_000_00, points: 2 },
];

/** Outcomes (adopted, sustained or discontinued sites) needed before the success rate counts in full. */
export const SUCCESS_FULL_CONFIDENCE = 3;

/** What is matched: a need or a problem statement. */
export interface MatchSubject {
  theme: string | null;
  provinceCode: number | null;
}

/** One adoption of a candidate, as matching sees it. */
export interface CandidateSite {
  provinceCode: number;
  status: AdoptionStatus;
}

/** A published, diffusion-ready innovation with its adoptions. */
export interface MatchCandidate {
  id: string;
  titleTh: string;
  titleEn: string;
  summaryTh: string;
  summaryEn: string;
  themes: string[];
  srl: number | null;
  adoptionCostSatang: number | null;
  originProvinceCode: number | null;
  sites: CandidateSite[];
}

/** Facts about provinces the scorer needs: region (from the reference list) and poverty level. */
export interface AreaFacts {
  povertyOf: (provinceCode: number) => PovertyLevel;
}

/** A reason before it is put into words: a catalogue key under `needs.reasons` and its parameters. */
export interface ReasonKey {
  key: string;
  params: Record<string, string | number>;
}

export interface ScoredFactor {
  factor: MatchFactor;
  points: number;
  maxPoints: number;
  reason: ReasonKey;
}

const REGION_OF = new Map<number, RegionCode>(PROVINCES.map((p) => [p.code, p.region]));
const round1 = (value: number) => Math.round(value * 10) / 10;

/** Statuses where a site is really using the model (the origin counts as one too). */
const IN_USE: ReadonlySet<AdoptionStatus> = new Set(['implementing', 'adopted', 'sustained']);
const SUCCEEDED: ReadonlySet<AdoptionStatus> = new Set(['adopted', 'sustained']);

/** The provinces where the candidate is in use: its origin and its sites implementing, adopted or sustained. */
export function provincesInUse(candidate: MatchCandidate): number[] {
  const codes = candidate.sites.filter((s) => IN_USE.has(s.status)).map((s) => s.provinceCode);
  if (candidate.originProvinceCode !== null) {
    codes.unshift(candidate.originProvinceCode);
  }
  return codes;
}

function scoreTheme(subject: MatchSubject, candidate: MatchCandidate): ScoredFactor {
  const max = MATCH_WEIGHTS.theme;
  if (subject.theme === null) {
    return { factor: 'theme', points: 0, maxPoints: max, reason: { key: 'themeUnknown', params: {} } };
  }
  const same = candidate.themes.includes(subject.theme);
  return {
    factor: 'theme',
    points: same ? max : 0,
    maxPoints: max,
    reason: { key: same ? 'themeSame' : 'themeOther', params: { theme: subject.theme } },
  };
}

function scoreArea(subject: MatchSubject, inUse: number[]): ScoredFactor {
  const max = MATCH_WEIGHTS.area;
  const region = subject.provinceCode === null ? undefined : REGION_OF.get(subject.provinceCode);
  if (subject.provinceCode === null || region === undefined) {
    return { factor: 'area', points: 0, maxPoints: max, reason: { key: 'areaUnknown', params: {} } };
  }
  const inProvince = inUse.filter((code) => code === subject.provinceCode).length;
  if (inProvince > 0) {
    return {
      factor: 'area',
      points: AREA_POINTS.sameProvince,
      maxPoints: max,
      reason: { key: 'areaSameProvince', params: { province: subject.provinceCode, sites: inProvince } },
    };
  }
  const inRegion = inUse.filter((code) => REGION_OF.get(code) === region).length;
  return inRegion > 0
    ? {
        factor: 'area',
        points: AREA_POINTS.sameRegion,
        maxPoints: max,
        reason: { key: 'areaSameRegion', params: { region, sites: inRegion } },
      }
    : { factor: 'area', points: 0, maxPoints: max, reason: { key: 'areaNone', params: { region } } };
}

function scorePoverty(subject: MatchSubject, inUse: number[], facts: AreaFacts): ScoredFactor {
  const max = MATCH_WEIGHTS.poverty;
  if (subject.provinceCode === null) {
    return { factor: 'poverty', points: 0, maxPoints: max, reason: { key: 'areaUnknown', params: {} } };
  }
  const level = facts.povertyOf(subject.provinceCode);
  const sites = inUse.filter((code) => facts.povertyOf(code) === level).length;
  if (sites === 0) {
    return { factor: 'poverty', points: 0, maxPoints: max, reason: { key: 'povertyNone', params: {} } };
  }
  const key = level === 'target' ? 'povertyTarget' : level === 'high' ? 'povertyHigh' : 'povertyOther';
  // One site gives two thirds of the points; two or more give them all.
  return {
    factor: 'poverty',
    points: sites >= 2 ? max : round1((max * 2) / 3),
    maxPoints: max,
    reason: { key, params: { sites } },
  };
}

function scoreSuccess(candidate: MatchCandidate): ScoredFactor {
  const max = MATCH_WEIGHTS.success;
  const successes = candidate.sites.filter((s) => SUCCEEDED.has(s.status)).length;
  const outcomes = successes + candidate.sites.filter((s) => s.status === 'discontinued').length;
  if (outcomes === 0) {
    return { factor: 'success', points: 0, maxPoints: max, reason: { key: 'successNone', params: {} } };
  }
  // The rate, damped while few sites have an outcome: 1 of 1 is not yet as telling as 6 of 6.
  const confidence = Math.min(outcomes, SUCCESS_FULL_CONFIDENCE) / SUCCESS_FULL_CONFIDENCE;
  return {
    factor: 'success',
    points: round1(max * (successes / outcomes) * confidence),
    maxPoints: max,
    reason: { key: 'successRate', params: { successes, outcomes } },
  };
}

function scoreSrl(candidate: MatchCandidate): ScoredFactor {
  const max = MATCH_WEIGHTS.srl;
  if (candidate.srl === null) {
    return { factor: 'srl', points: 0, maxPoints: max, reason: { key: 'srlUnknown', params: {} } };
  }
  const srl = Math.min(9, Math.max(1, candidate.srl));
  return {
    factor: 'srl',
    points: round1((max * srl) / 9),
    maxPoints: max,
    reason: { key: 'srlLevel', params: { srl } },
  };
}

function scoreCost(candidate: MatchCandidate): ScoredFactor {
  const max = MATCH_WEIGHTS.cost;
  const cost = candidate.adoptionCostSatang;
  if (cost === null) {
    return { factor: 'cost', points: 0, maxPoints: max, reason: { key: 'costUnknown', params: {} } };
  }
  const tier = COST_TIERS.find((t) => cost <= t.maxSatang);
  return {
    factor: 'cost',
    points: tier?.points ?? 0,
    maxPoints: max,
    reason: { key: 'costAmount', params: { amount: cost } },
  };
}

/** Every factor's points for one candidate, in the order of `MATCH_WEIGHTS`. */
export function scoreCandidate(
  subject: MatchSubject,
  candidate: MatchCandidate,
  facts: AreaFacts,
): ScoredFactor[] {
  const inUse = provincesInUse(candidate);
  return [
    scoreTheme(subject, candidate),
    scoreArea(subject, inUse),
    scorePoverty(subject, inUse, facts),
    scoreSuccess(candidate),
    scoreSrl(candidate),
    scoreCost(candidate),
  ];
}

function nameParams(lang: Language, params: Record<string, string | number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === 'theme') {
      const theme = THEMES.find((t) => t.code === value);
      out[name] = theme ? (lang === 'en' ? theme.nameEn : theme.nameTh) : String(value);
    } else if (name === 'province') {
      const province = PROVINCES.find((p) => p.code === value);
      out[name] = province ? (lang === 'en' ? province.nameEn : province.nameTh) : String(value);
    } else if (name === 'region') {
      const region = REGIONS.find((r) => r.code === value);
      out[name] = region ? (lang === 'en' ? region.nameEn : region.nameTh) : String(value);
    } else if (name === 'amount' && typeof value === 'number') {
      out[name] = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'th-TH', {
        maximumFractionDigits: 0,
      }).format(value / 100);
    } else {
      out[name] = String(value);
    }
  }
  return out;
}

/** A reason in words, in one language. */
export function reasonText(lang: Language, reason: ReasonKey): string {
  return translate(lang, `needs.reasons.${reason.key}`, nameParams(lang, reason.params));
}

function toReason(scored: ScoredFactor): MatchReason {
  return {
    factor: scored.factor,
    points: scored.points,
    maxPoints: scored.maxPoints,
    reasonTh: reasonText('th', scored.reason),
    reasonEn: reasonText('en', scored.reason),
  };
}

/**
 * Ranks the candidates for the subject: the score is the sum of the factors' points (0–100); ties go to the higher
 * SRL, then the Thai title. Returns at most `limit` matches, each with its reasons in Thai and English.
 */
export function rankMatches(
  subject: MatchSubject,
  candidates: readonly MatchCandidate[],
  facts: AreaFacts,
  limit: number,
): InnovationMatch[] {
  const scored = candidates.map((candidate) => {
    const factors = scoreCandidate(subject, candidate, facts);
    return { candidate, factors, score: round1(factors.reduce((sum, f) => sum + f.points, 0)) };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      (b.candidate.srl ?? 0) - (a.candidate.srl ?? 0) ||
      a.candidate.titleTh.localeCompare(b.candidate.titleTh, 'th'),
  );
  return scored.slice(0, limit).map(({ candidate, factors, score }) => ({
    innovationId: candidate.id,
    titleTh: candidate.titleTh,
    titleEn: candidate.titleEn,
    summaryTh: candidate.summaryTh,
    summaryEn: candidate.summaryEn,
    themes: candidate.themes,
    srl: candidate.srl,
    adoptionCostSatang: candidate.adoptionCostSatang,
    originProvinceCode: candidate.originProvinceCode,
    score,
    reasons: factors.map(toReason),
  }));
}
