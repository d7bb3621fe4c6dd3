import { prepareTemplateDatabase } from '@pf/db/testing';

export default async function setup() {
  await prepareTemplateDatabase();
}
