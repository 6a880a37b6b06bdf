import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // shared (fast unit tests) first, then the CMS suite, whose files run one at a time.
    projects: ['shared', 'cms'],
  },
});
