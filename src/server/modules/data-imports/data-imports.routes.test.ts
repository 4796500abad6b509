import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { makeTempDir } from '@tests/helpers/temp';
import { signedIn, type Person } from '@tests/factories/people';
import { multipartBody, samplePdf } from '@tests/factories/proposals';
import { TestClient } from '@tests/helpers/client';
import type { DataImportOverview, DataImportReport } from '@shared/contracts/data-imports';
import { DATA_IMPORT_LIMITS } from '@shared/contracts/data-imports';
import type { Job } from '@shared/contracts/jobs';
import { importIndicators } from '@server/modules/indicators/indicators.service';
import { eq, sql } from 'drizzle-orm';
import { jobs as jobsTable } from '@server/db/schema/index';
import { JOB_LIMITS } from '@shared/contracts/jobs';
import * as jobs from '@server/modules/jobs/jobs.service';
import { boundariesImportJob, indicatorsImportJob } from './data-imports.service';

let ctx: TestContext;
let admin: Person;
let officer: Person;
let applicant: Person;
const dataDir = makeTempDir('si-test-imports-');

beforeAll(async () => {
  ctx = await createTestApp({ DATA_DIR: dataDir.dir });
  admin = await signedIn(ctx, 'admin@imports.test', 'administrator');
  officer = await signedIn(ctx, 'officer@imports.test', 'programme_officer');
  applicant = await signedIn(ctx, 'applicant@imports.test');
});
afterAll(async () => {
  await ctx.close();
  dataDir.cleanup();
});

const HEADER = 'indicator,indicator_name_th,indicator_name_en,year,province_code,value,unit,source_url,note';
const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');

function upload(
  person: Person | TestClient,
  kind: string,
  file: { name: string; type: string; bytes: Buffer },
) {
  const client = person instanceof TestClient ? person : person.client;
  const body = multipartBody({}, file);
  return client.request('POST', `/api/admin/data-imports/${kind}`, body.payload, body.headers);
}

