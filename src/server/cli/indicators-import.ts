import path from 'node:path';
import { runCli } from './run';
import { ImportFileError, importProblemText, readImportFile } from '@server/lib/import-error';
import { importIndicators } from '@server/modules/indicators/indicators.service';

const usage = `Usage: npm run indicators:import -- <file.csv> [<file.csv> ...]

  UTF-8 CSV with a header row and the columns
    indicator, year, province_code, value, unit, source_url, note
  plus indicator_name_th and indicator_name_en on the first row of a new indicator.
  year may be Common Era (2023) or Buddhist Era (2566). See README: "Area indicators".
  Every row is checked first; a file with any bad row is not imported at all (each problem is listed).
  Administrators can also upload the file on the page /admin/data-imports.`;

await runCli(usage, { help: { type: 'boolean' } }, async ({ database, positionals }) => {
  if (positionals.length === 0) {
    throw new TypeError(`Give at least one CSV file.\n\n${usage}`);
  }
  for (const file of positionals) {
    const result = await importIndicators(database.db, await readImportFile(path.resolve(file)));
    if (result.outcome === 'rejected') {
      for (const problem of result.problems.slice(0, 50)) {
        process.stderr.write(
          `${file}${problem.line === null ? '' : `, row ${problem.line}`}: ${problem.field}: ${importProblemText(problem, 'en')}\n`,
        );
      }
      throw new ImportFileError(file, null, `${result.problems.length} problem(s)`);
    }
    process.stdout.write(
      `${file}: imported ${result.values} values of ${result.indicatorsCreated.length + result.indicatorsUpdated.length} indicator(s) ` +
        `(${result.indicatorsCreated.length} new) for ${result.provinces} province(s).\n`,
    );
  }
});
