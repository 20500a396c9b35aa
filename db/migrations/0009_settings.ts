import type { Kysely } from "kysely";

/**
 * Settings that belong to the register rather than to one server: the key of the research
 * pseudonyms. Several Kring servers on one PostgreSQL database must derive the same pseudonyms,
 * so the key cannot live in a file beside one of them (app/server/pseudonym-secret.server.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}
