import { restoreBackup } from '@server/db/backup';
import { BackupError } from '@server/db/backup';
import { LOCATION_HELP, LOCATION_OPTIONS, locationFrom, runBackupCommand } from './backup-args';

const usage = `Usage: npm run restore -- <file.tar> [options]

Restores an archive of npm run backup into the configured database and file store, checks that every table
has the row count the backup recorded, then applies this version's migrations: the database is ready to serve.
A backup is restored into the same kind of database it was taken from (a PostgreSQL server, or the embedded
database). Stop the server(s) first.

It refuses a database that has tables, or a data folder whose embedded database or files folder is not empty,
unless --force:
  - a PostgreSQL server: the schemas public and drizzle are dropped, then the backup is restored in one
    transaction (pg_restore --single-transaction; objects owned by the connecting user)
  - the embedded database and the files folder: the old ones are moved aside to <name>.replaced-<time>
    (delete them once the restored platform is checked)

Options:
  --force               replace a database and file store that are not empty
${LOCATION_HELP}`;

await runBackupCommand(usage, LOCATION_OPTIONS, async (values, positionals) => {
  const input = positionals[0];
  if (!input || positionals.length > 1) {
    throw new BackupError(`Name one backup archive.\n\n${usage}`);
  }
  const { location, migrationsDir } = locationFrom(values);
  const result = await restoreBackup(location, {
    input,
    migrationsDir,
    force: values.force === true,
    pgBinDir: values['pg-bin'] as string | undefined,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    `Restored ${input} (${result.manifest.engine}, taken ${result.manifest.createdAt} by SI Platform ` +
      `${result.manifest.appVersion}) in ${(result.milliseconds / 1000).toFixed(1)} s\n`,
  );
  for (const aside of result.setAside) {
    process.stdout.write(`  the former data was moved to ${aside}\n`);
  }
});
