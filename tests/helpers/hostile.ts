import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { Database } from '@server/db/client';

/** A JSON Schema node as the OpenAPI document gives a route's body (draft 2020-12, from the Zod contracts). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  $ref?: string;
}

/** Script payloads: any of them running in a page sets `window.__xss`. */
export const XSS_STRINGS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload="window.__xss=1">',
  "javascript:window.__xss=1//'",
  '<a href="javascript:window.__xss=1">x</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '{{constructor.constructor("window.__xss=1")()}}',
];

/** Text that has broken servers before: SQL, control characters, odd Unicode, path traversal, template syntax. */
export const HOSTILE_STRINGS = [
  ...XSS_STRINGS,
  "' OR '1'='1' --",
  "'; DROP TABLE users; --",
  '1); SELECT pg_sleep(0); --',
  "\\'; $$ E'\\x00' $1 %s %n",
  '\u0000',
  'a\u0000b',
  '\u202Egnp.exe',
  '\uD800',
  '\uFFFF\uFFFE',
  'ก\u0E31\u0E49\u0E49\u0E49\u0E49',
  '\u200B\u200D\uFEFF',
  '😀👩‍👩‍👧',
  '\r\n\t\u0007\u001B[31m',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%00',
  '${jndi:ldap://127.0.0.1/a}',
  'NaN',
  '1e999',
  '-0',
  ' ',
  '',
];

export const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '0000-00-00',
  '0001-01-01',
  '9999-12-31',
  '275760-09-13',
];
export const IMPOSSIBLE_DATE_TIMES = [
  '2026-02-30T10:00:00.000Z',
  '2026-01-01T25:00:00.000Z',
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '1970-01-01T00:00:00.000Z',
];
export const EXTREME_NUMBERS = [
  -1,
  0,
  -0,
  0.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 53 - 1,
  2 ** 63,
  -(2 ** 53),
  1e308,
  -1e308,
];

export const HOSTILE_FILE_NAMES = [
  '../../etc/passwd',
  '..\\..\\boot.ini',
  'a\u0000.pdf',
  `${'ก'.repeat(400)}.pdf`,
  `${'a'.repeat(5000)}.pdf`,
  'invoice\u202Efdp.exe',
  '<img src=x onerror="window.__xss=1">.pdf',
  "'; DROP TABLE users; --.pdf",
  '',
  '.',
  '/',
  'CON.pdf',
  'x.pdf\r\nContent-Type: text/html',
];

/** Bytes of small files of several kinds, and files whose content lies about their name. */
export const FILE_CONTENTS: Record<string, Buffer> = {
  pdf: Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  ),
  html: Buffer.from('<!doctype html><html><body><script>window.__xss=1</script></body></html>'),
  svg: Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=1</script></svg>',
  ),
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
  csv: Buffer.from('indicator_code,province_code,year,value\n<script>,10,2566,1e999\n'),
  geojson: Buffer.from(
    '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{}}]}',
  ),
  empty: Buffer.alloc(0),
  binary: Buffer.from([0xff, 0xfe, 0x00, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0x00, 0x7f]),
  zipBomb: Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(512, 0)]),
};

const FALLBACK_STRING: Record<string, string> = {
  email: 'hostile@example.org',
  uri: 'https://example.org/a',
  date: '2026-12-20',
  'date-time': '2026-12-20T03:00:00.000Z',
  uuid: '00000000-0000-4000-8000-000000000000',
};

export interface SchemaContext {
  /** Resolves `#/components/schemas/...` references. */
  components: Record<string, JsonSchema>;
  /** Real ids to use for uuid fields, by property name (e.g. `callId`), and any id for the rest. */
  idsFor(property: string | undefined): string[];
}

export function resolveRef(schema: JsonSchema, ctx: SchemaContext): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 10; depth += 1) {
    const name = current.$ref.split('/').pop() ?? '';
    current = ctx.components[name] ?? {};
  }
  return current;
}

function typesOf(schema: JsonSchema, ctx: SchemaContext): Set<string> {
  const s = resolveRef(schema, ctx);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    return new Set(alternatives.flatMap((a) => [...typesOf(a, ctx)]));
  }
  if (s.enum) {
    return new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)));
  }
  if (s.const !== undefined) {
    return new Set([s.const === null ? 'null' : typeof s.const]);
  }
  if (s.type === undefined) {
    return new Set(['any']);
  }
  const types = [s.type].flat().map((t) => (t === 'integer' ? 'number' : t));
  return new Set(types);
}

function fitLength(text: string, min: number, max: number): string {
  let out = text.length > max ? text.slice(0, max) : text;
  while (out.length < min) {
    out += 'x';
  }
  return out;
}

function regexArbitrary(pattern: string): fc.Arbitrary<string> | null {
  try {
    const arb = fc.stringMatching(new RegExp(pattern));
    fc.sample(arb, { numRuns: 1, seed: 1 });
    return arb;
  } catch {
    return null;
  }
}

