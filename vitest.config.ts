import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/**/*.test.ts'],
          exclude: ['packages/*/test/parity.test.ts', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'parity',
          include: ['packages/*/test/parity.test.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
