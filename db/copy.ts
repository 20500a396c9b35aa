import { type Kysely, sql, type Transaction } from "kysely";
import { engineOf } from "./engine";
import type { DB } from "./index";
import { MIGRATIONS } from "./migration-list";
import type { Database } from "./schema";

/**
 * Copies a whole register from one database into another, empty one, on either engine: how a
 * network office moves from SQLite to PostgreSQL (`npm run db:copy`), or back. Plain Kysely
 * queries, so every pair of engines takes the same path; all of it in one transaction on the
 * target, so a copy that fails leaves the target as empty as it was.
 */

interface CopiedTable {
  table: keyof Database;
  /** The primary key: the source is read in its order, a batch at a time (keyset, never offset). */
  key: readonly string[];
  /**
   * Columns inserted with a stand-in value and given their own once every table is in, because
   * inserting them as they are would be refused. A parent may have a higher id than its child and
   * so come in a later batch (organisations, bodies). A frozen wave takes no panel members: migration
   * 0005's guard refuses them on both engines. So the wave goes in as a draft (no freeze moment, no
   * content hash), then its panel, and then it is frozen: the path the app itself takes, which the
   * guards allow. No guard is switched off, so a copy needs no DDL or table ownership, and runs the
   * same on SQLite, which cannot disable a trigger.
   */
  heldBack?: Readonly<Record<string, string | null>>;
}

/**
 * Every table of the register, each after the tables its foreign keys point to (migrations 0001,
 * 0002, 0004, 0005, 0008, 0009, 0014). A table that a later migration adds must be listed here: the
 * type check below and checkTablesListed refuse to go on without it.
 */
const COPY_ORDER = [
  { table: "regions", key: ["id"] },
  { table: "subregions", key: ["id"] },
  { table: "sectors", key: ["id"] },
  { table: "organisations", key: ["id"], heldBack: { parent_id: null } },
  { table: "organisation_subregions", key: ["organisation_id", "subregion_id"] },
  { table: "organisation_regions", key: ["organisation_id", "region_id"] },
  { table: "people", key: ["id"] },
  { table: "person_emails", key: ["id"] },
  { table: "consents", key: ["id"] },
  { table: "affiliations", key: ["id"] },
  { table: "themes", key: ["id"] },
  { table: "bodies", key: ["id"], heldBack: { parent_id: null } },
  { table: "body_subregions", key: ["body_id", "subregion_id"] },
  { table: "plans", key: ["id"] },
  { table: "plan_subregions", key: ["plan_id", "subregion_id"] },
  { table: "plan_funding_markers", key: ["plan_id", "marker"] },
  { table: "theme_leads", key: ["id"] },
  { table: "seats", key: ["id"] },
  { table: "users", key: ["id"] },
  { table: "user_roles", key: ["id"] },
  { table: "sessions", key: ["id"] },
  { table: "login_throttle", key: ["key"] },
  { table: "audit_log", key: ["id"] },
  { table: "saved_searches", key: ["id"] },
  { table: "meeting_series", key: ["id"] },
  { table: "meetings", key: ["id"] },
  { table: "meeting_invitations", key: ["id"] },
  { table: "attendance", key: ["id"] },
  { table: "calendar_feeds", key: ["id"] },
  { table: "survey_waves", key: ["id"], heldBack: { status: "draft", frozen_at: null, content_hash: null } },
  { table: "panel_members", key: ["id"] },
  { table: "wave_messages", key: ["id"] },
  { table: "mailings", key: ["id"] },
  { table: "mail_outbox", key: ["id"] },
  { table: "panel_responses", key: ["panel_member_id"] },
  { table: "request_limits", key: ["key"] },
  { table: "settings", key: ["key"] },
  { table: "suppressed_addresses", key: ["address_hash"] },
  { table: "merges", key: ["id"] },
  { table: "merge_rows", key: ["id"] },
  { table: "duplicate_dismissals", key: ["id"] },
  { table: "import_batches", key: ["id"] },
  { table: "import_batch_records", key: ["batch_id", "entity", "entity_id"] },
  { table: "external_ids", key: ["id"] },
  { table: "interview_samples", key: ["id"] },
  { table: "interview_sample_members", key: ["id"] },
] as const satisfies readonly CopiedTable[];

