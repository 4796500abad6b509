import path from 'node:path';
import { runCli } from './run';
import { loadDemoContent } from '@server/db/demo-seed';
import { createFileStorage } from '@server/lib/file-storage';

const usage = `Usage: npm run db:seed [-- --admin <folder>] [-- --boundaries <file.geojson>]

Loads the demo content once per database: the shipped poverty figures, the poor-province target group and,
when the files are present (by default ../shared/data beside the project), districts, subdistricts and
province boundaries. Refuses to run when NODE_ENV=production.`;

const sharedData = path.resolve('..', 'shared', 'data');

await runCli(
  usage,
  { admin: { type: 'string' }, boundaries: { type: 'string' }, help: { type: 'boolean' } },
  async ({ env, database, values }) => {
    if (env.NODE_ENV === 'production') {
      throw new TypeError('Demo content is not loaded when NODE_ENV=production.');
    }
    process.stdout.write(`Demo content (${database.engine}):\n`);
    await loadDemoContent(database.db, {
      seedDir: path.resolve('db', 'seed'),
      adminDir:
        (values.admin as string | undefined) ?? path.join(sharedData, 'admin', 'thailand-geography-json'),
      boundariesFile:
        (values.boundaries as string | undefined) ??
        path.join(sharedData, 'geo', 'th_provinces_choropleth.geojson'),
      log: (line) => process.stdout.write(`${line}\n`),
      fileStorage: createFileStorage(env),
    });
  },
);
