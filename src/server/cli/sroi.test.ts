import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundHalfUp } from '@shared/impact/sroi';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: process.cwd(), timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const runCli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/server/cli/sroi.ts', ...args]);

interface CasesFile {
  cases: { id: string; type: string; convention?: string; inputs: Record<string, unknown> }[];
}

const cases = (
  JSON.parse(fs.readFileSync(path.resolve('..', 'shared', 'impact', 'sroi-cases.json'), 'utf8')) as CasesFile
).cases;

const conformance = cases.find((c) => c.id === 'synthetic-svi-conformance');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sroi-cli-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeModel(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const validModel = () => ({
  currency: 'THB',
  discountRate: 0.035,
  convention: 'svi-2012',
  ...conformance?.inputs,
});

describe('sroi CLI', { timeout: 60_000 }, () => {
  it('prints one JSON object with the results of the conformance case', async () => {
    expect(conformance).toBeDefined();
    const result = await runCli(writeModel('case.json', validModel()));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as Record<string, unknown> & {
      presentValue: number;
      investmentPresentValue: number;
      netPresentValue: number;
      ratio: number;
      netRatio: number;
      paybackMonths: number;
      perOutcome: { id: string; presentValue: number }[];
      perYear: { year: number; presentValue: number }[];
      sensitivity: { rows: { parameter: string; change: number; ratio: number }[] };
      switchingValues: { proxyMultiplier: number };
      warnings: { code: string }[];
    };
    expect(roundHalfUp(out.presentValue, 2)).toBe(21370.37);
    expect(out.investmentPresentValue).toBe(10000);
    expect(roundHalfUp(out.netPresentValue, 2)).toBe(11370.37);
    expect(roundHalfUp(out.ratio, 2)).toBe(2.14);
    expect(roundHalfUp(out.netRatio, 2)).toBe(1.14);
    expect(roundHalfUp(out.paybackMonths, 2)).toBe(11.7);
    expect(out.perOutcome.map((o) => o.id)).toEqual(['A', 'B', 'C']);
    expect(out.perOutcome.reduce((a, o) => a + o.presentValue, 0)).toBeCloseTo(out.presentValue, 6);
    expect(out.perYear.map((y) => y.year)).toEqual([1, 2, 3]);
    expect(out.sensitivity.rows.length).toBeGreaterThan(0);
    expect(out.switchingValues.proxyMultiplier).toBeCloseTo(10000 / out.presentValue, 9);
    expect(out).toHaveProperty('convention', 'svi-2012');
    expect(out).toHaveProperty('warnings');
  });

  it('computes the th-base-year profile of the same inputs', async () => {
    const result = await runCli(writeModel('th.json', { ...validModel(), convention: 'th-base-year' }));
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { presentValue: number; ratio: number; convention: string };
    expect(out.convention).toBe('th-base-year');
    expect(roundHalfUp(out.presentValue, 2)).toBe(20719.51);
    expect(roundHalfUp(out.ratio, 2)).toBe(2.07);
  });

  it('runs as the npm script', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = await run(npm, ['run', '--silent', 'sroi', '--', writeModel('npm.json', validModel())]);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { ratio: number };
    expect(roundHalfUp(out.ratio, 2)).toBe(2.14);
  });

  it.each([
    [
      'a fraction out of range',
      {
        ...validModel(),
        outcomes: [{ id: 'A', quantity: 1, proxy: 50, deadweight: 1.2, duration: 1, startYear: 1 }],
      },
      'outcomes[0].deadweight: must be between 0 and 1',
    ],
    [
      'a non-integer duration',
      { ...validModel(), outcomes: [{ id: 'A', quantity: 1, proxy: 50, duration: 1.5 }] },
      'outcomes[0].duration: must be an integer',
    ],
    ['an unknown convention', { ...validModel(), convention: 'svi-2009' }, 'convention: '],
    [
      'a zero investment',
      { ...validModel(), inputs: [{ label: 'g', value: 0, year: 0 }] },
      'inputs: the present value of the inputs must be greater than 0',
    ],
    [
      'additive deductions above 1',
      {
        ...validModel(),
        convention: 'th-base-year',
        outcomes: [{ id: 'A', quantity: 1, proxy: 50, deadweight: 0.6, attribution: 0.6, duration: 1 }],
      },
      'outcomes[0].deadweight: deadweight + displacement + attribution must not exceed 1',
    ],
    ['bad JSON', '{"outcomes": [', 'is not valid JSON'],
    ['a JSON array', '[]', 'invalid SROI model'],
  ])('exits 2 on %s', async (_, content, message) => {
    const result = await runCli(writeModel('bad.json', content));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('exits 2 on a missing file', async () => {
    const missing = path.join(dir, 'does-not-exist.json');
    const result = await runCli(missing);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`model file not found: ${missing}`);
  });

  it('exits 2 without a file argument', async () => {
    const result = await runCli();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run --silent sroi');
  });
});
