import { ensureTemplate } from "./test-database";

/** Global setup of the integration and e2e projects: the migrated template, made once before the test files run. */
export default async function setup(): Promise<void> {
  await ensureTemplate();
}
