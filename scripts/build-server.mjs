// Bundles the server and its command-line tools into dist/server with esbuild (dependencies stay external).
import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'src/server/main.ts',
    'cli/migrate': 'src/server/cli/migrate.ts',
    'cli/seed': 'src/server/cli/seed.ts',
    'cli/geo-import': 'src/server/cli/geo-import.ts',
    'cli/indicators-import': 'src/server/cli/indicators-import.ts',
    'cli/backup': 'src/server/cli/backup.ts',
    'cli/restore': 'src/server/cli/restore.ts',
  },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