/** Uploads a file, waits for its job and answers the job and its report. */
async function imported(
  kind: 'indicators' | 'boundaries',
  name: string,
  bytes: Buffer,
): Promise<{ job: Job; report: DataImportReport }> {
  const started = await upload(admin, kind, {
    name,
    type: kind === 'indicators' ? 'text/csv' : 'application/geo+json',
    bytes,
  });
  expect(started.statusCode, started.body).toBe(202);
  const { jobId } = started.json<{ data: { jobId: string } }>().data;
  let job: Job | undefined;
  for (let i = 0; i < 200; i += 1) {
    await ctx.app.jobs.idle();
    job = (await admin.client.get(`/api/jobs/${jobId}`)).json<{ data: Job }>().data;
    if (job.status === 'succeeded' || job.status === 'failed') {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(job?.status).toBe('succeeded');
  const download = await admin.client.get(job?.downloadUrl ?? '');
  expect(download.statusCode).toBe(200);
  expect(download.headers['content-type']).toContain('application/json');
  return { job: job as Job, report: download.json<DataImportReport>() };
}

async function values(code: string, year: number) {
  const response = await ctx.app.inject(`/api/indicators/${code}/values?year=${year}`);
  if (response.statusCode === 404) {
    return null;
  }
  return response.json<{ data: { values: Array<{ provinceCode: number; value: number; note: string }> } }>()
    .data.values;
}

const uploadsLeft = () => {
  const folder = path.join(dataDir.dir, 'files', 'imports');
  return existsSync(folder) ? readdirSync(folder) : [];
};

describe('indicator imports', () => {
  it('imports an uploaded CSV as a job: values present, the report says what was done', async () => {
    const { job, report } = await imported(
      'indicators',
      'ความยากจน 2566.csv',
      csv([
        HEADER,
        'poor_share_test,สัดส่วนคนจน (ทดสอบ),Poor share (test),2566,94,"23.36",percent,https://example.org/ses,SES 2566',
        'poor_share_test,,,2566,95,19.5,percent,https://example.org/ses,',
        'poor_share_test,,,2566,96,"1,234.5",percent,https://example.org/ses2,',
        'poor_share_test,,,2022,94,25,percent,https://example.org/ses,',
      ]),
    );
    expect(job.fileName).toBe('ความยากจน 2566-report.json');
    expect(job.progress).toBe(job.total);
    expect(report).toMatchObject({
      kind: 'indicators',
      fileName: 'ความยากจน 2566.csv',
      outcome: 'imported',
      rowsRead: 4,
      imported: 4,
      indicatorsCreated: ['poor_share_test'],
      indicatorsUpdated: [],
      provinces: 3,
      years: [2023, 2022],
      problemCount: 0,
      problems: [],
    });
    expect(await values('poor_share_test', 2023)).toEqual([
      expect.objectContaining({ provinceCode: 94, value: 23.36, note: 'SES 2566' }),
      expect.objectContaining({ provinceCode: 95, value: 19.5 }),
      expect.objectContaining({ provinceCode: 96, value: 1234.5 }),
    ]);
    expect(uploadsLeft()).toEqual([]);

    const overview = await admin.client.get('/api/admin/data-imports');
    expect(overview.statusCode, overview.body).toBe(200);
    const rows = overview.json<{ data: DataImportOverview }>().data.indicators;
    expect(rows.filter((r) => r.code === 'poor_share_test')).toEqual([
      expect.objectContaining({
        year: 2023,
        provinceCount: 3,
        sources: ['https://example.org/ses', 'https://example.org/ses2'],
        sourceCount: 2,
      }),
      expect.objectContaining({ year: 2022, provinceCount: 1, sources: ['https://example.org/ses'] }),
    ]);

    const audit = await admin.client.get('/api/audit-events?action=area_indicators.imported');
    expect(audit.json<{ data: Array<{ entityId: string; actorUserId: string }> }>().data).toContainEqual(
      expect.objectContaining({ entityId: job.id, actorUserId: admin.userId }),
    );
  });

  it('updates figures on re-import instead of duplicating them, and reports the indicator as updated', async () => {
    const { report } = await imported(
      'indicators',
      'again.csv',
      csv([
        'indicator,year,province_code,value,unit,source_url',
        'poor_share_test,2023,95,18,percent,https://example.org/b',
      ]),
    );
    expect(report).toMatchObject({
      outcome: 'imported',
      imported: 1,
      indicatorsCreated: [],
      indicatorsUpdated: ['poor_share_test'],
    });
    const after = await values('poor_share_test', 2023);
    expect(after).toHaveLength(3);
    expect(after?.find((v) => v.provinceCode === 95)?.value).toBe(18);
  });

  it('checks a large file in batches: one progress step per batch of rows', async () => {
    const lines = [HEADER];
    for (let year = 1900; year < 2023; year += 1) {
      for (const code of [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31]) {
        const names = lines.length === 1 ? 'ทดสอบจำนวนมาก,Many rows' : ',';
        lines.push(`many_rows_test,${names},${year},${code},${year - 1899},persons,https://example.org/m,`);
      }
    }
    const { job, report } = await imported('indicators', 'many.csv', csv(lines));
    expect(report).toMatchObject({ outcome: 'imported', rowsRead: 2460, imported: 2460, provinces: 20 });
    // reading, one batch of checks per 1000 rows (three), writing, the report
    expect(job.total).toBe(2 + Math.ceil(2460 / DATA_IMPORT_LIMITS.rowsPerStep) + 1);
    expect(job.total).toBe(6);

    // the same import path reports its steps as it goes (here straight from the service, re-importing the file)
    const steps: string[] = [];
    await importIndicators(ctx.database.db, csv(lines).toString('utf8'), {
      onProgress: async (done, total, key) => {
        steps.push(`${done}/${total} ${key.replace('dataImports.steps.', '')}`);
      },
    });
    expect(steps).toEqual([
      '0/5 reading',
      '2/5 checking',
      '3/5 checking',
      '4/5 checking',
      '4/5 writing',
      '5/5 done',
    ]);
  });

  it('rejects a file with bad rows as a whole: the report lists every one (line, column, Thai and English)', async () => {
    const { report } = await imported(
      'indicators',
      'bad.csv',
      csv([
        HEADER,
        'poor_share_test,,,2566,94,99,percent,https://example.org/new,should not be written',
        'poor_share_test,,,2566,98,1,percent,https://example.org,',
        '',
        'poor_share_test,,,2566,10,lots,percent,https://example.org,',
        'brand_new_test,,,2566,10,1,percent,https://example.org,',
        'poor_share_test,,,2566,11,1,percent,javascript:alert(1),',
        'poor_share_test,,,1200,12,1,percent,https://example.org,',
        'poor_share_test,,,2566,94,5,percent,https://example.org,',
        'poor_share_test,,,2566,13',
        'poor_share_test,,,2566,14,"5",percent,https://example.org,"a note',
        'on two lines"',
        'poor_share_test,,,2566,14,6,percent,https://example.org,',
      ]),
    );
    expect(report).toMatchObject({
      outcome: 'rejected',
      rowsRead: 10,
      imported: 0,
      indicatorsCreated: [],
      indicatorsUpdated: [],
      provinces: 0,
      years: [],
    });
    expect(report.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'province_code'],
      [5, 'value'],
      [6, 'indicator'],
      [7, 'source_url'],
      [8, 'year'],
      [9, 'row'],
      [10, 'row'],
      [13, 'row'],
    ]);
    expect(report.problemCount).toBe(8);
    const byLine = new Map(report.problems.map((p) => [p.line, p]));
    expect(byLine.get(3)).toMatchObject({
      feature: null,
      reasonTh: 'ไม่พบจังหวัดรหัส 98',
      reasonEn: 'unknown province code 98',
    });
    expect(byLine.get(5)?.reasonEn).toBe('value must be a number (got “lots”)');
    expect(byLine.get(5)?.reasonTh).toBe('ค่าต้องเป็นตัวเลข (ได้ “lots”)');
    expect(byLine.get(6)?.reasonEn).toContain('“brand_new_test” is new');
    expect(byLine.get(9)?.reasonEn).toBe('duplicate of line 2 (poor_share_test, 2023, province 94)');
    expect(byLine.get(10)?.reasonEn).toBe('this row has 5 fields but the header has 9 columns');
    // the duplicate of a row that spans two lines names the line it starts on
    expect(byLine.get(13)?.reasonEn).toContain('duplicate of line 11');
    // nothing of the file was written; earlier figures stay
    expect((await values('poor_share_test', 2023))?.find((v) => v.provinceCode === 94)?.value).toBe(23.36);
    expect(await values('brand_new_test', 2023)).toBeNull();
    expect(uploadsLeft()).toEqual([]);
  });
});

