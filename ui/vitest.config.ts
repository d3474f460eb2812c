import { defineConfig } from 'vitest/config';

// Component tests (vitest, jsdom, Testing Library) live in test/**/*.test.ts; the node:test checks
// of the build in test/*.test.mjs run with `node --test`.
export default defineConfig({
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.ts'],
  },
});
