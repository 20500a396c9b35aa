import type { DB } from "../../db/index";
import type { Language } from "../../db/schema";
import { type Actor, recordAudit } from "./audit.server";

/** Remembers a user's language choice (a change to their account, so it is logged like any other). */
export async function setUserLanguage(db: DB, actor: Actor, userId: number, language: Language) {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
    if (before.language === language) return;
    const after = await trx
      .updateTable("users")
      .set((eb) => ({ language, version: eb("version", "+", 1), updated_at: new Date().toISOString() }))
      .where("id", "=", userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: "update", entity: "users", entityId: userId, before, after });
  });
}
