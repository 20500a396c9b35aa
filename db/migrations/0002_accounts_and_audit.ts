import { type Kysely, sql } from "kysely";
import { epochMillis, nowText, primaryId } from "../schema-sql";

/** Users, their sessions (Lucia guide: only the token's SHA-256 is stored), the login throttle and the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = nowText(db);
  const id = primaryId(db);
  const millis = epochMillis(db);
  await db.schema
    .createTable("users")
    .addColumn("id", "integer", id)
    .addColumn("email", "text", (c) => c.notNull().check(sql`email = lower(email)`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('beheerder', 'redacteur', 'onderzoeker', 'lezer')`),
    )
    .addColumn("language", "text", (c) =>
      c
        .notNull()
        .defaultTo("nl")
        .check(sql`language in ('nl', 'en')`),
    )
    .addColumn("disabled_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("users_email_unique").on("users").column("email").unique().execute();

  await db.schema
    .createTable("sessions")
    // hex SHA-256 of the token the browser holds; the token itself is never stored
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", millis, (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("login_throttle")
    // "account:<email>" or "address:<ip>"
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("blocked_until", millis, (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", millis, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", id)
    .addColumn("at", "text", (c) => c.notNull().defaultTo(now))
    // no foreign key: the log outlives whatever it describes
    .addColumn("user_id", "integer")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("summary", "text")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .execute();
  await db.schema.createIndex("audit_log_entity").on("audit_log").columns(["entity", "entity_id", "id"]).execute();
  await db.schema.createIndex("audit_log_user").on("audit_log").columns(["user_id", "id"]).execute();
}