/** A table of the Database interface missing from COPY_ORDER does not compile: "… does not satisfy the constraint 'never'". */
type NoneMissing<Missing extends never> = Missing;
export type TablesMissingFromCopyOrder = NoneMissing<Exclude<keyof Database, (typeof COPY_ORDER)[number]["table"]>>;

/** The tables copied, in the order they are copied. */
export const COPIED_TABLES: readonly (keyof Database)[] = COPY_ORDER.map((entry) => entry.table);

/** Tables the target's triggers fill as the rows they describe go in: copying them would give each row twice. */
export const TABLES_REBUILT_BY_TRIGGERS: readonly string[] = ["register_search"];

/** The parts FTS5 keeps a virtual table in, as tables of their own: `register_search_data` and so on. */
const FTS5_SHADOW_SUFFIXES = ["data", "idx", "content", "docsize", "config"];

/** Rows read from the source at a time, unless the caller says otherwise. */
const DEFAULT_BATCH_ROWS = 5000;

/**
 * The most values one statement may bind: SQLite's limit (PostgreSQL's is 65 535). An insert
 * of a wide table takes fewer rows at a time than a narrow one.
 */
const MAX_BIND_PARAMETERS = 32_766;

/** How often a long table reports how far it has got. */
const PROGRESS_INTERVAL_MS = 5000;

/** A copy that did not happen, for a reason its message gives in full; the target is as it was. */
export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CopyRefusedError";
  }
}

export interface CopyOptions {
  /** Progress, a line at a time (Dutch, for the command line). */
  log?: (line: string) => void;
  /** Rows read from the source per query; the memory a copy takes grows with it, not with the register. */
  batchRows?: number;
}

type Row = Record<string, unknown>;
/** The register seen as tables of rows of unknown columns: the copy goes by table name, not by type. */
type AnyTables = Record<string, Row>;
type Reader = Kysely<AnyTables> | Transaction<AnyTables>;
type Writer = Transaction<AnyTables>;

/**
 * Copies every row of every register table from `source` into `target`, which must be empty, both
 * migrated to the latest migration (openMigratedDatabase). Returns the rows copied per table.
 * The source is read in one snapshot (a read transaction), so a register in use copies consistently.
 */
