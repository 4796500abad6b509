import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoContent } from '@server/db/demo-seed';
import {
  FILE_CONTENTS,
  HOSTILE_FILE_NAMES,
  HOSTILE_STRINGS,
  createFingerprinter,
  fingerprintDiff,
  multipart,
  propertySlots,
  resolveRef,
  shapedArbitrary,
  withPath,
  wrongTypeArbitrary,
  type Fingerprint,
  type JsonSchema,
  type SchemaContext,
} from '@tests/helpers/hostile';
import { FORM_LIMITS } from '@shared/contracts/forms';
import { PROJECT_LIMITS } from '@shared/contracts/projects';
import { NETWORK_LIMITS } from '@shared/contracts/network';
import { KNOWLEDGE_LIMITS } from '@shared/contracts/knowledge';
import { INNOVATION_LIMITS } from '@shared/contracts/innovations';
import { DIFFUSION_LIMITS } from '@shared/contracts/diffusion';
import { IMPACT_PROJECT_LIMITS } from '@shared/contracts/impact-project';
import { DATA_IMPORT_LIMITS } from '@shared/contracts/data-imports';

/**
 * Every write route of the API (from the app's own route list) gets malformed and hostile input
 * as signed-in users of each kind, with real ids of the demo content in its path so that bodies reach the services.
 * No answer may be a 5xx, a malformed request must never be accepted, and a rejected request must leave the database
 * (and the stored files) exactly as they were.
 */

const SEED = Number(process.env.HOSTILE_SEED ?? 20261128);
const RUNS = Number(process.env.HOSTILE_RUNS ?? 3);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that take a multipart upload (their text fields, and the route's file size limit); every other write route has a JSON body or none. */
const UPLOAD_ROUTES = new Map<string, { fields: string[]; maxBytes: number }>([
  ['POST /api/proposals/:id/attachments', { fields: ['questionId'], maxBytes: FORM_LIMITS.fileSizeMaxBytes }],
  ['POST /api/project-reports/:id/files', { fields: [], maxBytes: PROJECT_LIMITS.evidenceFileMaxBytes }],
  ['POST /api/partner-mous/:id/documents', { fields: [], maxBytes: NETWORK_LIMITS.documentMaxBytes }],
  ['POST /api/knowledge/:id/file', { fields: [], maxBytes: KNOWLEDGE_LIMITS.fileMaxBytes }],
  [
    'POST /api/innovations/:id/media',
    { fields: ['captionTh', 'captionEn'], maxBytes: INNOVATION_LIMITS.documentMaxBytes },
  ],
  ['POST /api/adoptions/:id/photo-updates', { fields: ['body'], maxBytes: DIFFUSION_LIMITS.photoMaxBytes }],
  ['POST /api/indicator-values/:id/files', { fields: [], maxBytes: IMPACT_PROJECT_LIMITS.fileMaxBytes }],
  ['POST /api/admin/data-imports/:kind', { fields: [], maxBytes: DATA_IMPORT_LIMITS.boundariesMaxBytes }],
]);

/**
 * Left out of the database fingerprint, each because it changes on rejected requests by design:
 * - rate_limits: every request to a rate-limited route counts in its window, and failed sign-ins count towards the
 *   account lock-out; both are meant to count rejected requests.
 * - sessions.last_seen_at: refreshed at most once a minute on any signed-in request, accepted or not.
 * - email_outbox delivery columns: the background sender marks queued mail as sent at any time after an accepted
 *   request queued it; the fingerprint keeps each message's id, recipient, subject and body, so a rejected request
 *   that queued mail is still caught.
 */
const EXCLUSIONS = {
  rate_limits: null,
  sessions: ['last_seen_at'],
  email_outbox: ['status', 'attempts', 'last_error', 'available_at', 'sent_at'],
};

const ACTOR_ROLES = [
  'administrator',
  'programme_officer',
  'driving_unit_staff',
  'reviewer',
  'partner',
  null,
] as const;

interface Actor {
  email: string;
  client: TestClient;
}

interface WriteRoute {
  method: string;
  url: string;
  kind: 'json' | 'upload' | 'none';
  schema: JsonSchema | null;
  fields: string[];
}

interface HostileRequest {
  label: string;
  actor: number;
  url: string;
  payload?: string | Buffer | Record<string, unknown> | unknown[];
  contentType?: string;
  /** Malformed in shape: accepting it is a failure of its own. */
  mustReject: boolean;
}

let ctx: TestContext;
let dataDir: string;
const actors: Actor[] = [];
let components: Record<string, JsonSchema> = {};
const idsByParam = new Map<string, string[]>();
const idsByTable = new Map<string, string[]>();
let fingerprint: () => Promise<Fingerprint>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'si-hostile-data-'));
  ctx = await createTestApp({
    REQUIRE_2FA_FOR_STAFF: '0',
    DATA_DIR: dataDir,
    OUTBOX_POLL_MS: '600000',
    REMINDER_POLL_MS: '86400000',
  });
  await loadDemoContent(ctx.database.db, { seedDir: 'db/seed', fileStorage: ctx.app.fileStorage });
  for (const role of ACTOR_ROLES) {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role);
    if (!account) {
      throw new Error(`no demo account with role ${String(role)}`);
    }
    const client = new TestClient(ctx.app);
    expect((await client.signIn(account.email, DEMO_PASSWORD)).statusCode).toBe(200);
    actors.push({ email: account.email, client });
  }
  const document = ctx.app.swagger() as unknown as {
    components?: { schemas?: Record<string, JsonSchema> };
  };
  components = document.components?.schemas ?? {};
  await loadIds();
  fingerprint = await createFingerprinter(ctx.database.db, EXCLUSIONS, dataDir);
  console.log(`hostile input: fast-check seed ${SEED}, ${RUNS} runs per write route`);
}, 240_000);
afterAll(async () => {
  await ctx.close();
});

