import type { DB } from "../db/index";

export async function loadDemoIfEmpty(_db: DB, _options: { log: (line: string) => void }) {
  // replaced by the demo loader
}
