import { ADOPTION_STATUSES, type AdoptionStatus, type AdoptionSummary } from '@shared/contracts/diffusion';
import { ORIGIN_COLOR, STATUS_COLORS, spreadPoint, type Point } from './map-points';

export interface MapOrigin {
  /** The innovation id. */
  id: string;
  provinceCode: number;
  point: Point;
  tip: string;
}

export interface MapSite {
  /** The adoption id. */
  id: string;
  provinceCode: number;
  status: AdoptionStatus;
  point: Point;
  tip: string;
}

export interface MapLink {
  from: Point;
  to: Point;
  status: AdoptionStatus;
}

export type LegendEntry =
  | { kind: 'origin'; name: string; color: string }
  | { kind: 'status'; name: string; color: string; status: AdoptionStatus };

export interface MapModel {
  origins: MapOrigin[];
  sites: MapSite[];
  links: MapLink[];
  legend: LegendEntry[];
  originName: string;
  originColor: string;
  linkName: string;
  targetProvinceCodes: number[];
}

export interface MapInput {
  origins: Array<{ id: string; provinceCode: number | null; title: string }>;
  adoptions: AdoptionSummary[];
  positions: ReadonlyMap<number, Point>;
  /** Distance between neighbouring sites in one province, in the positions' units. */
  spread: number;
  targetProvinceCodes: number[];
  labels: {
    origin: string;
    link: string;
    status: (status: AdoptionStatus) => string;
    province: (code: number) => string;
    siteTip: (adoption: AdoptionSummary) => string;
    originTip: (title: string, provinceCode: number) => string;
  };
}

/**
 * Places origins and sites on the map: each province's points spread around its centre (origins first), and links
 * from where each site learnt the innovation — the site it learnt from, or its innovation's origin.
 */
export function buildMapModel(input: MapInput): MapModel {
  const used = new Map<number, number>();
  const place = (code: number): Point | null => {
    const centre = input.positions.get(code);
    if (!centre) {
      return null;
    }
    const index = used.get(code) ?? 0;
    used.set(code, index + 1);
    return spreadPoint(centre, index, input.spread);
  };
  const origins: MapOrigin[] = [];
  for (const origin of input.origins) {
    const point = origin.provinceCode === null ? null : place(origin.provinceCode);
    if (point && origin.provinceCode !== null) {
      origins.push({
        id: origin.id,
        provinceCode: origin.provinceCode,
        point,
        tip: input.labels.originTip(origin.title, origin.provinceCode),
      });
    }
  }
  const sites: MapSite[] = [];
  for (const adoption of input.adoptions) {
    const point = place(adoption.provinceCode);
    if (point) {
      sites.push({
        id: adoption.id,
        provinceCode: adoption.provinceCode,
        status: adoption.status,
        point,
        tip: input.labels.siteTip(adoption),
      });
    }
  }
  const originPoint = new Map(origins.map((o) => [o.id, o.point]));
  const sitePoint = new Map(sites.map((s) => [s.id, s.point]));
  const links: MapLink[] = [];
  for (const adoption of input.adoptions) {
    const to = sitePoint.get(adoption.id);
    const from =
      (adoption.sourceAdoptionId ? sitePoint.get(adoption.sourceAdoptionId) : undefined) ??
      originPoint.get(adoption.innovation.id);
    if (to && from && (from[0] !== to[0] || from[1] !== to[1])) {
      links.push({ from, to, status: adoption.status });
    }
  }
  const present = new Set(sites.map((s) => s.status));
  const legend: LegendEntry[] = [
    { kind: 'origin', name: input.labels.origin, color: ORIGIN_COLOR },
    ...ADOPTION_STATUSES.filter((s) => present.has(s)).map((status): LegendEntry => ({
      kind: 'status',
      name: input.labels.status(status),
      color: STATUS_COLORS[status],
      status,
    })),
  ];
  return {
    origins,
    sites,
    links,
    legend,
    originName: input.labels.origin,
    originColor: ORIGIN_COLOR,
    linkName: input.labels.link,
    targetProvinceCodes: input.targetProvinceCodes,
  };
}
