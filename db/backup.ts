import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import type { DatabaseTarget } from "./engine";
import { MIGRATIONS } from "./migration-list";

/**
 * Backups of the register (`npm run backup`, `npm run restore`, and KRING_BACKUP_HOURS in the server):
 * a consistent copy of the SQLite file taken with SQLite's online backup while Kring keeps serving,
 * checked before it gets a name that looks like a backup, and rotated. PostgreSQL's route (pg_dump)
 * is in db/backup-postgres.ts. Decision 024 says why it works this way.
 */

/** A backup that was not made or not restored, for a reason its message gives in full (Dutch). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** A bad KRING_BACKUP_KEEP or KRING_BACKUP_HOURS: stops the command or the server's start. */
export class BackupSettingsError extends Error {}

export const DEFAULT_BACKUPS_KEPT = 14;

/** setInterval takes at most 2^31 − 1 ms (24.8 days); a week is more than anyone asks of a daily backup. */
const MAX_BACKUP_HOURS = 7 * 24;

/** How many backups rotation keeps: KRING_BACKUP_KEEP, a whole number of at least 1. */
export function backupsKept(env: Partial<Record<string, string>> = process.env): number {
  const value = env.KRING_BACKUP_KEEP?.trim();
  if (!value) return DEFAULT_BACKUPS_KEPT;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new BackupSettingsError(`KRING_BACKUP_KEEP must be a whole number of at least 1 (it is "${value}").`);
  }
  return Number(value);
}

/** Hours between the server's own backups (KRING_BACKUP_HOURS), or null when it makes none. */
export function backupHours(env: Partial<Record<string, string>> = process.env): number | null {
  const value = env.KRING_BACKUP_HOURS?.trim();
  if (!value) return null;
  const hours = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(hours > 0) || hours > MAX_BACKUP_HOURS) {
    throw new BackupSettingsError(
      `KRING_BACKUP_HOURS must be a number of hours above 0 and at most ${MAX_BACKUP_HOURS}, e.g. 24 (it is "${value}").`,
    );
  }
  return hours;
}

/** Where backups go: KRING_BACKUP_DIR, else `backups/` beside the SQLite file (data/backups), or data/backups. */
export function backupDirectory(target: DatabaseTarget, env: Partial<Record<string, string>> = process.env): string {
  if (env.KRING_BACKUP_DIR) return path.resolve(env.KRING_BACKUP_DIR);
  if (target.engine === "sqlite") return path.join(path.dirname(target.file), "backups");
  return path.resolve("data", "backups");
}

/** `20261207-101530-123Z`: UTC, fixed width, so names sort as the moments they were taken. */
export function backupStamp(moment: Date): string {
  const iso = moment.toISOString(); // 2026-12-07T10:15:30.123Z
  return `${iso.slice(0, 10).replaceAll("-", "")}-${iso.slice(11, 19).replaceAll(":", "")}-${iso.slice(20, 23)}Z`;
}

const ROTATED_BACKUP = /^kring-\d{8}-\d{6}-\d{3}Z\.(sqlite|dump)$/;

/**
 * Removes the oldest backups in `dir` beyond the newest `keep`, never `justMade`; returns the removed
 * names. Only files named as `npm run backup` names them are counted: copies kept before a restore
 * (voor-herstel-…) and anything the operator put there stay.
 */
export function rotateBackups(dir: string, keep: number, justMade: string): string[] {
  const made = path.basename(justMade);
  const backups = readdirSync(dir)
    .filter((name) => ROTATED_BACKUP.test(name))
    .sort()
    .reverse();
  const removed = backups.slice(keep).filter((name) => name !== made);
  for (const name of removed) rmSync(path.join(dir, name), { force: true });
  return removed;
}

/** The main tables a summary counts, with their Dutch names. */
const COUNTED_TABLES = [
  ["organisations", "organisaties"],
  ["people", "personen"],
  ["bodies", "gremia"],
  ["seats", "zetels"],
  ["meetings", "vergaderingen"],
  ["survey_waves", "enquêterondes"],
  ["panel_members", "panelleden"],
  ["audit_log", "logboekregels"],
] as const;

/** What a backup holds, as the summary prints it. */
export interface BackupContents {
  file: string;
  bytes: number;
  /** the last migration applied, e.g. 0011_contains_text_trigram_indexes */
  migration: string;
  /** rows per counted table; null where the table does not exist at the backup's migration level */
  counts: Record<string, number | null>;
  pseudonymKeyInside: boolean;
}

