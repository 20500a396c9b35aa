import type { Transaction } from "kysely";
import type { DB } from "../../db/index";
import type { AuditAction, Database } from "../../db/schema";

/** Who makes a change: a signed-in user, or null for the system (seed, migrations, first setup). */
export interface Actor {
  id: number;
}

export type Trx = Transaction<Database>;

/** Columns never copied into the log: secrets, and keys the database derives from other columns. */
const UNLOGGED_COLUMNS = new Set(["password_hash", "sort_name", "surname_key", "phone_key"]);

function snapshot(record: object | null | undefined): string | null {
  if (!record) return null;
  return JSON.stringify(Object.fromEntries(Object.entries(record).filter(([key]) => !UNLOGGED_COLUMNS.has(key))));
}

export interface AuditChange {
  action: AuditAction;
  entity: keyof Database;
  entityId: number | string;
  before?: object | null;
  after?: object | null;
  summary?: string | null;
}

/**
 * Writes one audit entry. Takes a transaction, not the database: the entry must commit
 * or roll back together with the change it describes.
 */
export async function recordAudit(trx: Trx, actor: Actor | null, change: AuditChange): Promise<number> {
  const entry = await trx
    .insertInto("audit_log")
    .values({
      user_id: actor?.id ?? null,
      action: change.action,
      entity: change.entity,
      entity_id: String(change.entityId),
      summary: change.summary ?? null,
      before: snapshot(change.before),
      after: snapshot(change.after),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return entry.id;
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  userId?: number;
  page?: number;
}

/** Newest first, filtered by record (entity and optionally its id) and/or by user. */
export async function listAuditEntries(db: DB, filter: AuditFilter = {}) {
  let query = db.selectFrom("audit_log").leftJoin("users", "users.id", "audit_log.user_id");
  if (filter.entity) query = query.where("audit_log.entity", "=", filter.entity);
  if (filter.entityId) query = query.where("audit_log.entity_id", "=", filter.entityId);
  if (filter.userId) query = query.where("audit_log.user_id", "=", filter.userId);
  const page = Math.max(1, filter.page ?? 1);
  const [entries, count] = await Promise.all([
    query
      .select([
        "audit_log.id",
        "audit_log.at",
        "audit_log.action",
        "audit_log.entity",
        "audit_log.entity_id",
        "audit_log.summary",
        "audit_log.before",
        "audit_log.after",
        "audit_log.user_id",
        "users.name as user_name",
      ])
      .orderBy("audit_log.id", "desc")
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { entries, total: Number(count.n), page, pageSize: AUDIT_PAGE_SIZE };
}

export async function auditedEntities(db: DB): Promise<string[]> {
  const rows = await db.selectFrom("audit_log").select("entity").distinct().orderBy("entity").execute();
  return rows.map((r) => r.entity);
}
