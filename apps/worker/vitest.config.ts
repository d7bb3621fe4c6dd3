import { defineConfig } from 'vitest/config';

// These tests start real worker processes; start-up alone takes seconds on a loaded 2-core machine.
export default defineConfig({ test: { testTimeout: 60_000 } });
