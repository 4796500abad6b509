import { readFile } from 'node:fs/promises';
import type { Language } from '@shared/i18n/index';
import { translate } from './i18n';

/** A problem in an import file, naming the file and the row (1-based) or feature it concerns. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly problem: string,
  ) {
    super(`${file}${row === null ? '' : `, row ${row}`}: ${problem}`);
  }
}

/** Reads an import file as UTF-8 text; a missing or unreadable file becomes an ImportFileError naming it. */
export async function readImportFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new ImportFileError(
      file,
      null,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

/**
 * Why one row (CSV, by its line; the header is line 1) or feature (GeoJSON, 1-based) of an import file, or the whole
 * file (both null), was rejected: the field at fault and a catalogue key with its parameters.
 */
export interface ImportProblem {
  line: number | null;
  feature: number | null;
  field: string;
  key: string;
  params?: Record<string, unknown>;
}

/** A problem's reason in one language. */
export function importProblemText(problem: ImportProblem, lang: Language): string {
  return translate(lang, problem.key, problem.params);
}

/** The first of a file's problems as an ImportFileError (for the command line and the demo seed), in English. */
export function importFileErrorOf(file: string, problems: readonly ImportProblem[]): ImportFileError {
  const first = problems[0];
  if (!first) {
    return new ImportFileError(file, null, 'rejected');
  }
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
  return new ImportFileError(
    file,
    first.line ?? first.feature,
    `${first.field}: ${importProblemText(first, 'en')}${more}`,
  );
}
