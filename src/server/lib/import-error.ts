import { readFile } from 'node:fs/promises';

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
