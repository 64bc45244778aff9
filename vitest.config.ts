import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Integration tests spawn git, npm and local servers; two cores is the CI machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