export async function copyRegister(source: DB, target: DB, options: CopyOptions = {}): Promise<Record<string, number>> {
  const log = options.log ?? (() => undefined);
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  if (!Number.isInteger(batchRows) || batchRows < 1) {
    throw new RangeError(`batchRows must be a positive whole number, not ${batchRows}`);
  }
  await checkMigrations(source, "source");
  await checkMigrations(target, "target");
  await checkTablesListed(source, "source");
  await checkTablesListed(target, "target");

  const sourceSnapshot =
    engineOf(source) === "postgres"
      ? source.transaction().setIsolationLevel("repeatable read").setAccessMode("read only")
      : source.transaction();
  const copied = await sourceSnapshot.execute((sourceTrx) =>
    target.transaction().execute(async (targetTrx) => {
      const from = sourceTrx as unknown as Transaction<AnyTables>;
      const to = targetTrx as unknown as Transaction<AnyTables>;
      await refuseNonEmptyTarget(to);
      const expected = await countRows(from);
      const counts: Record<string, number> = {};
      for (const entry of COPY_ORDER) {
        counts[entry.table] = await copyTable(from, to, entry, expected[entry.table] ?? 0, batchRows, log);
      }
      const restored = await restoreHeldBack(from, to, batchRows);
      if (restored > 0) log(`Uitgestelde kolommen ingevuld (ouders, bevroren metingen): ${dutchRowCount(restored)}.`);
      compareCounts(expected, await countRows(to));
      log("Aantallen rijen per tabel gecontroleerd: bron en doel zijn gelijk.");
      // Last, because a sequence does not roll back: a copy that fails before this leaves them untouched.
      if (engineOf(target) === "postgres") await continueIdentities(to);
      return counts;
    }),
  );
  if (engineOf(target) === "postgres") {
    // A million fresh rows without statistics would be planned as an empty table until autovacuum
    // came by. The copy has committed by now: a failure here must not read as a failed copy.
    try {
      await sql`analyze`.execute(target);
      log("Statistieken voor de queryplanner bijgewerkt.");
    } catch (error) {
      log(
        `Statistieken niet bijgewerkt (autovacuum doet het later): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return copied;
}

async function checkMigrations(db: DB, role: "source" | "target"): Promise<void> {
  const known = Object.keys(MIGRATIONS);
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  const applied = tables.some((table) => table.name === "kysely_migration")
    ? (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map(
        (row) => row.name,
      )
    : [];
  if (applied.join() !== known.join()) {
    const latest = applied[applied.length - 1] ?? "none";
    throw new CopyRefusedError(
      `The ${role} database is not at this Kring's latest migration (it has ${latest}, this Kring ${known[known.length - 1]}): ` +
        "open both databases with openMigratedDatabase (npm run db:migrate) before copying.",
    );
  }
}

/** The database's own tables, without Kysely's migration bookkeeping and SQLite's internal and FTS5 shadow tables. */
async function registerTables(db: DB): Promise<string[]> {
  let names: string[];
  if (engineOf(db) === "postgres") {
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
    names = rows.map((row) => row.name);
  } else {
    const { rows } = await sql<{ name: string; sql: string | null }>`
      select name, sql from sqlite_schema where type = 'table' and name not like 'sqlite\\_%' escape '\\'`.execute(db);
    const virtual = rows.filter((row) => /^create virtual table/i.test(row.sql ?? "")).map((row) => row.name);
    const shadows = new Set(virtual.flatMap((name) => FTS5_SHADOW_SUFFIXES.map((suffix) => `${name}_${suffix}`)));
    names = rows.map((row) => row.name).filter((name) => !shadows.has(name));
  }
  return names.filter((name) => name !== "kysely_migration" && name !== "kysely_migration_lock").sort();
}

/**
 * That COPY_ORDER names exactly the tables the database has: a table a later migration added and
 * nobody listed would otherwise be left behind without a word.
 */
async function checkTablesListed(db: DB, role: "source" | "target"): Promise<void> {
  const listed = new Set<string>([...COPIED_TABLES, ...TABLES_REBUILT_BY_TRIGGERS]);
  const present = await registerTables(db);
  const unlisted = present.filter((name) => !listed.has(name));
  const absent = [...listed].filter((name) => !present.includes(name));
  if (unlisted.length > 0 || absent.length > 0) {
    const problems = [
      unlisted.length > 0 ? `it has ${unlisted.join(", ")}, which the copy does not know` : null,
      absent.length > 0 ? `it lacks ${absent.join(", ")}` : null,
    ].filter(Boolean);
    throw new CopyRefusedError(
      `The ${role} database's tables do not match the copy's list in db/copy.ts: ${problems.join("; ")}.`,
    );
  }
}

async function refuseNonEmptyTarget(to: Writer): Promise<void> {
  for (const table of [...COPIED_TABLES, ...TABLES_REBUILT_BY_TRIGGERS]) {
    const row = await to
      .selectFrom(table)
      .select(sql<number>`1`.as("found"))
      .limit(1)
      .executeTakeFirst();
    if (row) {
      throw new CopyRefusedError(
        `The target database is not empty (table ${table} has rows): a register is only copied into an empty database.`,
      );
    }
  }
}

async function countRows(db: Reader): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COPIED_TABLES) {
    const { n } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(n);
  }
  return counts;
}

function compareCounts(expected: Record<string, number>, actual: Record<string, number>): void {
  const differing = COPIED_TABLES.filter((table) => expected[table] !== actual[table]);
  if (differing.length > 0) {
    const details = differing.map(
      (table) => `${table} ${expected[table]} in the source, ${actual[table]} in the target`,
    );
    throw new CopyRefusedError(`The copy is incomplete, so nothing was kept: ${details.join("; ")}.`);
  }
}