const regexCache = new Map<string, fc.Arbitrary<string> | null>();

/** Strings that fit the schema's shape, drawn mostly from the hostile lists (and real ids for uuids). */
function stringArbitrary(
  s: JsonSchema,
  ctx: SchemaContext,
  property: string | undefined,
): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 10_000;
  if (s.format === 'uuid') {
    const ids = ctx.idsFor(property);
    return ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
  }
  if (s.format === 'date') {
    return fc.oneof(fc.constantFrom(...IMPOSSIBLE_DATES), fc.constant(FALLBACK_STRING.date ?? ''));
  }
  if (s.format === 'date-time') {
    return fc.oneof(
      fc.constantFrom(...IMPOSSIBLE_DATE_TIMES),
      fc.constant(FALLBACK_STRING['date-time'] ?? ''),
    );
  }
  if (s.pattern) {
    if (!regexCache.has(s.pattern)) {
      regexCache.set(s.pattern, regexArbitrary(s.pattern));
    }
    const arb = regexCache.get(s.pattern);
    const fallback = FALLBACK_STRING[s.format ?? ''];
    const options: Array<fc.Arbitrary<string>> = [];
    if (arb) {
      options.push(arb.map((v) => fitLength(v, 0, max)));
    }
    if (fallback !== undefined) {
      options.push(fc.constant(fallback));
    }
    options.push(fc.constantFrom(...HOSTILE_STRINGS));
    return fc.oneof(...options);
  }
  return fc
    .oneof(
      { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.constant('x'.repeat(Math.min(max, 100_000))) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...HOSTILE_STRINGS)
          .map((v) => v.repeat(Math.ceil(max / Math.max(1, v.length)))),
      },
    )
    .map((v) => fitLength(v, min, max));
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lower = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -(2 ** 53));
  const upper = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 2 ** 53);
  const edges = [lower, upper, ...EXTREME_NUMBERS].filter(
    (n) => n >= lower && n <= upper && (!integer || Number.isInteger(n)),
  );
  const inRange = integer
    ? fc.integer({
        min: Math.max(lower, Number.MIN_SAFE_INTEGER),
        max: Math.min(upper, Number.MAX_SAFE_INTEGER),
      })
    : fc.double({ min: lower, max: upper, noNaN: true });
  return edges.length > 0 ? fc.oneof(fc.constantFrom(...edges), inRange) : inRange;
}

/**
 * Values the schema accepts in shape (types, enums, bounds, required keys), whose free text, numbers and dates are
 * hostile: injection strings, control characters, extreme in-range numbers, impossible dates, real and unknown ids.
 */
export function shapedArbitrary(
  schema: JsonSchema,
  ctx: SchemaContext,
  property?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolveRef(schema, ctx);
  if (s.allOf && s.allOf.length > 0) {
    return shapedArbitrary(s.allOf[0] ?? {}, ctx, property, depth);
  }
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && alternatives.length > 0) {
    return fc.oneof(...alternatives.map((a) => shapedArbitrary(a, ctx, property, depth)));
  }
  if (s.const !== undefined) {
    return fc.constant(s.const);
  }
  if (s.enum && s.enum.length > 0) {
    return fc.constantFrom(...s.enum);
  }
  const type = [s.type].flat()[0];
  switch (type) {
    case 'string':
      return stringArbitrary(s, ctx, property);
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? 4, minLength + 3, depth > 3 ? minLength : 100);
      return fc.array(shapedArbitrary(s.items ?? {}, ctx, singular(property), depth + 1), {
        minLength,
        maxLength,
      });
    }
    case 'object':
      return objectArbitrary(s, ctx, depth);
    case undefined:
    default:
      return fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.integer(), fc.constant(null));
  }
}

function singular(property: string | undefined): string | undefined {
  if (!property) {
    return property;
  }
  return property.endsWith('Ids') ? property.slice(0, -1) : property;
}

function objectArbitrary(s: JsonSchema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const properties = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, child] of Object.entries(properties)) {
    record[key] = shapedArbitrary(child, ctx, key, depth + 1);
  }
  const requiredKeys = Object.keys(properties).filter((k) => required.has(k));
  const base = fc.record(record, { requiredKeys });
  if (
    s.additionalProperties &&
    typeof s.additionalProperties === 'object' &&
    Object.keys(properties).length === 0
  ) {
    const valueSchema = s.additionalProperties;
    const keyArb = s.propertyNames
      ? stringArbitrary(resolveRef(s.propertyNames, ctx), ctx, undefined)
      : fc.constantFrom(...HOSTILE_STRINGS);
    return fc.dictionary(keyArb, shapedArbitrary(valueSchema, ctx, undefined, depth + 1), {
      maxKeys: depth > 3 ? 0 : 3,
    });
  }
  return base;
}

