import { spawn } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { BackupError, backupStamp, DEFAULT_BACKUPS_KEPT, rotateBackups } from "./backup";

/**
 * Backups on PostgreSQL through its own tools: `pg_dump --format=custom` (a consistent snapshot while
 * Kring serves), checked with `pg_restore --list`, rotated like the SQLite backups; and restore with
 * `pg_restore --clean --if-exists --single-transaction`. The password travels in PGPASSWORD, not on
 * the command line, where every user of the machine could read it.
 */

export interface DumpContents {
  file: string;
  bytes: number;
  /** the entries (tables, indexes, data, …) `pg_restore --list` finds in the dump */
  entries: number;
}

/** The connection URL without its password, and the environment that carries the password instead. */
function connection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { url: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a PostgreSQL client tool; BackupError with its own words when it is missing or fails. */
function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        new BackupError(
          error.code === "ENOENT"
            ? `${tool} is niet gevonden. Installeer de PostgreSQL-clientprogramma's (Debian: apt-get install postgresql-client) en probeer het opnieuw.`
            : `${tool} kon niet starten: ${error.message}`,
        ),
      );
    });
    child.once("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new BackupError(`${tool} mislukte (code ${code}): ${stderr.trim()}`));
    });
  });
}

/** What `pg_restore --list` finds in a dump; BackupError when it cannot read it. */
export async function inspectDump(file: string): Promise<DumpContents> {
  if (!existsSync(file)) throw new BackupError(`${file} bestaat niet.`);
  const list = await run("pg_restore", ["--list", file], process.env);
  const entries = list.split("\n").filter((line) => /^\d+;/.test(line)).length;
  if (entries === 0) throw new BackupError(`${file} bevat niets om te herstellen.`);
  return { file, bytes: statSync(file).size, entries };
}

/** `npm run backup` on PostgreSQL: a dump into `dir` as kring-<UTC moment>.dump, checked, then rotated. */
export async function backupPostgres(
  url: string,
  dir: string,
  options: { keep?: number; now?: Date; name?: string } = {},
): Promise<{ contents: DumpContents; removed: string[] }> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, options.name ?? `kring-${backupStamp(options.now ?? new Date())}.dump`);
  if (existsSync(file)) throw new BackupError(`${file} bestaat al.`);
  const unfinished = `${file}.onvolledig`;
  const { url: withoutPassword, env } = connection(url);
  try {
    await run("pg_dump", ["--format=custom", "--file", unfinished, "--dbname", withoutPassword], env);
    await inspectDump(unfinished);
    renameSync(unfinished, file);
  } catch (error) {
    rmSync(unfinished, { force: true });
    throw error;
  }
  const contents = await inspectDump(file);
  const removed = options.name ? [] : rotateBackups(dir, options.keep ?? DEFAULT_BACKUPS_KEPT, file);
  return { contents, removed };
}

/**
 * `npm run restore` on PostgreSQL: keeps a dump of the database as it is (voor-herstel-<moment>.dump in
 * `dir`), then restores `file` over it in one transaction: all of it, or nothing changed.
 */
export async function restorePostgres(
  file: string,
  url: string,
  dir: string,
  options: { now?: Date } = {},
): Promise<{ contents: DumpContents; keptCopy: string }> {
  const contents = await inspectDump(path.resolve(file));
  const kept = await backupPostgres(url, dir, {
    name: `voor-herstel-${backupStamp(options.now ?? new Date())}.dump`,
  });
  const { url: withoutPassword, env } = connection(url);
  await run(
    "pg_restore",
    ["--clean", "--if-exists", "--single-transaction", "--no-owner", "--dbname", withoutPassword, contents.file],
    env,
  );
  return { contents, keptCopy: kept.contents.file };
}