describe('uploads refused at once', () => {
  const good = {
    name: 'ok.csv',
    type: 'text/csv',
    bytes: csv([HEADER, 'x_test,x,x,2023,10,1,percent,https://e.org,']),
  };

  it('allows administrators only: 401 without a session, 403 for officers and applicants', async () => {
    expect((await upload(new TestClient(ctx.app), 'indicators', good)).statusCode).toBe(401);
    for (const person of [officer, applicant]) {
      const response = await upload(person, 'indicators', good);
      expect(response.statusCode, response.body).toBe(403);
      expect((await person.client.get('/api/admin/data-imports')).statusCode).toBe(403);
    }
    expect(await values('x_test', 2023)).toBeNull();
  });

  it.each([
    ['a PDF', 'indicators', 'report.csv', samplePdf(), 415, 'This file is not a CSV text file'],
    [
      'a file that is not UTF-8',
      'indicators',
      'latin.csv',
      Buffer.from(`${HEADER}\nx,\xe9,e,2023,10,1,u,https://e.org,\n`, 'latin1'),
      400,
      'UTF-8',
    ],
    [
      'a CSV without the required columns',
      'indicators',
      'columns.csv',
      csv(['indicator,year,value', 'x,2023,1']),
      400,
      'missing column(s): province_code, unit, source_url',
    ],
    ['plain text', 'indicators', 'notes.txt', Buffer.from('hello "world\n'), 400, 'not valid CSV'],
    ['an empty file', 'indicators', 'empty.csv', Buffer.alloc(0), 400, ''],
    [
      'JSON that is not a FeatureCollection',
      'boundaries',
      'b.geojson',
      Buffer.from('{"type":"Feature"}'),
      400,
      'FeatureCollection',
    ],
    [
      'a boundary file that is not JSON',
      'boundaries',
      'b.geojson',
      Buffer.from('{ nope'),
      400,
      'not valid JSON',
    ],
  ])(
    'refuses %s naming body.file in Thai and English',
    async (_label, kind, name, bytes, status, english) => {
      const response = await upload(admin, kind, { name, type: 'text/csv', bytes });
      expect(response.statusCode, response.body).toBe(status);
      const issue = response.json<{
        error: { details: { issues: Array<{ field: string; message: string; messageEn: string }> } };
      }>().error.details.issues[0];
      expect(issue?.field).toBe('body.file');
      expect(issue?.messageEn).toContain(english);
      expect(issue?.message).toMatch(/[\u0E00-\u0E7F]/);
    },
  );

  it('refuses a file past the size limit (413, body.file) and a missing file or unknown kind (400)', async () => {
    const big = Buffer.alloc(DATA_IMPORT_LIMITS.indicatorsMaxBytes + 1, 'a');
    big.write(`${HEADER}\n`);
    const tooBig = await upload(admin, 'indicators', { name: 'big.csv', type: 'text/csv', bytes: big });
    expect(tooBig.statusCode, tooBig.body.slice(0, 300)).toBe(413);
    expect(tooBig.body).toContain('body.file');
    expect(
      tooBig.json<{ error: { details: { issues: Array<{ messageEn: string }> } } }>().error.details.issues[0]
        ?.messageEn,
    ).toBe('The file is too large (at most 10 MB)');

    const none = multipartBody({ note: 'no file' });
    const missing = await admin.client.request(
      'POST',
      '/api/admin/data-imports/indicators',
      none.payload,
      none.headers,
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('body.file');

    expect((await upload(admin, 'districts', good)).statusCode).toBe(400);
    expect(uploadsLeft()).toEqual([]);
  });
});

describe('boundary imports', () => {
  const ring = (x: number, y: number) => [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y],
  ];
  const feature = (properties: Record<string, unknown>, x: number, y: number) => ({
    type: 'Feature',
    properties,
    geometry: { type: 'Polygon', coordinates: [ring(x, y)] },
  });
  const geojson = (features: unknown[]) =>
    Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));

  async function boundaries() {
    const response = await ctx.app.inject('/api/geo/boundaries');
    return response.json<{ features: Array<{ id: number; geometry: { coordinates: unknown } }> }>().features;
  }

  it('imports a GeoJSON of two provinces: one step per feature, served afterwards, reported', async () => {
    const { job, report } = await imported(
      'boundaries',
      'two-provinces.geojson',
      geojson([feature({ ADM1_PCODE: 'TH10' }, 100, 13), feature({ code: 94 }, 101, 6)]),
    );
    expect(job.total).toBe(2 + 2 + 1);
    expect(report).toMatchObject({
      kind: 'boundaries',
      outcome: 'imported',
      rowsRead: 2,
      imported: 2,
      provinces: 2,
      problems: [],
    });
    const served = await boundaries();
    expect(served.map((f) => f.id).sort()).toEqual([10, 94]);
    expect(served.find((f) => f.id === 94)?.geometry.coordinates).toEqual([ring(101, 6)]);
    const overview = (await admin.client.get('/api/admin/data-imports')).json<{ data: DataImportOverview }>()
      .data;
    expect(overview.boundaries).toEqual({
      provinces: 77,
      withBoundary: 2,
      sources: [{ source: 'two-provinces.geojson', provinces: 2 }],
    });
  });

  it('rejects a file with bad features as a whole, listing each by position; boundaries already there stay', async () => {
    const { report } = await imported(
      'boundaries',
      'bad.geojson',
      geojson([
        feature({ code: 10 }, 120, 20),
        feature({ code: 98 }, 100, 13),
        feature({ name: 'no code' }, 100, 13),
        { type: 'Feature', properties: { code: 11 }, geometry: { type: 'Point', coordinates: [100, 13] } },
        feature({ code: 10 }, 100, 13),
      ]),
    );
    expect(report.outcome).toBe('rejected');
    expect(report.problems.map((p) => [p.feature, p.line, p.field])).toEqual([
      [2, null, 'properties.code'],
      [3, null, 'properties.code'],
      [4, null, 'geometry.type'],
      [5, null, 'properties.code'],
    ]);
    expect(report.problems[0]).toMatchObject({
      reasonEn: 'unknown province code 98',
      reasonTh: 'ไม่พบจังหวัดรหัส 98',
    });
    expect(report.problems[3]?.reasonEn).toBe('province 10 is already in feature 1');
    expect((await boundaries()).find((f) => f.id === 10)?.geometry.coordinates).toEqual([ring(100, 13)]);
  });
});

