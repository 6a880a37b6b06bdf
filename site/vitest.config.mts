import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'site',
    include: ['test/**/*.test.ts'],
    // The build test boots the compiled CMS from the CMS suite's harness.
    globalSetup: ['../cms/test/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { groupOrder: 2 },
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