/** A value of a type the schema does not allow at all (never coerced into it), or null when every type is allowed. */
export function wrongTypeArbitrary(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<unknown> | null {
  const allowed = typesOf(schema, ctx);
  if (allowed.has('any')) {
    return null;
  }
  const candidates: Array<[string, fc.Arbitrary<unknown>]> = [
    ['object', fc.constantFrom<unknown>({}, { $gt: '' }, { toString: 'x' })],
    ['array', fc.constantFrom<unknown>([], [1, 2], [['nested']])],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['number', fc.constantFrom(0, -1, 1e308, 12345)],
  ];
  const usable = candidates.filter(([type]) => !allowed.has(type)).map(([, arb]) => arb);
  return usable.length > 0 ? fc.oneof(...usable) : null;
}

/** One JSON path in a shaped body where a property lives, with its schema. */
export interface PropertySlot {
  path: string[];
  schema: JsonSchema;
  isRequired: boolean;
}

/** Every object property reachable from the body schema's own properties (not through arrays or unions). */
export function propertySlots(schema: JsonSchema, ctx: SchemaContext, path: string[] = []): PropertySlot[] {
  const s = resolveRef(schema, ctx);
  const slots: PropertySlot[] = [];
  const required = new Set(s.required ?? []);
  for (const [key, child] of Object.entries(s.properties ?? {})) {
    slots.push({ path: [...path, key], schema: child, isRequired: required.has(key) });
    const resolved = resolveRef(child, ctx);
    if (resolved.properties && path.length < 2) {
      slots.push(...propertySlots(resolved, ctx, [...path, key]));
    }
  }
  return slots;
}

/** A copy of `value` with `path` set (creating objects on the way), or removed when `remove` is set. */
export function withPath(value: unknown, path: string[], replacement: unknown, remove = false): unknown {
  const root: Record<string, unknown> =
    value && typeof value === 'object' && !Array.isArray(value)
      ? { ...(value as Record<string, unknown>) }
      : {};
  let cursor = root;
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) {
      if (remove) {
        delete cursor[key];
      } else {
        cursor[key] = replacement;
      }
    } else {
      const next = cursor[key];
      const copy: Record<string, unknown> =
        next && typeof next === 'object' && !Array.isArray(next)
          ? { ...(next as Record<string, unknown>) }
          : {};
      cursor[key] = copy;
      cursor = copy;
    }
  }
  return root;
}

/** A multipart/form-data body with a fixed boundary: text fields and any number of file parts. */
export function multipart(
  fields: Array<[string, string]>,
  files: Array<{ field: string; name: string; type: string; bytes: Buffer }>,
  options: { boundary?: string; unterminated?: boolean } = {},
): { payload: Buffer; contentType: string } {
  const boundary = options.boundary ?? '----si-hostile-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  if (!options.unterminated) {
    parts.push(Buffer.from(`--${boundary}--\r\n`));
  }
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Columns a table changes on requests by design, left out of the fingerprint (see the call site for why).
 * `null` leaves the whole table out.
 */
export type FingerprintExclusions = Record<string, string[] | null>;

export interface Fingerprint {
  tables: Record<string, string>;
  files: string[];
}

/**
 * One query over every table, plus the list of stored files with their sizes. A table prints as its row count and
 * the newest transaction id among its rows (`xmin`): any insert or update of a committed transaction leaves a row
 * newer than all before, and a delete lowers the count, while rolled-back writes leave nothing visible. A table with
 * excluded columns prints as its row count and an md5 of its rows' text without those columns, in a fixed order.
 */
export async function createFingerprinter(db: Database, exclusions: FingerprintExclusions, dataDir: string) {
  const result: unknown = await db.execute(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const tables = (result as { rows: Array<{ name: string }> }).rows
    .map((r) => r.name)
    .filter((name) => exclusions[name] !== null);
  const selects = tables.map((name) => {
    const excluded = exclusions[name];
    if (!excluded) {
      return `select '${name}' as name, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text as print
        from "${name}"`;
    }
    const dropped = excluded.map((c) => ` - '${c}'`).join('');
    return `select '${name}' as name, count(*)::text || ':' || coalesce(md5(string_agg(r, '|' order by r)), '') as print
      from (select (to_jsonb(t)${dropped})::text as r from "${name}" t) x`;
  });
  const query = sql.raw(selects.join('\nunion all\n'));
  return async (): Promise<Fingerprint> => {
    const rows: unknown = await db.execute(query);
    return {
      tables: Object.fromEntries(
        (rows as { rows: Array<{ name: string; print: string }> }).rows.map((r) => [r.name, r.print]),
      ),
      files: listFiles(dataDir),
    };
  };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        out.push(`${full.slice(dir.length)}:${statSync(full).size}`);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** The tables (and the file list) whose prints differ. */
export function fingerprintDiff(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
  const changed = [...names].filter((n) => before.tables[n] !== after.tables[n]).sort();
  if (before.files.join('\n') !== after.files.join('\n')) {
    changed.push('(stored files)');
  }
  return changed;
}