describe('an import whose worker is lost', () => {
  it('keeps the upload while the job may be retried and removes it once the job has failed for good', async () => {
    // the app's own worker would take the job at once; this test plays the dead worker itself
    await ctx.app.jobs.stop();
    const db = ctx.database.db;
    const uploadKey = await ctx.app.fileStorage.put('imports', csv([HEADER]));
    const [job] = await db
      .insert(jobsTable)
      .values({
        kind: indicatorsImportJob.kind,
        params: { uploadKey, fileName: 'lost.csv', ip: null, requestId: null },
        requestedBy: admin.userId,
        total: 4,
      })
      .returning({ id: jobsTable.id });
    if (!job) {
      throw new Error('no job row');
    }
    const row = async () => (await db.select().from(jobsTable).where(eq(jobsTable.id, job.id)))[0];
    const registry = jobs.createJobRegistry([indicatorsImportJob, boundariesImportJob]);
    const dies = async (attempts: number) => {
      await db
        .update(jobsTable)
        .set({ status: 'running', attempts, heartbeatAt: sql`now() - interval '1 hour'` })
        .where(eq(jobsTable.id, job.id));
      await jobs.tidyJobs(db, ctx.app.fileStorage, registry);
    };
    const stored = path.basename(uploadKey);

    await dies(1);
    expect((await row())?.status).toBe('queued');
    expect(uploadsLeft()).toContain(stored);

    await dies(JOB_LIMITS.maxAttempts);
    expect(await row()).toMatchObject({ status: 'failed', errorCode: 'WORKER_LOST' });
    expect(uploadsLeft()).not.toContain(stored);
  });
});
