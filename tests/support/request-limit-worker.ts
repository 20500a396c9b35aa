/**
 * A separate process counting requests against one key (tests/integration/request-limits.test.ts):
 * `tsx request-limit-worker.ts <database target as JSON> <key> <requests> <limit>` prints how many were allowed.
 */
import { type DatabaseTarget, openDatabase } from "../../db/index";
import { allowRequest } from "../../app/models/request-limits.server";

const [target = "", key = "", requests = "0", limit = "0"] = process.argv.slice(2);
const db = openDatabase(JSON.parse(target) as DatabaseTarget);
let allowed = 0;
for (let i = 0; i < Number(requests); i += 1)
  if (await allowRequest(db, key, { limit: Number(limit), windowMs: 60_000 })) allowed += 1;
await db.destroy();
process.stdout.write(String(allowed));