/** The Dutch lines `npm run backup` and `npm run restore` print about a backup. */
export function describeContents(contents: BackupContents): string[] {
  const line = (label: string, value: string) => `  ${label.padEnd(18)}${value}`;
  const megabytes = (contents.bytes / (1024 * 1024)).toLocaleString("nl-NL", { maximumFractionDigits: 1 });
  return [
    line("bestand", contents.file),
    line("grootte", `${megabytes} MB`),
    line("migratie", contents.migration),
    ...COUNTED_TABLES.map(([table, name]) => {
      const n = contents.counts[table];
      return line(name, n === null || n === undefined ? "—" : n.toLocaleString("nl-NL"));
    }),
    line(
      "pseudoniemsleutel",
      contents.pseudonymKeyInside
        ? "zit erin"
        : "zit er niet in (nog niet gemaakt, of KRING_PSEUDONYM_SECRET is gezet: bewaar die apart)",
    ),
  ];
}

/** `PRAGMA integrity_check`'s verdict: null when it says ok, else its first complaints. */
function integrityProblem(sqlite: SQLite.Database): string | null {
  const rows = sqlite.pragma("integrity_check(5)") as { integrity_check: string }[];
  if (rows.length === 1 && rows[0]!.integrity_check === "ok") return null;
  return rows.map((row) => row.integrity_check).join("; ");
}

function tableExists(sqlite: SQLite.Database, table: string): boolean {
  return sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = ?").get(table) !== undefined;
}

/**
 * Checks an open copy (integrity, a Kring database, not from newer code) and reads what it holds;
 * BackupError saying what is wrong otherwise.
 */
function checkedContents(sqlite: SQLite.Database, file: string): BackupContents {
  const problem = integrityProblem(sqlite);
  if (problem) throw new BackupError(`${file} is beschadigd: de integriteitscontrole meldt ${problem}`);
  if (!tableExists(sqlite, "kysely_migration")) {
    throw new BackupError(`${file} is geen Kring-database: de tabel met migraties (kysely_migration) ontbreekt.`);
  }
  const applied = (sqlite.prepare("select name from kysely_migration order by name").all() as { name: string }[]).map(
    (row) => row.name,
  );
  const unknown = applied.filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) {
    const known = Object.keys(MIGRATIONS);
    throw new BackupError(
      `${file} komt van een nieuwere Kring: die heeft migratie ${unknown.join(", ")}, deze Kring kent tot ${known[known.length - 1]}. ` +
        "Herstel hem met die nieuwere versie.",
    );
  }
  if (applied.length === 0) throw new BackupError(`${file} is geen Kring-database: er is geen migratie toegepast.`);
  const counts: Record<string, number | null> = {};
  for (const [table] of COUNTED_TABLES) {
    counts[table] = tableExists(sqlite, table)
      ? (sqlite.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n
      : null;
  }
  const pseudonymKeyInside =
    tableExists(sqlite, "settings") &&
    sqlite.prepare("select 1 from settings where key = 'pseudonym_secret'").get() !== undefined;
  return {
    file,
    bytes: statSync(file).size,
    migration: applied[applied.length - 1]!,
    counts,
    pseudonymKeyInside,
  };
}

/** Pages per backup step: all of them, so the copy is one read transaction, one consistent moment. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the open database `source` into `file` with SQLite's backup API, as one self-contained file
 * (rollback journal, no -wal beside it), checks the copy and returns what it holds. The copy is made
 * under a temporary name and gets `file` only when the check says ok: a failed backup leaves nothing
 * that looks like a good one.
 */
async function checkedCopy(source: SQLite.Database, file: string): Promise<BackupContents> {
  const unfinished = `${file}.onvolledig`;
  rmSync(unfinished, { force: true });
  try {
    // the first step reads the page count; the second copies every page under one read lock, which
    // in WAL mode lets the server go on writing while the copy sees the moment it began
    await source.backup(unfinished, { progress: () => ALL_PAGES });
    const copy = new SQLite(unfinished, { fileMustExist: true });
    let contents: BackupContents;
    try {
      copy.pragma("journal_mode = DELETE");
      contents = checkedContents(copy, unfinished);
    } finally {
      copy.close();
    }
    renameSync(unfinished, file);
    return { ...contents, file };
  } catch (error) {
    for (const leftover of ["", "-journal", "-wal", "-shm"]) rmSync(`${unfinished}${leftover}`, { force: true });
    throw error;
  }
}

export interface BackupResult {
  contents: BackupContents;
  /** backups rotation removed */
  removed: string[];
}

/**
 * `npm run backup` on SQLite: a consistent copy of `databaseFile`, safe while Kring serves, into
 * `dir` as kring-<UTC moment>.sqlite, checked with PRAGMA integrity_check, then rotated to the newest `keep`.
 */
