import { type Insertable, type Selectable, type Transaction, type Updateable } from "kysely";
import { jsonInteger, lockedForChange } from "../../db/dialect";
import type { DB } from "../../db/index";
import type { AuditAction, Database } from "../../db/schema";
import { auditDiff, displayValue } from "../services/audit-diff";
import type { Message } from "../i18n/keys";
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
    readonly messageKey: Message,
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
    .where(jsonInteger(db, "audit_log.after", "version"), ">", version)
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

/**
 * A record's child rows (a person's e-mail addresses and consents, an organisation's subregions, a
 * meeting's invitations and register) are part of the record: they are changed under its version
 * and logged in its entry, one field per kind of child, so that the history and the list of
 * concurrent changes show them with the rest of the save, and a stale save of them is refused.
 */
export interface ChildRows<T extends VersionedTable> {
  /** the children as the audit entry shows them (field → value), read before and after `write` */
  read: (trx: Trx, parentId: number) => Promise<Record<string, unknown>>;
  /** changes the child rows, after the version check and the record's own update (or insert) */
  write: (trx: Trx, parent: Row<T>) => Promise<void>;
}

/** What every versioned table has in common, the rest of its columns unknown. */
interface VersionedRow {
  id: number;
  version: number;
  updated_at: string;
  [column: string]: unknown;
}

/**
 * The transaction as a database of versioned tables by any name: Kysely cannot follow a table name
 * that is a type parameter, so these helpers see every table as a VersionedRow; their public
 * signatures stay typed by the table.
 */
const untyped = (trx: Trx) => trx as unknown as Transaction<Record<string, VersionedRow>>;

/** Inserts a row (and its children) and logs its creation, in the caller's transaction. */
export async function insertAudited<T extends VersionedTable>(
  trx: Trx,
  actor: Actor | null,
  table: T,
  values: Insertable<Database[T]>,
  options: { summary?: string; children?: ChildRows<T> } = {},
): Promise<Row<T>> {
  const row = (await untyped(trx).insertInto(table).values(values).returningAll().executeTakeFirstOrThrow()) as Row<T>;
  const id = (row as { id: number }).id;
  let after: object = row;
  if (options.children) {
    await options.children.write(trx, row);
    after = { ...row, ...(await options.children.read(trx, id)) };
  }
  await recordAudit(trx, actor, { action: "create", entity: table, entityId: id, after, summary: options.summary });
  return row;
}

/** The current row, or RecordNotFoundError. */
export async function loadForUpdate<T extends VersionedTable>(trx: Trx, table: T, id: number): Promise<Row<T>> {
  const row = (await lockedForChange(
    trx,
    untyped(trx)
      .selectFrom(table as string)
      .selectAll()
      .where("id", "=", id),
  ).executeTakeFirst()) as Row<T> | undefined;
  if (!row) throw new RecordNotFoundError(table, id);
  return row;
}

/**
 * Refuses a save against `seen` when the record is at `current` now, listing what changed since
 * (StaleVersionError). For checks that must come before a change's own validation; updateAudited
 * makes it itself. `seen` null: no check.
 */
export async function assertVersion(trx: Trx, table: VersionedTable, id: number, current: number, seen: number | null) {
  if (seen !== null && current !== seen) throw new StaleVersionError(await changesSince(trx, table, id, seen), current);
}

/**
 * Updates a row (and, with `children`, its child rows) if it still has the version the editor saw
 * (else StaleVersionError listing what changed), bumps the version and logs before and after in one
 * entry. `version` null skips the check: for changes the system makes on the user's behalf (ending
 * a seat as part of a move).
 */
export async function updateAudited<T extends VersionedTable>(
  trx: Trx,
  actor: Actor | null,
  table: T,
  id: number,
  version: number | null,
  values: Updateable<Database[T]>,
  options: { action?: Exclude<AuditAction, "create" | "delete">; summary?: string; children?: ChildRows<T> } = {},
): Promise<{ before: Row<T>; after: Row<T>; auditId: number }> {
  const before = await loadForUpdate(trx, table, id);
  const currentVersion = (before as { version: number }).version;
  await assertVersion(trx, table, id, currentVersion, version);
  const childrenBefore = options.children ? await options.children.read(trx, id) : {};
  // the version check and the write are one statement: a save that came in between changes no row
  const after = (await untyped(trx)
    .updateTable(table as string)
    .set({ ...(values as Partial<VersionedRow>), version: currentVersion + 1, updated_at: nowIso() })
    .where("id", "=", id)
    .where("version", "=", currentVersion)
    .returningAll()
    .executeTakeFirst()) as Row<T> | undefined;
  if (!after) {
    const now = await loadForUpdate(trx, table, id);
    const nowVersion = (now as { version: number }).version;
    throw new StaleVersionError(await changesSince(trx, table, id, version ?? currentVersion), nowVersion);
  }
  // the children are written against the record as saved (a moved meeting's roster is the new date's)
  if (options.children) await options.children.write(trx, after);
  const childrenAfter = options.children ? await options.children.read(trx, id) : {};
  const auditId = await recordAudit(trx, actor, {
    action: options.action ?? "update",
    entity: table,
    entityId: id,
    before: { ...before, ...childrenBefore },
    after: { ...after, ...childrenAfter },
    summary: options.summary,
  });
  return { before, after, auditId };
}

/**
 * Runs a change in one transaction (the row and its audit entry commit together or not at all),
 * which on PostgreSQL may run more than once (db/transaction.ts).
 */
export { inTransaction } from "../../db/transaction";
