import { existsSync } from 'node:fs';
import path from 'node:path';

/** The reference data folder beside the project (`../shared/data`), which CI provides. */
export const SHARED_DATA = path.resolve(process.env.SHARED_DATA_DIR ?? path.join('..', 'shared', 'data'));
export const ADMIN_DIR = path.join(SHARED_DATA, 'admin', 'thailand-geography-json');
export const BOUNDARIES_FILE = path.join(SHARED_DATA, 'geo', 'th_provinces_choropleth.geojson');
export const PROVINCES_MASTER = path.join(SHARED_DATA, 'admin', 'provinces_master.csv');
export const hasSharedData = existsSync(path.join(ADMIN_DIR, 'subdistricts.json'));

if (!hasSharedData && process.env.CI) {
  throw new Error(
    `The shared reference data is missing at ${SHARED_DATA}; CI must provide ../shared beside the clone.`,
  );
}
