import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { DatabaseTarget, Engine } from "../../db/engine";
import { openMigratedDatabase } from "../../db/index";
import { onDatabase } from "../../db/postgres";
import { ROOT } from "./build";

/**
 * Where the tests' databases come from, on either engine. `npm test` runs on SQLite; with
 * TEST_DATABASE_URL (a PostgreSQL server, e.g. postgres://kring:kring@127.0.0.1:5432/postgres, whose
 * user may create databases) every integration and browser test runs on PostgreSQL instead.
 *
 * Each test gets a database of its own, copied from a template that the real migrations made once
 * per version of the migrations: a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL.
 */

const ADMIN_URL = process.env.TEST_DATABASE_URL?.trim() || null;
export const TEST_ENGINE: Engine = ADMIN_URL ? "postgres" : "sqlite";

/** The migrations as they are now: a template made by other migrations is not used. */
function migrationsFingerprint(): string {
  const hash = createHash("sha256");
  const folder = path.join(ROOT, "db", "migrations");
  for (const name of readdirSync(folder).sort()) hash.update(name).update(readFileSync(path.join(folder, name)));
  for (const name of ["schema-sql.ts", "migration-list.ts", "sort-name.ts", "match-keys.ts"]) {
    hash.update(readFileSync(path.join(ROOT, "db", name)));
  }
  return hash.digest("hex").slice(0, 12);
}

/**
 * Templates of other migrations are removed only once they are a day old: checkouts of branches
 * with different migrations (worktrees side by side) test at the same time without dropping each
 * other's template mid-run.
 */
const TEMPLATE_LIFETIME_MS = 24 * 60 * 60 * 1000;
const isStale = (madeAtMs: number) => Date.now() - madeAtMs > TEMPLATE_LIFETIME_MS;

let fingerprint: string | null = null;
const templateName = () => `kring_template_${(fingerprint ??= migrationsFingerprint())}`;
const sqliteTemplate = () => path.join(os.tmpdir(), "kring-test-templates", `${templateName()}.sqlite`);

let admin: pg.Pool | null = null;
function adminPool(): pg.Pool {
  admin ??= new pg.Pool({ connectionString: ADMIN_URL!, max: 2, allowExitOnIdle: true });
  return admin;
}

/** A database's URL on the test server: the admin URL with another database name. */
const urlOf = (database: string) => onDatabase(ADMIN_URL!, database);

/**
 * Makes the template when it is missing (vitest's global setup calls this before any test runs;
 * two runs at once wait for each other). Templates of older migrations are removed.
 */
let templateReady = false;
export async function ensureTemplate(): Promise<void> {
  if (templateReady) return;
  await makeTemplate();
  templateReady = true;
}

async function makeTemplate(): Promise<void> {
  const name = templateName();
  if (TEST_ENGINE === "sqlite") {
    const file = sqliteTemplate();
    if (existsSync(file)) return;
    mkdirSync(path.dirname(file), { recursive: true });
    const building = `${file}.${process.pid}.building`;
    const db = await openMigratedDatabase(building);
    await db.destroy();
    // WAL is folded back into the file on close: one file is the whole template
    renameSync(building, file);
    for (const old of readdirSync(path.dirname(file))) {
      const oldFile = path.join(path.dirname(file), old);
      if (old.endsWith(".sqlite") && old !== path.basename(file) && isStale(statSync(oldFile).mtimeMs)) {
        rmSync(oldFile, { force: true });
      }
    }
    return;
  }
  const client = await adminPool().connect();
  try {
    await client.query("select pg_advisory_lock(4242001)");
    const { rows } = await client.query<{ datname: string; made: string | null }>(
      "select datname, shobj_description(oid, 'pg_database') as made from pg_database where datname like 'kring_template_%'",
    );
    if (rows.some((row) => row.datname === name)) return;
    await client.query(`create database ${name}`);
    const db = await openMigratedDatabase({ engine: "postgres", url: urlOf(name) });
    await db.destroy();
    await client.query(`comment on database ${name} is '${Date.now()}'`);
    for (const { datname, made } of rows) {
      if (isStale(Number(made ?? 0))) await client.query(`drop database if exists ${datname} with (force)`);
    }
  } finally {
    await client.query("select pg_advisory_unlock(4242001)").catch(() => undefined);
    client.release();
  }
}

export interface FreshDatabase {
  target: DatabaseTarget;
  /** the SQLite file's folder (removed by drop), or null on PostgreSQL */
  dir: string | null;
  /** removes the database: its folder, or DROP DATABASE */
  drop: () => Promise<void>;
}

let counter = 0;

/**
 * Drops a test's database, ending its connections. The server's own workers (autovacuum) may hold
 * one for a moment, and ending those takes pg_signal_backend (.ci/run grants it): tried again a
 * few times; a database that still will not go is reported and left, not a failed test.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await adminPool().query(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      if (attempt >= 5) {
        console.warn(`Testdatabase ${name} niet verwijderd: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** A database of its own on the test server, copied from `template` (null: an empty one). */
async function postgresDatabase(prefix: string, template: string | null): Promise<FreshDatabase> {
  counter += 1;
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter}`;
  await adminPool().query(`create database ${name}${template ? ` template ${template}` : ""}`);
  return { target: { engine: "postgres", url: urlOf(name) }, dir: null, drop: () => dropDatabase(name) };
}

/** A new, migrated, empty database from the template. */
export async function freshDatabase(prefix = "kring-test-"): Promise<FreshDatabase> {
  await ensureTemplate();
  if (TEST_ENGINE === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    const file = path.join(dir, "kring.sqlite");
    copyFileSync(sqliteTemplate(), file);
    return {
      target: { engine: "sqlite", file },
      dir,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  return postgresDatabase("kring_test", templateName());
}

/** A database that has never been migrated: a file not yet made, or an empty PostgreSQL database. */
export async function emptyDatabase(): Promise<FreshDatabase> {
  if (TEST_ENGINE === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kring-empty-"));
    return {
      target: { engine: "sqlite", file: path.join(dir, "kring.sqlite") },
      dir,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  return postgresDatabase("kring_empty", null);
}

/** The test server's address with other credentials or another database: for tests of refusals. */
export function postgresUrlWith(change: { password?: string; database?: string }): string {
  const url = new URL(ADMIN_URL!);
  if (change.password !== undefined) url.password = change.password;
  if (change.database !== undefined) url.pathname = `/${change.database}`;
  return url.toString();
}

/** What a server process needs to use the database: DATABASE_PATH or DATABASE_URL. */
export function databaseEnv(target: DatabaseTarget): Record<string, string> {
  return target.engine === "sqlite" ? { DATABASE_PATH: target.file } : { DATABASE_URL: target.url };
}

/** What each engine says when a row breaks a constraint, for tests that expect the database itself to refuse. */
export const REFUSED = {
  check: /CHECK constraint failed|violates check constraint/,
  unique: /UNIQUE constraint failed|duplicate key value violates unique constraint/,
  foreignKey: /FOREIGN KEY constraint failed|violates foreign key constraint/,
};
