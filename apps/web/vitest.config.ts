import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests for the web app's pure logic (src/lib): node only, no Next build, no browser.
export default defineConfig({
  // The same `@/*` → `src/*` mapping as tsconfig.json's paths.
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }] },
  test: { environment: 'node', include: ['test/**/*.test.ts'] },
});
