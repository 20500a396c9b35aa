import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { pseudonymSecret } from "../../app/server/pseudonym-secret.server";
import { BackupError, backupSqlite, inspectBackup, restoreSqlite, rotateBackups } from "../../db/backup";
import { type DB, openMigratedDatabase } from "../../db/index";
import { ROOT } from "../support/build";
import { makeOrganisation, makeSector, makeUser } from "../support/db";
import { databaseEnv, freshDatabase, TEST_ENGINE } from "../support/test-database";

/**
 * `npm run backup` and `npm run restore` on real files (SQLite) and, with TEST_DATABASE_URL, with the
 * real pg_dump and pg_restore: backups taken while another process writes, refused restores, a restore
 * that brings the register and its pseudonym key back, rotation, and the commands' own output.
 */

const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const folders: string[] = [];

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kring-backup-"));
  folders.push(dir);
  return dir;
}

/** `tsx db/cli.ts …` as `npm run` runs it, with no terminal on stdin. */
function cli(args: string[], env: Record<string, string>) {
  const result = spawnSync(TSX, ["db/cli.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_PATH: undefined, DATABASE_URL: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A migrated SQLite register in a folder of its own, whatever engine the other tests use. */
async function sqliteRegister(): Promise<{ db: DB; file: string; dir: string }> {
  const dir = folder();
  const file = path.join(dir, "kring.sqlite");
  return { db: await openMigratedDatabase(file), file, dir };
}

/** Overwrites a run of bytes in the middle of a file: the pages there no longer say what they said. */
function damage(file: string) {
  const handle = openSync(file, "r+");
  try {
    writeSync(handle, Buffer.alloc(8192, 0xa5), 0, 8192, Math.floor(statSync(file).size / 2));
  } finally {
    closeSync(handle);
  }
}

const organisationNames = async (db: DB) =>
  (await db.selectFrom("organisations").select("name").orderBy("name").execute()).map((row) => row.name);

describe.runIf(TEST_ENGINE === "sqlite")("backups of the SQLite register", () => {
  it("takes a consistent backup while another process keeps committing", async () => {
    const { db, file, dir } = await sqliteRegister();
    const { user } = await makeUser(db, { role: "redacteur" });
    const sector = await makeSector(db);
    // some 12 MB, so the copy takes a while and the writer commits beside it
    await sql`
      with recursive n(i) as (select 1 union all select i + 1 from n where i < 12000)
      insert into organisations (name, sector_id, notes)
      select 'Vulling ' || i, ${sector.id}, hex(randomblob(500)) from n`.execute(db);
    await db.destroy();

    const writer: ChildProcess = spawn(
      TSX,
      ["tests/support/backup-writer.ts", file, String(user.id), String(sector.id)],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const committed: { id: number; at: number }[] = [];
    writer.stdout!.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        const [id, at] = line.split(" ").map(Number);
        committed.push({ id: id!, at: at! });
      }
    });
    const waitFor = async (rows: number) => {
      while (committed.length < rows) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    try {
      await waitFor(50);
      const began = Date.now();
      const { contents } = await backupSqlite(file, path.join(dir, "backups"));
      const ended = Date.now();
      await waitFor(committed.length + 20);
      // the writer committed while the copy was being made: the backup did not stop it
      expect(committed.filter(({ at }) => at > began && at < ended).length).toBeGreaterThan(0);

      const copy = new SQLite(contents.file, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
        const ids = new Set(
          (copy.prepare("select id from organisations where name like 'Schrijver %'").all() as { id: number }[]).map(
            (row) => row.id,
          ),
        );
        const before = committed.filter(({ at }) => at < began).map(({ id }) => id);
        expect(before.length).toBeGreaterThanOrEqual(50);
        expect(before.filter((id) => !ids.has(id))).toEqual([]);
        // each organisation and its audit entry went in together; the copy holds both or neither
        const audited = copy
          .prepare(
            "select count(*) as n from audit_log where entity = 'organisations' and cast(entity_id as integer) in (select id from organisations where name like 'Schrijver %')",
          )
          .get() as { n: number };
        expect(audited.n).toBe(ids.size);
        // and it is one moment: the writer went on after it, and those rows are not in it
        expect(ids.size).toBeLessThan(committed.length);
      } finally {
        copy.close();
      }
    } finally {
      writer.kill();
    }
  }, 60_000);

  it("restores a backup: the register and its pseudonym key come back, the database before is kept", async () => {
    const { db, file, dir } = await sqliteRegister();
    const key = await pseudonymSecret(db, { engine: "sqlite", file }, {});
    await makeOrganisation(db, { name: "Zorggroep Voor" });
    const backups = path.join(dir, "backups");
    const { contents } = await backupSqlite(file, backups);
    expect(contents.pseudonymKeyInside).toBe(true);
    expect(contents.counts.organisations).toBe(1);

    await makeOrganisation(db, { name: "Zorggroep Na" });
    await db
      .updateTable("settings")
      .set({ value: "x".repeat(64) })
      .where("key", "=", "pseudonym_secret")
      .execute();
    await db.destroy();

    const { keptCopy } = await restoreSqlite(contents.file, file, backups);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const restored = await openMigratedDatabase(file);
    try {
      expect(await organisationNames(restored)).toEqual(["Zorggroep Voor"]);
      expect(await pseudonymSecret(restored, { engine: "sqlite", file }, {})).toBe(key);
    } finally {
      await restored.destroy();
    }
    expect(path.basename(keptCopy!)).toMatch(/^voor-herstel-\d{8}-\d{6}-\d{3}Z\.sqlite$/);
    expect(inspectBackup(keptCopy!).counts.organisations).toBe(2);
  });

  it("refuses to restore a damaged file, a database that is not Kring's, and one from newer code", async () => {
    const { db, file, dir } = await sqliteRegister();
    await makeOrganisation(db, { name: "Blijft Staan" });
    await sql`insert into organisations (name, sector_id, notes)
      select 'Vulling ' || value, (select id from sectors limit 1), hex(randomblob(400))
      from json_each(json_array(${sql.raw([...Array(300).keys()].join(","))}))`.execute(db);
    await db.destroy();
    const backups = path.join(dir, "backups");

    const damaged = (await backupSqlite(file, backups, { now: new Date("2026-01-01T00:00:00Z") })).contents.file;
    damage(damaged);
    expect(() => inspectBackup(damaged)).toThrow(BackupError);
    await expect(restoreSqlite(damaged, file, backups)).rejects.toThrow(/beschadigd/);

    const foreign = path.join(dir, "ander.sqlite");
    const other = new SQLite(foreign);
    other.exec("create table notities (tekst text); insert into notities values ('hallo')");
    other.close();
    await expect(restoreSqlite(foreign, file, backups)).rejects.toThrow(/geen Kring-database/);

    const newer = (await backupSqlite(file, backups, { now: new Date("2026-01-02T00:00:00Z") })).contents.file;
    const future = new SQLite(newer);
    future.prepare("insert into kysely_migration (name, timestamp) values ('9999_toekomst', '2099-01-01')").run();
    future.close();
    await expect(restoreSqlite(newer, file, backups)).rejects.toThrow(/nieuwere Kring.*9999_toekomst/);

    // nothing was replaced, and no copy was kept for a restore that did not happen
    const db2 = await openMigratedDatabase(file);
    expect(await organisationNames(db2)).toContain("Blijft Staan");
    await db2.destroy();
    expect(readdirSync(backups).filter((name) => name.startsWith("voor-herstel"))).toEqual([]);
  });

  it("refuses to restore over a database that is in use", async () => {
    const { db, file, dir } = await sqliteRegister();
    const backup = (await backupSqlite(file, path.join(dir, "backups"))).contents.file;
    try {
      await expect(restoreSqlite(backup, file, path.join(dir, "backups"))).rejects.toThrow(/in gebruik/);
    } finally {
      await db.destroy();
    }
  });

  it("keeps the newest N backups, never the one just made, and leaves other files alone", async () => {
    const { db, file, dir } = await sqliteRegister();
    await db.destroy();
    const backups = path.join(dir, "backups");
    for (let day = 1; day <= 5; day += 1) {
      await backupSqlite(file, backups, { keep: 3, now: new Date(`2026-03-0${day}T12:00:00Z`) });
    }
    await restoreSqlite(path.join(backups, "kring-20260305-120000-000Z.sqlite"), file, backups, {
      now: new Date("2026-03-06T00:00:00Z"),
    });
    expect(readdirSync(backups).sort()).toEqual([
      "kring-20260303-120000-000Z.sqlite",
      "kring-20260304-120000-000Z.sqlite",
      "kring-20260305-120000-000Z.sqlite",
      "voor-herstel-20260306-000000-000Z.sqlite",
    ]);
    // a backup stamped before the others (a clock set back) is the one just made: it stays
    await backupSqlite(file, backups, { keep: 1, now: new Date("2026-02-01T00:00:00Z") });
    expect(readdirSync(backups).sort()).toEqual([
      "kring-20260201-000000-000Z.sqlite",
      "kring-20260305-120000-000Z.sqlite",
      "voor-herstel-20260306-000000-000Z.sqlite",
    ]);
    expect(rotateBackups(backups, 1, "kring-20260305-120000-000Z.sqlite")).toEqual([
      "kring-20260201-000000-000Z.sqlite",
    ]);
  });

  it("npm run backup prints what the backup holds; a damaged database leaves no backup and fails", async () => {
    const { db, file, dir } = await sqliteRegister();
    await pseudonymSecret(db, { engine: "sqlite", file }, {});
    await makeOrganisation(db, { name: "Huisartsen Heuvelland" });
    await db.destroy();

    const made = cli(["backup"], { DATABASE_PATH: file, KRING_BACKUP_KEEP: "2" });
    expect(made.output).toContain("gemaakt en gecontroleerd");
    expect(made.code).toBe(0);
    expect(made.output).toMatch(/organisaties\s+1\n/);
    expect(made.output).toMatch(/migratie\s+0\d{3}_/);
    expect(made.output).toMatch(/pseudoniemsleutel\s+zit erin/);
    expect(made.output).toContain("de nieuwste 2 worden bewaard");
    const [name] = readdirSync(path.join(dir, "backups"));
    expect(made.output).toContain(path.join(dir, "backups", name!));

    const elsewhere = folder();
    const bad = cli(["backup", "--dir", elsewhere], { DATABASE_PATH: file, KRING_BACKUP_KEEP: "nul" });
    expect(bad.code).toBe(1);
    expect(bad.output).toContain("KRING_BACKUP_KEEP must be a whole number");

    const { db: big, file: damagedFile } = await sqliteRegister();
    await sql`insert into organisations (name, sector_id, notes)
      select 'Vulling ' || value, ${(await makeSector(big)).id}, hex(randomblob(400))
      from json_each(json_array(${sql.raw([...Array(300).keys()].join(","))}))`.execute(big);
    await big.destroy();
    damage(damagedFile);
    const failed = cli(["backup", "--dir", elsewhere], { DATABASE_PATH: damagedFile });
    expect(failed.code).toBe(1);
    expect(failed.output).not.toMatch(/^\s+at /m);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("npm run restore asks first: without a terminal it needs --ja", async () => {
    const { db, file } = await sqliteRegister();
    await makeOrganisation(db, { name: "Eerste Stand" });
    await db.destroy();
    const backup = (await backupSqlite(file, path.join(folder(), "b"))).contents.file;
    const changed = await openMigratedDatabase(file);
    await makeOrganisation(changed, { name: "Tweede Stand" });
    await changed.destroy();

    const refused = cli(["restore", backup], { DATABASE_PATH: file });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("Stop eerst de Kring-server");
    expect(refused.output).toContain("Geef --ja mee");
    const unchanged = await openMigratedDatabase(file);
    expect(await organisationNames(unchanged)).toEqual(["Eerste Stand", "Tweede Stand"]);
    await unchanged.destroy();

    const restored = cli(["restore", backup, "--ja"], { DATABASE_PATH: file });
    expect(restored.output).toContain("Hersteld:");
    expect(restored.code).toBe(0);
    const after = await openMigratedDatabase(file);
    expect(await organisationNames(after)).toEqual(["Eerste Stand"]);
    await after.destroy();
  });
});

describe.runIf(TEST_ENGINE === "postgres")("backups of the PostgreSQL register (pg_dump)", () => {
  it("dumps, checks and restores the register with its pseudonym key", async () => {
    const fresh = await freshDatabase();
    const dir = folder();
    try {
      const db = await openMigratedDatabase(fresh.target);
      const key = await pseudonymSecret(db, fresh.target, {});
      await makeOrganisation(db, { name: "Zorggroep Voor" });
      await db.destroy();

      const made = cli(["backup", "--dir", dir], databaseEnv(fresh.target));
      expect(made.output).toContain("gemaakt en gecontroleerd");
      expect(made.code).toBe(0);
      const [dump] = readdirSync(dir);
      expect(dump).toMatch(/^kring-\d{8}-\d{6}-\d{3}Z\.dump$/);

      const changed = await openMigratedDatabase(fresh.target);
      await makeOrganisation(changed, { name: "Zorggroep Na" });
      await changed
        .updateTable("settings")
        .set({ value: "y".repeat(64) })
        .execute();
      await changed.destroy();

      const restored = cli(["restore", path.join(dir, dump!), "--ja", "--dir", dir], databaseEnv(fresh.target));
      expect(restored.output).toContain("Hersteld:");
      expect(restored.code).toBe(0);
      expect(readdirSync(dir).some((name) => /^voor-herstel-.*\.dump$/.test(name))).toBe(true);
      const after = await openMigratedDatabase(fresh.target);
      try {
        expect(await organisationNames(after)).toEqual(["Zorggroep Voor"]);
        expect(await pseudonymSecret(after, fresh.target, {})).toBe(key);
      } finally {
        await after.destroy();
      }
    } finally {
      await fresh.drop();
    }
  }, 60_000);
});