export async function backupSqlite(
  databaseFile: string,
  dir: string,
  options: { keep?: number; now?: Date } = {},
): Promise<BackupResult> {
  if (!existsSync(databaseFile)) throw new BackupError(`De database ${databaseFile} bestaat niet.`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `kring-${backupStamp(options.now ?? new Date())}.sqlite`);
  if (existsSync(file)) throw new BackupError(`${file} bestaat al.`);
  let source: SQLite.Database;
  try {
    source = new SQLite(databaseFile, { fileMustExist: true });
    source.pragma("busy_timeout = 5000");
  } catch (error) {
    throw new BackupError(`De database ${databaseFile} kan niet worden geopend: ${(error as Error).message}`);
  }
  try {
    const contents = await checkedCopy(source, file).catch((error: unknown) => {
      if (error instanceof BackupError) throw error;
      throw new BackupError(`Back-up van ${databaseFile} mislukt: ${(error as Error).message}`);
    });
    return { contents, removed: rotateBackups(dir, options.keep ?? DEFAULT_BACKUPS_KEPT, file) };
  } finally {
    source.close();
  }
}

/**
 * Opens a backup read-only and checks it as restore needs it (integrity, a Kring database, not from
 * newer code); BackupError otherwise. The caller closes the connection.
 */
function openCheckedBackup(file: string): { sqlite: SQLite.Database; contents: BackupContents } {
  if (!existsSync(file)) throw new BackupError(`${file} bestaat niet.`);
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} is geen leesbare SQLite-database: ${(error as Error).message}`);
  }
  try {
    return { sqlite, contents: checkedContents(sqlite, file) };
  } catch (error) {
    sqlite.close();
    if (error instanceof BackupError) throw error;
    // a damaged file often fails before the integrity check can say so: "file is not a database", "malformed"
    throw new BackupError(`${file} is beschadigd of geen SQLite-database: ${(error as Error).message}`);
  }
}

/** What restore would put in place, checked; BackupError when the file may not be restored. */
export function inspectBackup(file: string): BackupContents {
  const { sqlite, contents } = openCheckedBackup(file);
  sqlite.close();
  return contents;
}

/**
 * Refuses when another connection has the database open (a running Kring). Leaving WAL mode needs
 * the only connection: SQLite answers "database is locked" at once while any other holds it. Returns
 * the connection, in rollback-journal mode with the WAL folded into the file, for the copy kept first.
 */
function takeOverDatabase(file: string): SQLite.Database {
  const sqlite = new SQLite(file, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 0");
    sqlite.pragma("journal_mode = DELETE");
    return sqlite;
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new BackupError(
        `De database ${file} is in gebruik (draait Kring nog?). Stop de server en herstel dan opnieuw.`,
      );
    }
    throw new BackupError(`De huidige database ${file} kan niet worden geopend: ${(error as Error).message}`);
  }
}

export interface RestoreResult {
  contents: BackupContents;
  /** the copy of the database as it was before the restore, or null when there was none */
  keptCopy: string | null;
}

/**
 * `npm run restore` on SQLite, with the server stopped: checks `backupFile`, keeps a copy of the current
 * database in `dir` (voor-herstel-<moment>.sqlite), and puts the backup in place of `databaseFile`
 * through a temporary file and a rename, so a crash never leaves half a database. The caller migrates
 * it afterwards (an older backup comes up to date).
 */
export async function restoreSqlite(
  backupFile: string,
  databaseFile: string,
  dir: string,
  options: { now?: Date } = {},
): Promise<RestoreResult> {
  const { sqlite: backup, contents } = openCheckedBackup(path.resolve(backupFile));
  try {
    let keptCopy: string | null = null;
    mkdirSync(path.dirname(databaseFile), { recursive: true });
    if (existsSync(databaseFile)) {
      const current = takeOverDatabase(databaseFile);
      try {
        mkdirSync(dir, { recursive: true });
        keptCopy = path.join(dir, `voor-herstel-${backupStamp(options.now ?? new Date())}.sqlite`);
        await current.backup(keptCopy, { progress: () => ALL_PAGES });
      } finally {
        current.close();
      }
    }
    const incoming = `${databaseFile}.herstel`;
    await checkedCopy(backup, incoming);
    // the old database's WAL was folded into it by takeOverDatabase (and kept); what is left beside it is stale
    for (const stale of ["-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${stale}`, { force: true });
    renameSync(incoming, databaseFile);
    return { contents: { ...contents, file: path.resolve(backupFile) }, keptCopy };
  } finally {
    backup.close();
  }
}
