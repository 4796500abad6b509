import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = {
  '@server': fileURLToPath(new URL('./src/server', import.meta.url)),
  '@web': fileURLToPath(new URL('./src/web', import.meta.url)),
  '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)),
  '@tests': fileURLToPath(new URL('./tests', import.meta.url)),
};

const integrationFiles = [
  'src/**/*.routes.test.ts',
  'src/**/*.int.test.ts',
  'tests/integration/**/*.test.ts',
];

function integration(engine: 'pglite' | 'postgres'): TestProjectInlineConfiguration {
  return {
    resolve: { alias },
    test: {
      name: `int-${engine}`,
      include: integrationFiles,
      environment: 'node',
      globalSetup: [`tests/setup/global-setup-${engine}.ts`],
      env: { TEST_ENGINE: engine },
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}

const hasServer = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: integrationFiles,
          environment: 'node',
          setupFiles: ['tests/setup/unit-i18n.ts'],
        },
      },
      integration('pglite'),
      ...(hasServer ? [integration('postgres')] : []),
    ],
  },
});
