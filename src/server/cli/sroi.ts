import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { calculateSroi, formatSroiIssue, parseSroiModel } from '@shared/impact/sroi';

const usage = `Usage: npm run --silent sroi -- <model.json>

  Reads an SROI model in the JSON format of SROI-SPEC §1 (currency, discountRate, convention,
  inputs, outcomes) and prints the calculation as one JSON object on stdout.
  An unreadable file or an invalid model exits with status 2 and a message on stderr.`;

/** Exit status for an unusable model file or a bad command line. */
const EXIT_INVALID = 2;

function fail(message: string): void {
  process.stderr.write(`Error: ${message}\n`);
  process.exitCode = EXIT_INVALID;
}

async function main(): Promise<void> {
  let positionals: string[];
  let help: boolean | undefined;
  try {
    const parsed = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
    positionals = parsed.positionals;
    help = parsed.values.help;
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return;
  }
  if (help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) {
    fail(`give exactly one model file.\n\n${usage}`);
    return;
  }
  const fullPath = path.resolve(file);

  let text: string;
  try {
    text = await readFile(fullPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(
      code === 'ENOENT'
        ? `model file not found: ${fullPath}`
        : `cannot read model file ${fullPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return;
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    fail(`${fullPath} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }

  const parsed = parseSroiModel(raw);
  if (!parsed.ok) {
    fail(
      `invalid SROI model in ${fullPath}:\n${parsed.issues.map((i) => `  ${formatSroiIssue(i)}`).join('\n')}`,
    );
    return;
  }
  process.stdout.write(`${JSON.stringify(calculateSroi(parsed.model), null, 2)}\n`);
}

await main();
