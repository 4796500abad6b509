import path from 'node:path';
import { runCli } from './run';
import { importIndicatorCsv } from '@server/modules/indicators/indicators.service';

const usage = `Usage: npm run indicators:import -- <file.csv> [<file.csv> ...]

  UTF-8 CSV with a header row and the columns
    indicator, year, province_code, value, unit, source_url, note
  plus indicator_name_th and indicator_name_en on the first row of a new indicator.
  year may be Common Era (2023) or Buddhist Era (2566). See README: "Area indicators".`;

await runCli(usage, { help: { type: 'boolean' } }, async ({ database, positionals }) => {
  if (positionals.length === 0) {
    throw new TypeError(`Give at least one CSV file.\n\n${usage}`);
  }
  for (const file of positionals) {
    const result = await importIndicatorCsv(database.db, path.resolve(file));
    process.stdout.write(`${file}: imported ${result.values} values of ${result.indicators} indicator(s).\n`);
  }
});
