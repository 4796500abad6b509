import path from 'node:path';
import { createBackup } from '@server/db/backup';
import { LOCATION_HELP, LOCATION_OPTIONS, formatBytes, locationFrom, runBackupCommand } from './backup-args';

const usage = `Usage: npm run backup -- [--output <file.tar>] [options]

Writes one tar archive of the platform's data, readable only by its owner (it holds personal data):
  manifest.json        engine, versions, newest migration, rows per table, files
  database.pgdump      with a PostgreSQL server: pg_dump in custom format, taken in one snapshot while the
                       platform keeps running (needs pg_dump of the server's major version or newer)
  pglite-data.tar.gz   with the embedded database: its data folder (PGlite dumpDataDir). Stop the server
                       first: the embedded database belongs to one process at a time
  files/               the uploaded files, when FILE_STORAGE=disk. With FILE_STORAGE=s3 the archive holds
                       the database only: back the bucket up with the storage's own tools (versioning, replication)

Options:
  -o, --output <file>   the archive (default: backups/si-backup-<engine>-<time>.tar)
  --force               overwrite an existing archive; back up an embedded database whose folder looks in use
                        (after a killed server)
${LOCATION_HELP}

Restore with: npm run restore -- <file.tar>`;

await runBackupCommand(
  usage,
  { ...LOCATION_OPTIONS, output: { type: 'string', short: 'o' } },
  async (values) => {
    const { location, migrationsDir } = locationFrom(values);
    const engine = location.databaseUrl ? 'postgres' : 'pglite';
    const stamp = new Date().toISOString().replace(/\..*$/, '').replace(/[-:]/g, '').replace('T', '-');
    const output =
      (values.output as string | undefined) ?? path.join('backups', `si-backup-${engine}-${stamp}.tar`);
    const result = await createBackup(location, {
      output,
      migrationsDir,
      force: values.force === true,
      pgBinDir: values['pg-bin'] as string | undefined,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const { manifest } = result;
    const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
    process.stdout.write(
      `Backup written: ${result.file}\n` +
        `  ${formatBytes(result.bytes)} in ${(result.milliseconds / 1000).toFixed(1)} s; ` +
        `${manifest.engine}, migration ${manifest.migration?.tag ?? '(none)'}, ` +
        `${Object.keys(manifest.tables).length} tables, ${rows} rows; ` +
        (manifest.files.included
          ? `${manifest.files.count} files (${formatBytes(manifest.files.bytes)})\n`
          : `files not included (${manifest.files.reason})\n`),
    );
  },
);