async function column(query: string): Promise<string[]> {
  const result: unknown = await ctx.database.db.execute(sql.raw(query));
  return (result as { rows: Array<{ v: string }> }).rows.map((r) => r.v);
}

const ID_TABLES: Record<string, string> = {
  'driving-units': 'driving_units',
  organisations: 'organisations',
  proposals: 'proposals',
  attachments: 'proposal_attachments',
  notifications: 'notifications',
  calls: 'calls',
  'review-assignments': 'review_assignments',
  reviews: 'reviews',
  contests: 'contests',
  'contest-entries': 'contest_entries',
  categories: 'contest_categories',
  projects: 'projects',
  instalments: 'project_instalments',
  reallocations: 'project_reallocations',
  'project-reports': 'project_reports',
  files: 'project_report_files',
  personnel: 'si_personnel',
  requests: 'mentoring_requests',
  'mentoring/sessions': 'mentoring_sessions',
  'auth/sessions': 'sessions',
  activities: 'activities',
  'activity-registrations': 'activity_registrations',
  partners: 'partners',
  'partner-mous': 'partner_mous',
  documents: 'partner_mou_documents',
  'partner-contributions': 'partner_contributions',
  'partner-links': 'partner_links',
  knowledge: 'knowledge_resources',
  innovations: 'innovations',
  media: 'innovation_media',
  adoptions: 'adoptions',
  villages: 'villages',
  needs: 'innovation_needs',
  cohorts: 'cohorts',
  'impact-indicators': 'impact_indicators',
  'financial-proxies': 'financial_proxies',
  'project-indicators': 'project_indicators',
  'indicator-values': 'project_indicator_values',
  'indicator-files': 'project_indicator_files',
  'sroi-assessments': 'sroi_assessments',
  'problem-statements': 'problem_statements',
};

/** Real values for path parameters and uuid body fields, taken from the demo content. */
async function loadIds() {
  const actorEmails = actors.map((a) => `'${a.email}'`).join(',');
  for (const [segment, table] of Object.entries(ID_TABLES)) {
    idsByTable.set(table, await column(`select id::text as v from "${table}" order by id limit 4`));
    idsByParam.set(segment, idsByTable.get(table) ?? []);
  }
  const otherUsers = await column(
    `select id::text as v from users where email not in (${actorEmails}) order by email limit 4`,
  );
  idsByTable.set('users', otherUsers);
  idsByParam.set('users', otherUsers);
  idsByParam.set(
    'reviewers',
    await column(`select user_id::text as v from user_roles where role = 'reviewer'`),
  );
  idsByParam.set(
    'members',
    await column(
      `(select user_id::text as v from organisation_members limit 3) union (select user_id::text from cohort_members limit 3)`,
    ),
  );
  idsByParam.set('judges', await column(`select judge_id::text as v from contest_judges limit 3`));
  idsByParam.set('conflicts', idsByTable.get('organisations') ?? []);
  idsByParam.set('review-invitations', await column(`select call_id::text as v from call_reviewers limit 3`));
  idsByParam.set('province-groups', await column(`select code as v from province_groups`));
  idsByParam.set('programmes', await column(`select slug as v from programmes`));
  idsByParam.set('roles', ['reviewer', 'partner']);
  idsByParam.set('rubrics', ['proposal', 'concept', 'full']);
  idsByParam.set('forms', ['proposal', 'concept', 'full']);
  idsByParam.set('data-imports', ['indicators', 'boundaries']);
}

