import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // shared (fast unit tests) first, then the CMS suite and the site suite, one file at a time.
    projects: ['shared', 'cms', 'site'],
  },
});
