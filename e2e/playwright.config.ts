import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3200);
/**
 * embedded: PGlite + in-process KV, worker loops in the web process (what `scripts/start.sh` runs with no
 * settings); services: a fresh PostgreSQL database and Redis keys of its own, web and worker as two processes.
 */
const mode = process.env.E2E_MODE ?? 'embedded';
if (mode !== 'embedded' && mode !== 'services') throw new Error(`E2E_MODE must be embedded or services, not ${mode}`);
const artifacts = mode === 'embedded' ? './artifacts' : `./artifacts/${mode}`;

/** Debian's Chromium, never a downloaded browser (ARCHITECTURE §7). */
export default defineConfig({
  testDir: './tests',
  outputDir: `${artifacts}/test-results`,
  timeout: 60_000,
  // A stray test.only must fail the run on CI rather than pass it with one test.
  forbidOnly: !!process.env.CI,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: `${artifacts}/report`, open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // serve.sh reads E2E_MODE and E2E_PORT from the environment Playwright passes on.
    command: 'bash serve.sh',
    url: `http://localhost:${port}/api/ready`,
    // Seeding and starting take longer on a busy machine; this only bounds a server that never comes up.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    // TERM to the server's process group; serve.sh then stops web and worker and drops the run's database.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 30_000 },
  },
});