/** Body uuid fields named after an entity get that entity's real ids (e.g. `callId`, `organisationIds`). */
const FIELD_TABLES: Record<string, string> = {
  callId: 'calls',
  organisationId: 'organisations',
  proposalId: 'proposals',
  userId: 'users',
  reviewerId: 'users',
  coApplicantId: 'users',
  problemStatementId: 'problem_statements',
  innovationId: 'innovations',
  projectId: 'projects',
  categoryId: 'contest_categories',
  entryId: 'contest_entries',
  partnerId: 'partners',
  activityId: 'activities',
  cohortId: 'cohorts',
  drivingUnitId: 'driving_units',
  needId: 'innovation_needs',
  villageId: 'villages',
  personnelId: 'si_personnel',
  mentorId: 'si_personnel',
  indicatorId: 'impact_indicators',
  financialProxyId: 'financial_proxies',
  id: 'proposals',
};

const schemaContext: SchemaContext = {
  get components() {
    return components;
  },
  idsFor(property) {
    const table = property ? FIELD_TABLES[property] : undefined;
    return table ? (idsByTable.get(table) ?? []) : [];
  },
};

const HOSTILE_PATH_VALUES = [
  '../../etc/passwd',
  "' OR 1=1 --",
  '\u0000',
  '%00',
  'x'.repeat(250),
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '-1',
  '1e999',
  '<script>window.__xss=1</script>',
  'ไทย',
  '__proto__',
  'constructor',
];

function paramValues(url: string, param: string): string[] {
  const segments = url.split('/');
  const at = segments.indexOf(`:${param}`);
  const previous = segments[at - 1] ?? '';
  const key =
    previous === 'sessions'
      ? `${segments[at - 2] ?? ''}/sessions`
      : previous === 'users' && url.startsWith('/api/admin/')
        ? 'users'
        : previous;
  return idsByParam.get(key) ?? [];
}

function pathArbitrary(url: string): fc.Arbitrary<{ url: string; hostile: boolean }> {
  const params = [...url.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] ?? '');
  if (params.length === 0) {
    return fc.constant({ url, hostile: false });
  }
  const perParam = params.map((param) => {
    const real = paramValues(url, param);
    const genuine = real.length > 0 ? fc.constantFrom(...real) : fc.uuid();
    return fc.oneof(
      { weight: 6, arbitrary: genuine.map((v) => ({ value: v, hostile: false })) },
      { weight: 1, arbitrary: fc.uuid().map((v) => ({ value: v, hostile: false })) },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(...HOSTILE_PATH_VALUES)
          .map((v) => ({ value: encodeURIComponent(v), hostile: true })),
      },
    );
  });
  return fc.tuple(...perParam).map((values) => {
    let index = 0;
    const concrete = url.replace(/:[a-zA-Z]+/g, () => values[index++]?.value ?? 'x');
    return { url: concrete, hostile: values.some((v) => v.hostile) };
  });
}

const actorArbitrary = fc.integer({ min: 0, max: ACTOR_ROLES.length - 1 });

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=nothing-here',
  'application/json; charset=utf-16',
  'application/javascript',
  'image/png',
];

const deepNesting = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
const MALFORMED_BODIES = [
  '{"a":',
  '{',
  '[]',
  'null',
  '"text"',
  '1e999',
  'true',
  '{"a":1,}',
  "{'a':1}",
  deepNesting,
  `{"x":${deepNesting}}`,
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
];
const UNKNOWN_KEYS = [
  'isAdmin',
  'role',
  'ownerId',
  'createdAt',
  'deletedAt',
  'amountSatang2',
  '$where',
  '__hostile__',
];

