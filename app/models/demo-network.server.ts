import type { DB } from "../../db/index";
import { recordAudit, type Trx } from "./audit.server";

/**
 * Whether the register holds the synthetic demo network: a row in `settings` that the demo loader
 * writes in the transaction that loads the network, so it commits with it, survives restarts,
 * travels with a backup or a copy to another engine, and never exists in a real install.
 */
const SETTING = "demo_network" as const;

export async function markDemoNetwork(trx: Trx, loadedOn: string): Promise<void> {
  const row = { key: SETTING, value: loadedOn };
  await trx.insertInto("settings").values(row).execute();
  await recordAudit(trx, null, {
    action: "create",
    entity: "settings",
    entityId: SETTING,
    after: row,
    summary: "demodata",
  });
}

export async function isDemoNetwork(db: DB): Promise<boolean> {
  const row = await db.selectFrom("settings").select("key").where("key", "=", SETTING).executeTakeFirst();
  return row !== undefined;
}
