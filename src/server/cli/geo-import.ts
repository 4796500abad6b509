import path from 'node:path';
import { runCli } from './run';
import {
  countAdministrativeAreas,
  importAdministrativeAreas,
  importBoundaries,
} from '@server/modules/geo/geo.service';

const usage = `Usage: npm run geo:import -- [--admin <folder>] [--boundaries <file.geojson>]

  --admin <folder>         a folder with provinces.json, districts.json and subdistricts.json
                           in the thailand-geography-json layout (see README: "Geography data")
  --boundaries <file>      a GeoJSON FeatureCollection of province polygons keyed by province code
                           (properties.code, properties.ADM1_PCODE such as "TH10", or the feature id)`;

await runCli(
  usage,
  { admin: { type: 'string' }, boundaries: { type: 'string' }, help: { type: 'boolean' } },
  async ({ database, values }) => {
    const admin = values.admin as string | undefined;
    const boundaries = values.boundaries as string | undefined;
    if (!admin && !boundaries) {
      throw new TypeError(`Give --admin, --boundaries or both.\n\n${usage}`);
    }
    if (admin) {
      const result = await importAdministrativeAreas(database.db, path.resolve(admin));
      process.stdout.write(
        `Imported ${result.districts} districts and ${result.subdistricts} subdistricts.\n`,
      );
    }
    if (boundaries) {
      const file = path.resolve(boundaries);
      const result = await importBoundaries(database.db, file, path.basename(file));
      process.stdout.write(`Imported boundaries of ${result.provinces} provinces.\n`);
    }
    const counts = await countAdministrativeAreas(database.db);
    process.stdout.write(
      `Database (${database.engine}) now holds ${counts.provinces} provinces, ${counts.districts} districts, ${counts.subdistricts} subdistricts.\n`,
    );
  },
);