function jsonCases(route: WriteRoute): fc.Arbitrary<Omit<HostileRequest, 'actor' | 'url'>> {
  const schema = resolveRef(route.schema ?? {}, schemaContext);
  const shaped = shapedArbitrary(schema, schemaContext) as fc.Arbitrary<Record<string, unknown>>;
  const slots = propertySlots(schema, schemaContext);
  const arbitraries: Array<fc.WeightedArbitrary<Omit<HostileRequest, 'actor' | 'url'>>> = [
    {
      weight: 8,
      arbitrary: shaped.map((body) => ({ label: 'hostile content', payload: body, mustReject: false })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped, fc.constantFrom(...HOSTILE_STRINGS)).map(([body, text]) => {
        const raw = Buffer.from(JSON.stringify({ ...body, __utf8__: text }));
        const marker = raw.indexOf('"__utf8__"');
        const bytes = Buffer.concat([
          raw.subarray(0, marker + 1),
          Buffer.from([0xc3, 0x28, 0xff]),
          raw.subarray(marker + 1),
        ]);
        return {
          label: 'invalid UTF-8 in a key',
          payload: bytes,
          contentType: 'application/json',
          mustReject: true,
        };
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(shaped, fc.constantFrom(...WRONG_CONTENT_TYPES)).map(([body, contentType]) => ({
        label: `content type ${contentType}`,
        payload: contentType.endsWith('utf-16')
          ? Buffer.from(JSON.stringify(body), 'utf16le')
          : JSON.stringify(body),
        contentType,
        mustReject: true,
      })),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...MALFORMED_BODIES).map((text) => ({
        label: `malformed body ${text.slice(0, 40)}`,
        payload: text,
        contentType: 'application/json',
        mustReject: true,
      })),
    },
    {
      weight: 1,
      arbitrary: shaped.map((body) => ({
        label: 'body over 1 MB',
        payload: { ...body, padding: 'x'.repeat(1024 * 1024 + 10) },
        mustReject: true,
      })),
    },
  ];
  if (schema.additionalProperties === false) {
    arbitraries.push({
      weight: 2,
      arbitrary: fc
        .tuple(shaped, fc.constantFrom(...UNKNOWN_KEYS.filter((k) => !(k in (schema.properties ?? {})))))
        .map(([body, key]) => ({
          label: `unknown field ${key}`,
          payload: { ...body, [key]: true },
          mustReject: true,
        })),
    });
    arbitraries.push({
      weight: 1,
      arbitrary: shaped.map((body) => {
        const text = JSON.stringify(body);
        const injected =
          text === '{}' ? '{"__proto__":{"isAdmin":true}}' : `{"__proto__":{"isAdmin":true},${text.slice(1)}`;
        return {
          label: 'prototype pollution key',
          payload: injected,
          contentType: 'application/json',
          mustReject: true,
        };
      }),
    });
  }
  const typed = slots
    .map((slot) => ({ slot, wrong: wrongTypeArbitrary(slot.schema, schemaContext) }))
    .filter((s): s is { slot: (typeof slots)[number]; wrong: fc.Arbitrary<unknown> } => s.wrong !== null);
  if (typed.length > 0) {
    arbitraries.push({
      weight: 4,
      arbitrary: fc.tuple(shaped, fc.constantFrom(...typed)).chain(([body, { slot, wrong }]) =>
        wrong.map((value) => ({
          label: `wrong type at ${slot.path.join('.')}`,
          payload: withPath(body, slot.path, value) as Record<string, unknown>,
          mustReject: true,
        })),
      ),
    });
  }
  const required = slots.filter((s) => s.isRequired && s.path.length === 1);
  if (required.length > 0) {
    arbitraries.push({
      weight: 1,
      arbitrary: fc.tuple(shaped, fc.constantFrom(...required)).map(([body, slot]) => ({
        label: `missing ${slot.path.join('.')}`,
        payload: withPath(body, slot.path, undefined, true) as Record<string, unknown>,
        mustReject: true,
      })),
    });
  }
  const bounded = slots.flatMap((slot) => {
    const s = resolveRef(slot.schema, schemaContext);
    const out: Array<{ path: string[]; value: unknown }> = [];
    const type = [s.type].flat()[0];
    if (type === 'string' && s.maxLength !== undefined && !s.enum) {
      out.push({ path: slot.path, value: 'ก'.repeat(s.maxLength + 1) });
    }
    if (type === 'integer' || type === 'number') {
      if (s.maximum !== undefined) {
        out.push({ path: slot.path, value: s.maximum + 1 });
        out.push({ path: slot.path, value: 1e308 });
      }
      if (s.minimum !== undefined) {
        out.push({ path: slot.path, value: s.minimum - 1 });
        out.push({ path: slot.path, value: -1e308 });
      }
      if (type === 'integer') {
        out.push({ path: slot.path, value: 1.5 });
      }
    }
    return out;
  });
  if (bounded.length > 0) {
    arbitraries.push({
      weight: 3,
      arbitrary: fc.tuple(shaped, fc.constantFrom(...bounded)).map(([body, { path, value }]) => ({
        label: `out of bounds at ${path.join('.')}: ${String(value).slice(0, 20)}`,
        payload: withPath(body, path, value) as Record<string, unknown>,
        mustReject: true,
      })),
    });
  }
  return fc.oneof(...arbitraries);
}

function noBodyCases(): fc.Arbitrary<Omit<HostileRequest, 'actor' | 'url'>> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant({ label: 'no body', mustReject: false }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...MALFORMED_BODIES).map((text) => ({
        label: `unexpected body ${text.slice(0, 40)}`,
        payload: text,
        contentType: 'application/json',
        mustReject: false,
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...WRONG_CONTENT_TYPES).map((contentType) => ({
        label: `content type ${contentType}`,
        payload: '<x>hostile</x>',
        contentType,
        mustReject: false,
      })),
    },
  );
}

