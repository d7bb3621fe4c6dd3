import { loadConfig } from '../config';
import { createRuntime } from '../runtime';
import { DEMO_ACCOUNTS, seedDemoData } from '../seed';
import { runCli } from './run';

/** `pnpm db:seed`: demo accounts for a fresh install (idempotent). */
await runCli(async () => {
  const config = loadConfig({ ...process.env, AUTO_MIGRATE: process.env.AUTO_MIGRATE ?? 'true' });
  const runtime = await createRuntime(config);
  try {
    const created = await seedDemoData(runtime.deps);
    console.log(created.length ? `created: ${created.join(', ')}` : 'demo data already present');
    for (const account of Object.values(DEMO_ACCOUNTS))
      console.log(`  ${account.label}: ${account.email} / ${account.password}`);
  } finally {
    await runtime.close();
  }
});
