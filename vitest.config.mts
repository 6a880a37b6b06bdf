import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // shared (fast unit tests) first, then the CMS, site and publishing suites, one file at a time.
    projects: ['shared', 'cms', 'site', 'scripts'],
  },
});
