import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentEngine } from '@tests/setup/test-db';
import { makeTempDir } from '@tests/helpers/temp';

// Process-level behaviour does not depend on the engine under test: run it once, with the PGlite project.
const once = currentEngine() === 'pglite';
const temp = makeTempDir();
afterAll(() => temp.cleanup());

function run(script: string, args: string[], env: Record<string, string>) {
  return spawnSync('npx', ['tsx', script, ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', DATA_DIR: temp.dir, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe.runIf(once)('start-up failures are explained, not dumped', () => {
  it('an unreachable DATABASE_URL stops the start with a clear message and no stack trace', () => {
    const result = run('src/server/main.ts', [], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nowhere',
      PORT: '0',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SI Platform cannot start.');
    expect(result.stderr).toContain(
      'Cannot connect to the PostgreSQL server at postgres://postgres@127.0.0.1:1/nowhere',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad setting names the variable', () => {
    const result = run('src/server/main.ts', [], { PORT: 'eighty' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.runIf(once)('graceful shutdown', () => {
  it('answers requests, then on SIGTERM closes and exits 0', async () => {
    const port = 3800 + Math.floor(Math.random() * 100);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        LOG_LEVEL: 'silent',
        DATABASE_URL: '',
        DATA_DIR: temp.dir,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let healthy = false;
    for (let i = 0; i < 240 && !healthy; i += 1) {
      healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    expect(healthy).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });
});

describe.runIf(once)('import commands', () => {
  it('indicators:import reports the file and row of a bad line and exits 1', () => {
    const file = path.join(temp.dir, 'bad.csv');
    writeFileSync(
      file,
      'indicator,indicator_name_th,indicator_name_en,year,province_code,value,unit,source_url,note\nx_rate,ก,X,2023,77,abc,percent,https://example.org,\n',
    );
    const result = run('src/server/cli/indicators-import.ts', [file], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}, row 2: value: value must be a number`);
    expect(result.stderr).toContain('Nothing was imported.');
  });

  it('geo:import without arguments prints its usage', () => {
    const result = run('src/server/cli/geo-import.ts', [], {});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--admin <folder>');
  });
});
