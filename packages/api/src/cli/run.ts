import { ConfigError } from '../config';

/** Runs a command-line entry point: configuration problems print plainly, anything else with its stack. */
export async function runCli(main: () => Promise<void>) {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  }
}
