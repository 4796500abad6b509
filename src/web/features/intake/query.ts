import {
  IntakeQuerySchema,
  type IntakeExportBody,
  type IntakeExportFormat,
  type IntakeQuery,
} from '@shared/contracts/proposals';

/** The filters of the intake list, each optional: the parts of IntakeQuery a person chooses. */
export const INTAKE_FILTER_KEYS = [
  'status',
  'province',
  'region',
  'theme',
  'organisationType',
  'eligible',
  'stage',
  'phase',
  'outcome',
  'q',
] as const;
export type IntakeFilterKey = (typeof INTAKE_FILTER_KEYS)[number];

const DEFAULTS = IntakeQuerySchema.parse({});

/**
 * The intake query of a page address (`?status=submitted&province=50&page=2`): each parameter is checked on its
 * own, so that one bad value (an old bookmark) is dropped rather than failing the whole list.
 */
export function queryFromParams(params: URLSearchParams): IntakeQuery {
  const query: IntakeQuery = { ...DEFAULTS };
  const shape = IntakeQuerySchema.shape;
  for (const key of Object.keys(shape) as Array<keyof IntakeQuery>) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') {
      continue;
    }
    const parsed = shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined && parsed.data !== '') {
      (query as Record<string, unknown>)[key] = parsed.data;
    }
  }
  return query;
}

/** The page address's parameters for a query: defaults and empty filters are left out, so links stay short. */
export function paramsFromQuery(query: Partial<IntakeQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(IntakeQuerySchema.shape) as Array<keyof IntakeQuery>) {
    const value = query[key];
    if (value === undefined || value === null || value === '' || value === DEFAULTS[key]) {
      continue;
    }
    params.set(key, String(value));
  }
  return params;
}

/** The query with one filter changed, back on the first page (a new filter makes old page numbers meaningless). */
export function withFilter<K extends IntakeFilterKey>(
  query: IntakeQuery,
  key: K,
  value: IntakeQuery[K] | undefined,
): IntakeQuery {
  const next: IntakeQuery = { ...query, page: 1 };
  if (value === undefined || value === '') {
    delete next[key];
  } else {
    next[key] = value;
  }
  return next;
}

/** The filters and sort without paging, for an export (it takes every matching proposal), with the file format. */
export function exportBody(query: IntakeQuery, format: IntakeExportFormat): IntakeExportBody {
  const body: IntakeExportBody = { sort: query.sort, format };
  for (const key of INTAKE_FILTER_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== '') {
      (body as Record<string, unknown>)[key] = value;
    }
  }
  return body;
}

/** Whether any filter (not paging or sorting) is set. */
export function hasFilters(query: IntakeQuery): boolean {
  return INTAKE_FILTER_KEYS.some((key) => query[key] !== undefined && query[key] !== '');
}

/** How many pages `total` rows make (at least one). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The next sort when a column header is pressed: newest/largest first, then the other way; text columns A→Z. */
export function nextSort(
  current: IntakeQuery['sort'],
  column: 'submitted_at' | 'requested' | 'title' | 'receipt',
): IntakeQuery['sort'] {
  switch (column) {
    case 'submitted_at':
      return current === '-submitted_at' ? 'submitted_at' : '-submitted_at';
    case 'requested':
      return current === '-requested' ? 'requested' : '-requested';
    case 'title':
    case 'receipt':
      return column;
  }
}
