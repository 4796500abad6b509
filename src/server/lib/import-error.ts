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
