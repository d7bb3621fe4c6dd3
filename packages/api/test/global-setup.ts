import { prepareTemplateDatabase } from '@pf/db/testing';

/** Builds this run's migrated template; the returned teardown drops it. */
export default function setup() {
  return prepareTemplateDatabase();
}
