import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DatabaseStartError, type DB, migrateToLatest, openDatabase, openMigratedDatabase } from "../../db/index";
import type { Database } from "../../db/schema";
import {
  createTestDatabase,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeUser,
  type TestDatabase,
} from "../support/db";
import { REFUSED, TEST_ENGINE } from "../support/test-database";

/** Every table of db/schema.ts's Database: the compiler refuses this list when a table is added there and not here. */
const TABLES: Record<keyof Database, true> = {
  regions: true,
  subregions: true,
  sectors: true,
  organisations: true,
  organisation_subregions: true,
  organisation_regions: true,
  people: true,
  person_emails: true,
  consents: true,
  affiliations: true,
  themes: true,
  body_subregions: true,
  plan_subregions: true,
  plan_funding_markers: true,
  theme_leads: true,
  bodies: true,
  plans: true,
  seats: true,
  saved_searches: true,
  meeting_series: true,
  meetings: true,
  meeting_invitations: true,
  attendance: true,
  calendar_feeds: true,
  survey_waves: true,
  panel_members: true,
  wave_messages: true,
  mailings: true,
  mail_outbox: true,
  panel_responses: true,
  request_limits: true,
  settings: true,
  users: true,
  user_roles: true,
  sessions: true,
  login_throttle: true,
  audit_log: true,
  suppressed_addresses: true,
  merges: true,
  merge_rows: true,
  duplicate_dismissals: true,
  import_batches: true,
  import_batch_records: true,
  external_ids: true,
  interview_samples: true,
  interview_sample_members: true,
};

async function pragma<T>(db: DB, name: string): Promise<T | undefined> {
  const { rows } = await sql<Record<string, T>>`pragma ${sql.raw(name)}`.execute(db);
  const row = rows[0];
  return row ? Object.values(row)[0] : undefined;
}

describe("the database after the migrations", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(async () => {
    await test?.cleanup();
  });

  it("has a table for every table of the schema type, and no table the type does not know", async () => {
    const tables = await test.db.introspection.getTables();
    const actual = tables
      .filter((table) => !table.isView)
      .map((table) => table.name)
      // the search index lives behind db/ and app/models/search.server.ts (FTS5 and its shadow tables, or a tsvector table)
      .filter((name) => !name.startsWith("register_search"));
    expect(actual.sort()).toEqual(Object.keys(TABLES).sort());
  });

  it("records the applied migrations, so a second start applies none", async () => {
    expect(await migrateToLatest(test.db, test.target)).toEqual([]);
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(test.db);
    expect(rows.length).toBeGreaterThan(0);
  });

  it.runIf(TEST_ENGINE === "sqlite")(
    "runs with foreign keys on, WAL, synchronous NORMAL and a busy timeout",
    async () => {
      expect(await pragma<number>(test.db, "foreign_keys")).toBe(1);
      expect(await pragma<string>(test.db, "journal_mode")).toBe("wal");
      expect(await pragma<number>(test.db, "synchronous")).toBe(1);
      expect(await pragma<number>(test.db, "busy_timeout")).toBeGreaterThanOrEqual(1000);
    },
  );

  it("refuses an organisation in a sector that does not exist", async () => {
    await expect(makeOrganisation(test.db, { sector_id: 999_999 })).rejects.toThrow(REFUSED.foreignKey);
  });

  it("refuses a seat for a person that does not exist", async () => {
    const body = await makeBody(test.db);
    await expect(makeSeat(test.db, { body_id: body.id, person_id: 999_999 })).rejects.toThrow(REFUSED.foreignKey);
  });

  it("refuses a seat that ends before it starts", async () => {
    await expect(makeSeat(test.db, { start_date: "2025-03-01", end_date: "2025-02-28" })).rejects.toThrow(
      REFUSED.check,
    );
  });

  it("accepts a seat of a single day, and a vacant seat", async () => {
    const oneDay = await makeSeat(test.db, { start_date: "2025-03-01", end_date: "2025-03-01" });
    expect(oneDay.end_date).toBe("2025-03-01");
    const vacant = await makeSeat(test.db, { person_id: null });
    expect(vacant.person_id).toBeNull();
  });

  it("refuses a day that is not an ISO calendar day", async () => {
    await expect(makeSeat(test.db, { start_date: "2025-02-30" })).rejects.toThrow(REFUSED.check);
    await expect(makeSeat(test.db, { start_date: "1-3-2025" })).rejects.toThrow(REFUSED.check);
  });

  it("keeps the audit log append-only: an entry can be added, never changed or removed", async () => {
    const entry = await test.db
      .insertInto("audit_log")
      .values({ action: "update", entity: "people", entity_id: "1", before: '{"last_name":"Berg"}', after: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(
      test.db.updateTable("audit_log").set({ before: null }).where("id", "=", entry.id).execute(),
    ).rejects.toThrow(/audit_log is append-only/);
    await expect(test.db.deleteFrom("audit_log").where("id", "=", entry.id).execute()).rejects.toThrow(
      /audit_log is append-only/,
    );
    const kept = await test.db.selectFrom("audit_log").select("before").where("id", "=", entry.id).executeTakeFirst();
    expect(kept).toEqual({ before: '{"last_name":"Berg"}' });
  });

  it("refuses a second account with the same e-mail address", async () => {
    await makeUser(test.db, { role: "lezer", email: "dubbel@example.org" });
    await expect(makeUser(test.db, { role: "redacteur", email: "dubbel@example.org" })).rejects.toThrow(REFUSED.unique);
  });

  it("builds test data with the factories: unique names, sensible defaults", async () => {
    const a = await makePerson(test.db, { email: "Iemand@Example.org" });
    const b = await makePerson(test.db);
    expect(a.last_name).not.toBe(b.last_name);
    const email = await test.db
      .selectFrom("person_emails")
      .selectAll()
      .where("person_id", "=", a.id)
      .executeTakeFirst();
    expect(email).toMatchObject({ email: "iemand@example.org", is_primary: 1 });
    const { user, password } = await makeUser(test.db, { role: "beheerder" });
    expect(user.password_hash).not.toContain(password);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
  });
});

describe("a database file that is not a database", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "kring-garbage-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("stops the start with a DatabaseStartError that names the file and the cause", async () => {
    const file = path.join(dir, "kapot.sqlite");
    writeFileSync(file, "Dit is geen database, maar een boodschappenlijst.\n".repeat(200));
    const failure = await openMigratedDatabase(file).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DatabaseStartError);
    const error = failure as DatabaseStartError;
    expect(error.where).toBe(file);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a database/i);
  });

  it("is refused already by openDatabase, before any migration touches it", () => {
    const file = path.join(dir, "ook-kapot.sqlite");
    writeFileSync(file, "x".repeat(4096));
    expect(() => openDatabase(file)).toThrow(DatabaseStartError);
  });
});
