import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'scripts',
    include: ['test/**/*.test.ts'],
    // The pipeline test boots the compiled CMS from the CMS suite's harness.
    globalSetup: ['../cms/test/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { groupOrder: 3 },
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