/** Up to `limit` rows of the table after `after` (the last key read), in primary-key order. */
function readBatch(
  db: Reader,
  entry: CopiedTable,
  columns: "*" | readonly string[],
  after: unknown[] | null,
  limit: number,
) {
  let query = db.selectFrom(entry.table).limit(limit);
  query = columns === "*" ? query.selectAll() : query.select(columns.map((column) => sql.ref(column).as(column)));
  if (after) {
    const key = sql.join(entry.key.map((column) => sql.ref(column)));
    query = query.where(sql<boolean>`(${key}) > (${sql.join(after)})`);
  }
  for (const column of entry.key) query = query.orderBy(sql.ref(column));
  return query.execute() as Promise<Row[]>;
}

const keyOf = (entry: CopiedTable, row: Row) => entry.key.map((column) => row[column]);

async function insertRows(to: Writer, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const rowsPerInsert = Math.max(1, Math.floor(MAX_BIND_PARAMETERS / columns));
  for (let start = 0; start < rows.length; start += rowsPerInsert) {
    await to
      .insertInto(table)
      .values(rows.slice(start, start + rowsPerInsert))
      .execute();
  }
}

async function copyTable(
  from: Reader,
  to: Writer,
  entry: CopiedTable,
  expected: number,
  batchRows: number,
  log: (line: string) => void,
): Promise<number> {
  const started = Date.now();
  let reported = started;
  let copied = 0;
  const standIns = entry.heldBack ?? {};
  let batch = await readBatch(from, entry, "*", null, batchRows);
  while (batch.length > 0) {
    const rows = batch.map((row) => ({ ...row, ...standIns }));
    // The next batch is read while this one is written: the source and the target work side by side.
    const next =
      batch.length === batchRows
        ? readBatch(from, entry, "*", keyOf(entry, batch[batch.length - 1]!), batchRows)
        : Promise.resolve([]);
    const [written, read] = await Promise.allSettled([insertRows(to, entry.table, rows), next]);
    if (written.status === "rejected") throw written.reason;
    if (read.status === "rejected") throw read.reason;
    copied += batch.length;
    batch = read.value;
    if (batch.length > 0 && Date.now() - reported >= PROGRESS_INTERVAL_MS) {
      reported = Date.now();
      log(`  ${entry.table}: ${copied.toLocaleString("nl-NL")} van ${dutchRowCount(expected)}…`);
    }
  }
  log(`  ${entry.table}: ${dutchRowCount(copied)} (${dutchSeconds(Date.now() - started)})`);
  return copied;
}

/** Gives the held-back columns their own values, now that every row they may point to is in. */
async function restoreHeldBack(from: Reader, to: Writer, batchRows: number): Promise<number> {
  let restored = 0;
  for (const entry of COPY_ORDER as readonly CopiedTable[]) {
    if (!entry.heldBack) continue;
    const standIns = Object.entries(entry.heldBack);
    const columns = [...entry.key, ...standIns.map(([column]) => column)];
    let after: unknown[] | null = null;
    for (;;) {
      const batch = await readBatch(from, entry, columns, after, batchRows);
      for (const row of batch) {
        if (standIns.every(([column, standIn]) => row[column] === standIn)) continue;
        let update = to
          .updateTable(entry.table)
          .set(Object.fromEntries(standIns.map(([column]) => [column, row[column]])));
        for (const column of entry.key) update = update.where(sql.ref(column), "=", row[column]);
        await update.execute();
        restored += 1;
      }
      if (batch.length < batchRows) break;
      after = keyOf(entry, batch[batch.length - 1]!);
    }
  }
  return restored;
}

/**
 * PostgreSQL's identities do not move when rows come with their ids: the next insert would take
 * id 1 and collide. Each one continues after the highest id copied (SQLite does so by itself).
 */
async function continueIdentities(to: Writer): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(to);
  const copied = new Set<string>(COPIED_TABLES);
  for (const { table_name: table, column_name: column } of rows) {
    if (!copied.has(table)) continue;
    await sql`
      select setval(pg_get_serial_sequence(${table}, ${column}), max(${sql.ref(column)}))
      from ${sql.table(table)} having count(*) > 0`.execute(to);
  }
}

export const dutchSeconds = (ms: number) => `${(ms / 1000).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} s`;
export const dutchRowCount = (n: number) => `${n.toLocaleString("nl-NL")} ${n === 1 ? "rij" : "rijen"}`;
