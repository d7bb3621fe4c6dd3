import { loadConfig } from '../config';
import { createRuntime } from '../runtime';
import { DEMO_ACCOUNTS, seedDemoData } from '../seed';
import { runCli } from './run';

/** `pnpm db:seed`: demo accounts and a demo catalog for a fresh install (idempotent). */
await runCli(async () => {
  const config = loadConfig({ ...process.env, AUTO_MIGRATE: process.env.AUTO_MIGRATE ?? 'true' });
  const runtime = await createRuntime(config);
  try {
    const { created, catalog, cartSeeded } = await seedDemoData(runtime.deps);
    console.log(created.length ? `created: ${created.join(', ')}` : 'demo data already present');
    console.log(`catalog: ${catalog.vendors} vendors, ${catalog.products} products`);
    if (cartSeeded) console.log('the demo buyer has a cart ready to check out');
    for (const account of Object.values(DEMO_ACCOUNTS))
      console.log(`  ${account.label}: ${account.email} / ${account.password}`);
  } finally {
    await runtime.close();
  }
});
