import { type Insertable, type Selectable, sql, type Updateable } from "kysely";
import type { DB } from "../../db/index";
import type { AuditAction, Database } from "../../db/schema";
import { auditDiff, displayValue } from "../services/audit-diff";
import type { ConcurrentChange } from "../services/form-data";
import { type Actor, recordAudit, type Trx } from "./audit.server";

/**
 * What every editable register record shares: a change is one transaction that checks the
 * version the editor saw, writes the row and writes the audit log. Models build on these
 * three functions instead of each re-doing the version check.
 */

/** A refusal the user can act on: a translation key (see messageKey), the field it concerns, a record to open. */
export class RegisterError extends Error {
  constructor(
    readonly messageKey: string,
    readonly field?: string,
    readonly link?: { href: string; name: string },
  ) {
    super(messageKey);
    this.name = "RegisterError";
  }
}

/** The record changed since the editor opened it; `changes` says how, `currentVersion` what to save against next. */
export class StaleVersionError extends Error {
  constructor(
    readonly changes: ConcurrentChange[],
    readonly currentVersion: number,
  ) {
    super("stale version");
    this.name = "StaleVersionError";
  }
}

/** The record does not exist (any more): routes answer 404. */
export class RecordNotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: number,
  ) {
    super(`${entity} ${id} not found`);
    this.name = "RecordNotFoundError";
  }
}

/** Tables whose rows carry id and version and are edited through forms. */
export type VersionedTable = {
  [T in keyof Database]: Database[T] extends { id: unknown; version: unknown; updated_at: unknown } ? T : never;
}[keyof Database];

type Row<T extends VersionedTable> = Selectable<Database[T]>;

const nowIso = () => new Date().toISOString();

/**
 * What others saved to a record after `version`, oldest first, read from the audit log (whose
 * snapshots carry the version each save produced).
 */
export async function changesSince(
  db: DB | Trx,
  entity: string,
  id: number,
  version: number,
): Promise<ConcurrentChange[]> {
  const entries = await db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.user_id")
    .select(["audit_log.at", "audit_log.before", "audit_log.after", "users.name as user_name"])
    .where("audit_log.entity", "=", entity)
    .where("audit_log.entity_id", "=", String(id))
    .where(sql<number>`cast(json_extract(audit_log.after, '$.version') as integer)`, ">", version)
    .orderBy("audit_log.id")
    .execute();
  return entries.map((entry) => ({
    at: entry.at,
    by: entry.user_name ?? null,
    fields: auditDiff(entry.before, entry.after).map((change) => ({
      field: change.field,
      before: displayValue(change.before),
      after: displayValue(change.after),
    })),
  }));
}

/** Inserts a row and logs its creation, in the caller's transaction. */
export async function insertAudited<T extends VersionedTable>(
  trx: Trx,
  actor: Actor | null,
  table: T,
  values: Insertable<Database[T]>,
  summary?: string,
): Promise<Row<T>> {
  // Kysely cannot follow a table name that is a type parameter; the public signature stays typed.
  const untyped = trx as unknown as Trx & { insertInto: (t: string) => any };
  const row = (await untyped.insertInto(table).values(values).returningAll().executeTakeFirstOrThrow()) as Row<T>;
  await recordAudit(trx, actor, {
    action: "create",
    entity: table,
    entityId: (row as { id: number }).id,
    after: row,
    summary,
  });
  return row;
}

/** The current row, or RecordNotFoundError. */
export async function loadForUpdate<T extends VersionedTable>(trx: Trx, table: T, id: number): Promise<Row<T>> {
  const untyped = trx as unknown as { selectFrom: (t: string) => any };
  const row = (await untyped.selectFrom(table).selectAll().where("id", "=", id).executeTakeFirst()) as
    Row<T> | undefined;
  if (!row) throw new RecordNotFoundError(table, id);
  return row;
}

/**
 * Updates a row if it still has the version the editor saw (else StaleVersionError listing what
 * changed), bumps the version and logs before and after. `version` null skips the check: for
 * changes the system makes on the user's behalf (ending a seat as part of a move).
 */
export async function updateAudited<T extends VersionedTable>(
  trx: Trx,
  actor: Actor | null,
  table: T,
  id: number,
  version: number | null,
  values: Updateable<Database[T]>,
  options: { action?: Exclude<AuditAction, "create" | "delete">; summary?: string } = {},
): Promise<{ before: Row<T>; after: Row<T> }> {
  const before = await loadForUpdate(trx, table, id);
  const currentVersion = (before as { version: number }).version;
  if (version !== null && currentVersion !== version) {
    throw new StaleVersionError(await changesSince(trx, table, id, version), currentVersion);
  }
  const untyped = trx as unknown as { updateTable: (t: string) => any };
  const after = (await untyped
    .updateTable(table)
    .set({ ...values, version: currentVersion + 1, updated_at: nowIso() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow()) as Row<T>;
  await recordAudit(trx, actor, {
    action: options.action ?? "update",
    entity: table,
    entityId: id,
    before,
    after,
    summary: options.summary,
  });
  return { before, after };
}

/** Runs a change in one transaction (the row and its audit entry commit together or not at all). */
export function inTransaction<R>(db: DB, change: (trx: Trx) => Promise<R>): Promise<R> {
  return db.transaction().execute(change);
}
