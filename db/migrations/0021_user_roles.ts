import { type Kysely, sql } from "kysely";
import { primaryId } from "../schema-sql";

/**
 * Roles per region (decision 042) and the region a session looks at (decision 043).
 *
 * - `user_roles`: a user's role in one region, or network-wide when `region_id` is null. One role per
 *   user per region, and at most one network-wide role: a unique index on the pair cannot say the
 *   second, because both engines count nulls as distinct, so a partial index on the null rows does.
 * - Every existing user's `users.role` becomes their network-wide role, so nobody gains or loses a
 *   permission by the upgrade; then the column goes. SQLite (3.35 and later) drops a column whose
 *   only constraint is its own CHECK and that no index, key, trigger or view names, which holds for
 *   `users.role`.
 * - `sessions.region_id` / `sessions.all_regions`: the region chosen in the header's switcher, or the
 *   cross-region view; neither set means the default. A region that goes takes the choice with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("user_roles")
    .addColumn("id", "integer", primaryId(db))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id"))
    .addColumn("region_id", "integer", (c) => c.references("regions.id"))
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('beheerder', 'redacteur', 'onderzoeker', 'lezer')`),
    )
    .execute();
  await db.schema
    .createIndex("user_roles_user_region_unique")
    .on("user_roles")
    .columns(["user_id", "region_id"])
    .unique()
    .execute();
  await db.schema
    .createIndex("user_roles_user_network_unique")
    .on("user_roles")
    .column("user_id")
    .unique()
    .where(sql.ref("region_id"), "is", null)
    .execute();
  await db.schema.createIndex("user_roles_region").on("user_roles").column("region_id").execute();

  await sql`insert into user_roles (user_id, region_id, role) select id, null, role from users`.execute(db);
  await db.schema.alterTable("users").dropColumn("role").execute();

  await db.schema
    .alterTable("sessions")
    .addColumn("region_id", "integer", (c) => c.references("regions.id").onDelete("set null"))
    .execute();
  await db.schema
    .alterTable("sessions")
    .addColumn("all_regions", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`all_regions in (0, 1)`),
    )
    .execute();
}