function uploadCases(route: WriteRoute): fc.Arbitrary<Omit<HostileRequest, 'actor' | 'url'>> {
  const fieldArb = fc.array(
    fc.tuple(
      fc.constantFrom(...route.fields, 'questionId', 'hostile'),
      fc.constantFrom(...HOSTILE_STRINGS, 'document', 'answer'),
    ),
    { maxLength: 3 },
  );
  const fileArb = fc.record({
    field: fc.constant('file'),
    name: fc.oneof(
      fc.constantFrom(...HOSTILE_FILE_NAMES),
      fc.constantFrom('report.pdf', 'photo.png', 'data.csv', 'areas.geojson'),
    ),
    type: fc.constantFrom(
      'application/pdf',
      'text/html',
      'image/png',
      'application/octet-stream',
      'text/csv',
      '',
    ),
    bytes: fc.constantFrom(...Object.values(FILE_CONTENTS)),
  });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.tuple(fieldArb, fileArb).map(([fields, file]) => {
        const body = multipart(fields, [file]);
        return {
          label: `upload ${JSON.stringify(file.name).slice(0, 60)} (${file.type}, ${file.bytes.length} bytes)`,
          payload: body.payload,
          contentType: body.contentType,
          mustReject: false,
        };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fieldArb, fileArb, fileArb).map(([fields, a, b]) => {
        const body = multipart(fields, [a, b]);
        return {
          label: 'two files',
          payload: body.payload,
          contentType: body.contentType,
          mustReject: false,
        };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fieldArb, fileArb).map(([fields, file]) => {
        const body = multipart(fields, [{ ...file, field: 'document' }]);
        return {
          label: 'file in another field',
          payload: body.payload,
          contentType: body.contentType,
          mustReject: true,
        };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fieldArb, fileArb).map(([fields, file]) => {
        const body = multipart(fields, [file], { unterminated: true });
        return {
          label: 'unterminated multipart',
          payload: body.payload,
          contentType: body.contentType,
          mustReject: true,
        };
      }),
    },
    {
      weight: 1,
      arbitrary: fileArb.map((file) => {
        const body = multipart([], [file]);
        return {
          label: 'boundary not the declared one',
          payload: body.payload,
          contentType: 'multipart/form-data; boundary=another',
          mustReject: true,
        };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...WRONG_CONTENT_TYPES.filter((t) => !t.startsWith('multipart')), 'application/json')
        .map((contentType) => ({
          label: `upload as ${contentType}`,
          payload: JSON.stringify({ file: FILE_CONTENTS.pdf?.toString('base64') }),
          contentType,
          mustReject: true,
        })),
    },
  );
}

function requestArbitrary(route: WriteRoute): fc.Arbitrary<HostileRequest> {
  const body =
    route.kind === 'json' ? jsonCases(route) : route.kind === 'upload' ? uploadCases(route) : noBodyCases();
  return fc.tuple(actorArbitrary, pathArbitrary(route.url), body).map(([actor, path, rest]) => ({
    ...rest,
    actor,
    url: path.url,
    label: path.hostile ? `${rest.label}, hostile path` : rest.label,
  }));
}

function writeRoutes(): WriteRoute[] {
  const document = ctx.app.swagger() as unknown as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
    >;
  };
  return ctx.app.routeCatalogue
    .filter((r) => r.url.startsWith('/api/') && WRITE_METHODS.has(r.method))
    .map((r) => {
      const openapiPath = r.url.replace(/:([a-zA-Z]+)/g, '{$1}');
      const operation = document.paths[openapiPath]?.[r.method.toLowerCase()];
      const schema = operation?.requestBody?.content?.['application/json']?.schema ?? null;
      const key = `${r.method} ${r.url}`;
      const upload = UPLOAD_ROUTES.get(key);
      return {
        method: r.method,
        url: r.url,
        kind: upload ? 'upload' : schema ? 'json' : 'none',
        schema,
        fields: upload?.fields ?? [],
      } satisfies WriteRoute;
    });
}

/** Routes whose success may sign the actor out or change their session. */
const SESSION_ROUTES = /^\/api\/auth\/|^\/api\/admin\/users\//;

async function keepSignedIn(index: number) {
  const actor = actors[index];
  if (!actor) {
    return;
  }
  if ((await actor.client.refreshMe()).statusCode !== 200) {
    await actor.client.signIn(actor.email, DEMO_PASSWORD);
  }
}

interface Sent {
  request: HostileRequest;
  status: number;
  body: string;
}

/**
 * Sends hostile requests and keeps a known database fingerprint: rejected requests wait in `pending` until the next
 * check, which runs before any request that might be accepted and at the end of each route.
 */
class Guard {
  private baseline: Fingerprint | null = null;
  private pending: Sent[] = [];
  readonly violations: string[] = [];
  sent = 0;
  accepted = 0;
  checks = 0;
  checkMs = 0;

  async send(route: WriteRoute, request: HostileRequest): Promise<Sent> {
    if (!request.mustReject) {
      await this.check(route);
    }
    this.baseline ??= await fingerprint();
    const client = actors[request.actor]?.client;
    if (!client) {
      throw new Error(`no actor ${request.actor}`);
    }
    const response = await client.request(
      route.method,
      request.url,
      request.payload,
      request.contentType ? { 'content-type': request.contentType } : {},
    );
    this.sent += 1;
    const sent = { request, status: response.statusCode, body: response.body.slice(0, 300) };
    if (response.statusCode >= 200 && response.statusCode < 300) {
      this.accepted += 1;
      this.baseline = null;
      await ctx.app.jobs.idle();
      if (SESSION_ROUTES.test(request.url)) {
        await keepSignedIn(request.actor);
      }
    } else {
      this.pending.push(sent);
    }
    return sent;
  }

  /** Compares the database with the fingerprint taken before the pending rejected requests. */
  async check(route: WriteRoute) {
    if (this.pending.length === 0 || !this.baseline) {
      this.pending = [];
      return;
    }
    const startedAt = Date.now();
    const after = await fingerprint();
    this.checks += 1;
    this.checkMs += Date.now() - startedAt;
    const changed = fingerprintDiff(this.baseline, after);
    if (changed.length > 0) {
      this.violations.push(
        `${route.method} ${route.url}: rejected requests changed ${changed.join(', ')}:\n` +
          this.pending
            .map(
              (p) =>
                `  ${p.status} ${p.request.label} as ${actors[p.request.actor]?.email ?? '?'} → ${p.request.url}`,
            )
            .join('\n'),
      );
      this.baseline = after;
    }
    this.pending = [];
  }
}

function describeFailure(route: WriteRoute, details: fc.RunDetails<[HostileRequest]>): string {
  const example = details.counterexample?.[0];
  const error =
    details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return (
    `${route.method} ${route.url} (seed ${details.seed}, path ${details.counterexamplePath ?? '-'}): ${error}\n` +
    (example
      ? `  as ${actors[example.actor]?.email ?? '?'} → ${example.url}: ${example.label}\n  payload ${
          typeof example.payload === 'string' || Buffer.isBuffer(example.payload)
            ? JSON.stringify(example.payload.toString().slice(0, 300))
            : JSON.stringify(example.payload)?.slice(0, 300)
        }`
      : '')
  );
}

describe('hostile input to every write route', () => {
  it('covers every write route: JSON bodies from the OpenAPI document, uploads, and routes without a body', () => {
    const routes = writeRoutes();
    expect(routes.length).toBeGreaterThan(150);
    for (const key of UPLOAD_ROUTES.keys()) {
      expect(
        routes.some((r) => `${r.method} ${r.url}` === key),
        key,
      ).toBe(true);
    }
    const unknownParams = routes.flatMap((r) =>
      [...r.url.matchAll(/:([a-zA-Z]+)/g)]
        .map((m) => m[1] ?? '')
        .filter(
          (param) => paramValues(r.url, param).length === 0 && !/^(?:id|attachmentId|mediaId)$/.test(param),
        )
        .map((param) => `${r.method} ${r.url} :${param}`),
    );
    expect(unknownParams).toEqual([]);
  });

  it('has a database fingerprint that sees even an update that changes no value', async () => {
    const before = await fingerprint();
    await ctx.database.db.execute(sql`update programmes set slug = slug where slug = 'sectoral'`);
    expect(fingerprintDiff(before, await fingerprint())).toEqual(['programmes']);
  });

  it('answers no 5xx, accepts nothing malformed, and leaves the database as it was after every rejection', async () => {
    const routes = writeRoutes();
    const guard = new Guard();
    const failures: string[] = [];
    const exercised = new Map<string, number>();
    const statuses = new Map<number, number>();
    const started = Date.now();
    for (const [index, route] of routes.entries()) {
      const key = `${route.method} ${route.url}`;
      const property = fc.asyncProperty(requestArbitrary(route), async (request) => {
        const sent = await guard.send(route, request);
        exercised.set(key, (exercised.get(key) ?? 0) + 1);
        statuses.set(sent.status, (statuses.get(sent.status) ?? 0) + 1);
        if (sent.status >= 500) {
          throw new Error(`answered ${sent.status}: ${sent.body}`);
        }
        if (request.mustReject && sent.status < 400) {
          throw new Error(`accepted a malformed request with ${sent.status}: ${sent.body}`);
        }
      });
      const details = await fc.check(property, { seed: SEED + index, numRuns: RUNS, endOnFailure: true });
      if (details.failed) {
        failures.push(describeFailure(route, details));
      }
      await guard.check(route);
    }
    const missing = routes.filter((r) => (exercised.get(`${r.method} ${r.url}`) ?? 0) === 0);
    console.log(
      `hostile input: ${routes.length} write routes, ${guard.sent} requests (${guard.accepted} accepted) in ${
        Date.now() - started
      } ms, ${guard.checks} database checks in ${guard.checkMs} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(failures.join('\n\n')).toBe('');
    expect(guard.violations.join('\n\n')).toBe('');
  }, 600_000);

  it('refuses an upload one byte over its route limit without storing anything', async () => {
    const before = await fingerprint();
    const admin = actors[0]?.client;
    for (const [key, { maxBytes }] of UPLOAD_ROUTES) {
      const [method, url] = key.split(' ') as [string, string];
      const bytes = Buffer.alloc(maxBytes + 1, 0x20);
      bytes.write('%PDF-1.4\n');
      const body = multipart([], [{ field: 'file', name: 'big.pdf', type: 'application/pdf', bytes }]);
      const concrete = url.replace(
        /:([a-zA-Z]+)/g,
        (_all, param: string) => paramValues(url, param)[0] ?? '',
      );
      const response = await admin?.request(method, concrete, body.payload, {
        'content-type': body.contentType,
      });
      const status = response?.statusCode ?? 0;
      expect([key, status >= 400 && status < 500]).toEqual([key, true]);
    }
    expect(fingerprintDiff(before, await fingerprint())).toEqual([]);
  }, 120_000);
});
