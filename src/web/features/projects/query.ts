import { ProjectListQuerySchema, type ProjectListQuery } from '@shared/contracts/projects';

/** What the projects list filters by: the parts of the list query a person chooses, and the page. */
export type ProjectFilters = ProjectListQuery;

export const PROJECT_FILTER_KEYS = ['status', 'health', 'drivingUnitId', 'fiscalYear', 'q'] as const;
export type ProjectFilterKey = (typeof PROJECT_FILTER_KEYS)[number];

const DEFAULTS = ProjectListQuerySchema.parse({});

/**
 * The list query of a page address (`?status=active&fiscalYear=2569`): each parameter is checked on its own, so
 * that one bad value (an old bookmark) is dropped rather than failing the whole list.
 */
export function queryFromParams(params: URLSearchParams): ProjectFilters {
  const query: ProjectFilters = { ...DEFAULTS };
  const shape = ProjectListQuerySchema.shape;
  for (const key of Object.keys(shape) as Array<keyof ProjectFilters>) {
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

/** The address parameters of a query: defaults and empty filters are left out, so links stay short. */
export function paramsFromQuery(query: Partial<ProjectFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(ProjectListQuerySchema.shape) as Array<keyof ProjectFilters>) {
    const value = query[key];
    if (value === undefined || value === null || value === '' || value === DEFAULTS[key]) {
      continue;
    }
    params.set(key, String(value));
  }
  return params;
}

/** The query with one filter changed, back on the first page. */
export function withFilter<K extends ProjectFilterKey>(
  query: ProjectFilters,
  key: K,
  value: ProjectFilters[K] | undefined,
): ProjectFilters {
  const next: ProjectFilters = { ...query };
  delete next.cursor;
  if (value === undefined || value === '') {
    delete next[key];
  } else {
    next[key] = value;
  }
  return next;
}

/** Whether any filter (not paging) is set. */
export function hasFilters(query: ProjectFilters): boolean {
  return PROJECT_FILTER_KEYS.some((key) => query[key] !== undefined && query[key] !== '');
}
