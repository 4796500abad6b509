/**
 * Diffusion metrics and the who-adopted-from-whom tree: pure functions over adoption rows, so they are the same for
 * one innovation, one village and the whole overview, and unit-tested without a database.
 *
 * Definitions:
 * - sites: adoption records, any status; adoptedSites: those at adopted or sustained now.
 * - provincesReached: distinct provinces of the adoption records.
 * - targetGroupShare: records inside the poor-province target group ÷ all records (null without records).
 * - medianDaysToAdopt: median of (adopted_on − interested_on) in whole days over records that reached adopted.
 * - sustainedRate: sustained ÷ (adopted + sustained + discontinued after adopting) — only sites that actually adopted
 *   count, so an early drop-out does not lower it (null when no site has adopted).
 * - beneficiaries: summed by group over records that reached adopted (an adoption later discontinued still served
 *   them); localFundingSatang: summed over every record (money the adopters committed).
 */
import {
  ADOPTION_STATUSES,
  BENEFICIARY_GROUPS,
  type AdoptionStatus,
  type BeneficiaryCount,
  type DiffusionMetrics,
  type LineageNode,
} from '@shared/contracts/diffusion';

export interface MetricsRow {
  id: string;
  provinceCode: number;
  status: AdoptionStatus;
  interestedOn: string;
  adoptedOn: string | null;
  beneficiaries: BeneficiaryCount[];
  localFundingSatang: number;
}

const DAY_MS = 86_400_000;

/** Whole days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function median(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? null)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function beneficiaryTotal(list: BeneficiaryCount[]): number {
  return list.reduce((sum, b) => sum + b.count, 0);
}

export function computeMetrics(
  rows: MetricsRow[],
  targetProvinceCodes: ReadonlySet<number>,
): DiffusionMetrics {
  const byStatus = Object.fromEntries(ADOPTION_STATUSES.map((s) => [s, 0])) as Record<AdoptionStatus, number>;
  const provinces = new Set<number>();
  const days: number[] = [];
  const groups = new Map<BeneficiaryCount['group'], number>();
  let inTarget = 0;
  let funding = 0;
  let discontinuedAfterAdopting = 0;
  for (const row of rows) {
    byStatus[row.status] += 1;
    provinces.add(row.provinceCode);
    if (targetProvinceCodes.has(row.provinceCode)) {
      inTarget += 1;
    }
    funding += row.localFundingSatang;
    if (row.adoptedOn !== null) {
      days.push(daysBetween(row.interestedOn, row.adoptedOn));
      if (row.status === 'discontinued') {
        discontinuedAfterAdopting += 1;
      }
      for (const b of row.beneficiaries) {
        groups.set(b.group, (groups.get(b.group) ?? 0) + b.count);
      }
    }
  }
  const everAdopted = byStatus.adopted + byStatus.sustained + discontinuedAfterAdopting;
  const beneficiaries = BENEFICIARY_GROUPS.filter((g) => (groups.get(g) ?? 0) > 0).map((group) => ({
    group,
    count: groups.get(group) ?? 0,
  }));
  return {
    sites: rows.length,
    adoptedSites: byStatus.adopted + byStatus.sustained,
    provincesReached: provinces.size,
    targetGroupShare: rows.length === 0 ? null : inTarget / rows.length,
    medianDaysToAdopt: median(days),
    sustainedRate: everAdopted === 0 ? null : byStatus.sustained / everAdopted,
    byStatus,
    beneficiaries,
    beneficiaryTotal: beneficiaryTotal(beneficiaries),
    localFundingSatang: funding,
  };
}

export interface LineageRow {
  id: string;
  adopterName: string;
  provinceCode: number;
  status: AdoptionStatus;
  sourceAdoptionId: string | null;
  interestedOn: string;
}

/**
 * Who adopted from whom: the sites learnt from the origin at the top level, each site under the one it learnt from.
 * A site whose source is not among the rows (or that sits on a cycle) is placed at the top level, so every row
 * appears exactly once. Children by date of interest.
 */
export function buildLineage(rows: LineageRow[]): LineageNode[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<string | null, LineageRow[]>();
  /** A row's parent, or null when its chain of sources does not reach the origin without a cycle. */
  const parentOf = (row: LineageRow): string | null => {
    if (row.sourceAdoptionId === null || !byId.has(row.sourceAdoptionId)) {
      return null;
    }
    const seen = new Set<string>([row.id]);
    let cursor: LineageRow | undefined = byId.get(row.sourceAdoptionId);
    while (cursor) {
      if (seen.has(cursor.id)) {
        return null;
      }
      seen.add(cursor.id);
      cursor = cursor.sourceAdoptionId === null ? undefined : byId.get(cursor.sourceAdoptionId);
    }
    return row.sourceAdoptionId;
  };
  for (const row of rows) {
    const parent = parentOf(row);
    const list = children.get(parent) ?? [];
    list.push(row);
    children.set(parent, list);
  }
  const build = (parent: string | null): LineageNode[] =>
    (children.get(parent) ?? [])
      .sort((a, b) => a.interestedOn.localeCompare(b.interestedOn) || a.id.localeCompare(b.id))
      .map((row) => ({
        adoptionId: row.id,
        adopterName: row.adopterName,
        provinceCode: row.provinceCode,
        status: row.status,
        children: build(row.id),
      }));
  return build(null);
}
