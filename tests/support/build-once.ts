import { ensureBuild } from "./build";

/** Global setup of the e2e project: the server under test is the built one, so build first when stale. */
export default async function setup(): Promise<void> {
  await ensureBuild();
}
