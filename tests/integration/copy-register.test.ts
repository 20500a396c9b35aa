import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergePeople } from "../../app/models/merges.server";
import {
  createImportBatch,
  getImportBatch,
  previewImportBatch,
  runImport,
  startImport,
  startImportPreview,
} from "../../app/models/imports.server";
import { searchRegister } from "../../app/models/search.server";
import { suggestMapping } from "../../app/services/import-fields";
import { readImportFile } from "../../app/services/import-file.server";
import { drawSample } from "../../app/models/interview-samples.server";
import { createWave } from "../../app/models/survey-waves.server";
import { COPIED_TABLES, copyRegister, CopyRefusedError, TABLES_REBUILT_BY_TRIGGERS } from "../../db/copy";
import { engineOf } from "../../db/engine";
import { type DB, openDatabase, openMigratedDatabase } from "../../db/index";
import { loadDemo } from "../../seeds/load";
import {
  createTestDatabase,
  makeBody,
  makeOrganisation,
  makePerson,
  makeUser,
  sessionCookieFor,
  type TestDatabase,
  defaultRegionId,
} from "../support/db";
import { frozenWave } from "../support/panels";
import { emptyDatabase, REFUSED, TEST_ENGINE } from "../support/test-database";

/**
 * `npm run db:copy`: a register moved whole into another, empty database. The source is the demo
 * network with what the demo lacks (a frozen panel, its interview sample and mailing, sessions, settings), so that
 * every table has rows and the foreign keys, self-references and guards are all exercised.
 */

/** A SQLite database of its own in a temporary folder, whatever engine the tests run on. */
async function sqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kring-copy-"));
  const db = await openMigratedDatabase(path.join(dir, "kring.sqlite"));
  return {
    db,
    target: { engine: "sqlite", file: path.join(dir, "kring.sqlite") },
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function fillRegister(db: DB) {
  await loadDemo(db);
  // parents registered long after their children: in id order, many batches apart
  const firstOrganisation = await db
    .selectFrom("organisations")
    .select("id")
    .where("parent_id", "is", null)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const foundation = await makeOrganisation(db, { name: "Stichting Buurtteams Parkstad" });
  await db
    .updateTable("organisations")
    .set({ parent_id: foundation.id })
    .where("id", "=", firstOrganisation.id)
    .execute();
  const firstBody = await db
    .selectFrom("bodies")
    .select("id")
    .where("parent_id", "is", null)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const programme = await makeBody(db, { name: "Programmaraad Gezond Ouder Worden", level: "strategisch" });
  await db.updateTable("bodies").set({ parent_id: programme.id }).where("id", "=", firstBody.id).execute();
  const { user: researcher } = await makeUser(db, { role: "onderzoeker" });
  await sessionCookieFor(db, researcher.id);
  const [lead, theme] = await Promise.all([
    db.selectFrom("people").select("id").orderBy("id").executeTakeFirstOrThrow(),
    db.selectFrom("themes").select("id").orderBy("id").executeTakeFirstOrThrow(),
  ]);
  await db
    .insertInto("theme_leads")
    .values({ theme_id: theme.id, person_id: lead.id, start_date: "2025-01-01" })
    .execute();
  const wave = await frozenWave(db, researcher, "Netwerkpeiling 2026", "2026-01-15");
  // one of the demo's deliberate duplicates merged, so the merges' bookkeeping has rows to copy
  const [ilse, duplicate] = await db
    .selectFrom("people")
    .select(["id", "version"])
    .where("last_name", "=", "Vroemen")
    .where("initials", "=", "I.")
    .orderBy("id")
    .execute();
  if (!ilse || !duplicate) throw new Error("the demo network should have Ilse Vroemen twice");
  await mergePeople(db, researcher, {
    survivorId: ilse.id,
    mergedId: duplicate.id,
    survivorVersion: ilse.version,
    mergedVersion: duplicate.version,
    fieldChoices: {},
  });
  await createWave(
    db,
    researcher,
    {
      name: "Netwerkpeiling 2027",
      year: 2027,
      reference_date: "2027-01-15",
      link_template: "https://enquete.example.org/s/{token}",
      method_notes: null,
    },
    await defaultRegionId(db),
  );
  // an imported spreadsheet: the batch, its list of what it created, an external id
  const upload = await readImportFile(
    "deelnemers.csv",
    new TextEncoder().encode(
      "Relatienummer;Achternaam;E-mail;Organisatie\nR-1;Kopieer;kopie@voorbeeld.nl;Kopieerzorg\n",
    ),
  );
  if (!upload.ok) throw new Error(upload.message);
  const batchId = await createImportBatch(
    db,
    researcher,
    "deelnemers.csv",
    upload.table,
    suggestMapping(upload.table.headers),
    await defaultRegionId(db),
  );
  const uploaded = (await getImportBatch(db, batchId))!;
  await startImportPreview(db, researcher, batchId, uploaded.version, uploaded.mapping!);
  await previewImportBatch(db, batchId);
  const importing = await startImport(db, researcher, batchId, (await getImportBatch(db, batchId))!.version);
  await runImport(db, researcher, batchId, importing, new Date(), () => undefined);
  const members = await db.selectFrom("panel_members").selectAll().where("wave_id", "=", wave.id).execute();
  const [first, second] = members;
  if (!first || !second) throw new Error("the demo network should give the frozen wave a panel");
  await db
    .updateTable("panel_members")
    .set({ excluded_at: "2026-02-01T10:00:00.000Z", excluded_by: researcher.id, exclusion_reason: "vertrokken" })
    .where("id", "=", second.id)
    .execute();
  await drawSample(db, researcher, wave.id, { size: 1, seed: 17 });
  await db
    .insertInto("wave_messages")
    .values({ wave_id: wave.id, kind: "invitation", language: "nl", subject: "Uitnodiging", body: "Beste {naam}" })
    .execute();
  const mailing = await db
    .insertInto("mailings")
    .values({
      wave_id: wave.id,
      kind: "invitation",
      start_at: "2026-02-02T08:00:00.000Z",
      messages: JSON.stringify({ nl: { subject: "Uitnodiging", body: "Beste {naam}" } }),
      link_origin: "https://kring.example.nl",
      created_by: researcher.id,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("mail_outbox")
    .values({
      mailing_id: mailing.id,
      panel_member_id: first.id,
      person_id: first.person_id,
      email: first.email,
      language: "nl",
      status: "sent",
      next_attempt_at: "2026-02-02T08:00:00.000Z",
      sent_at: "2026-02-02T08:00:01.000Z",
    })
    .execute();
  await db
    .insertInto("panel_responses")
    .values({ panel_member_id: first.id, completed_at: "2026-02-03T12:00:00.000Z", source: "qualtrics" })
    .execute();
  const body = await db.selectFrom("bodies").select("id").orderBy("id").executeTakeFirstOrThrow();
  await db
    .insertInto("calendar_feeds")
    .values({ body_id: body.id, token_hash: "0".repeat(64), token_start: "feedto", created_by: researcher.id })
    .execute();
  await db
    .insertInto("saved_searches")
    .values({
      region_id: await defaultRegionId(db),
      name: "Alle huisartsen",
      filter: JSON.stringify({ sector: "huisartsenzorg" }),
      created_by: researcher.id,
    })
    .execute();
  await db
    .insertInto("login_throttle")
    .values({ key: "account:iemand@example.org", failures: 2, blocked_until: 0, updated_at: 1_767_000_000_000 })
    .execute();
  await db
    .insertInto("request_limits")
    .values({ key: "uitschrijven:192.0.2.1", window_start: 1_767_000_000_000, count: 3 })
    .execute();
  await db
    .insertInto("settings")
    .values({ key: "pseudonym_secret", value: "s".repeat(64) })
    .execute();
  await db
    .insertInto("suppressed_addresses")
    .values({ address_hash: "a".repeat(64), suppressed_at: "2026-11-01T09:00:00.000Z" })
    .execute();
  const [one, other] = await db.selectFrom("people").select("id").orderBy("id").limit(2).execute();
  await db
    .insertInto("duplicate_dismissals")
    .values({ kind: "person", first_id: one!.id, second_id: other!.id, dismissed_by: researcher.id })
    .execute();
}

/** A table's rows in a fixed order, whatever order the engine returns them in. */
async function rowsOf(db: DB, table: string): Promise<Record<string, unknown>[]> {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
  return rows
    .map((row) => ({ row, order: JSON.stringify(row) }))
    .sort((a, b) => (a.order < b.order ? -1 : 1))
    .map(({ row }) => row);
}

async function countsOf(db: DB): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...COPIED_TABLES, ...TABLES_REBUILT_BY_TRIGGERS]) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

const nothingIn = (counts: Record<string, number>) => Object.values(counts).every((n) => n === 0);

/** Which records the search index holds: the same records, rebuilt by the target's own triggers. */
async function indexedRecords(db: DB): Promise<string[]> {
  const { rows } = await sql<{ kind: string; record_id: number }>`select kind, record_id from register_search`.execute(
    db,
  );
  return rows.map((row) => `${row.kind}:${Number(row.record_id)}`).sort();
}

async function expectSameRegister(source: DB, target: DB) {
  for (const table of COPIED_TABLES) {
    expect(await rowsOf(target, table), table).toEqual(await rowsOf(source, table));
  }
  expect(await indexedRecords(target)).toEqual(await indexedRecords(source));
}

/** Finds a person and an organisation of the register by name in the target, as in the source. */
async function expectSearchable(source: DB, target: DB) {
  const person = await source
    .selectFrom("people")
    .select(["id", "last_name"])
    .where("archived_at", "is", null)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const organisation = await source
    .selectFrom("organisations")
    .select(["id", "name"])
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const foundPeople = await searchRegister(target, person.last_name, { limit: 100 });
  expect(foundPeople).toContainEqual(expect.objectContaining({ kind: "person", id: person.id }));
  const foundOrganisations = await searchRegister(target, organisation.name, { limit: 100 });
  expect(foundOrganisations).toContainEqual(expect.objectContaining({ kind: "organisation", id: organisation.id }));
  if (engineOf(source) === engineOf(target)) {
    expect(foundPeople).toEqual(await searchRegister(source, person.last_name, { limit: 100 }));
  }
}

/** New records in the copy take ids after the copied ones (PostgreSQL's identities were moved on) and are found. */
async function expectNewRecordsContinue(target: DB) {
  const highest = async (table: "people" | "organisations" | "audit_log") =>
    (
      await target
        .selectFrom(table)
        .select((eb) => eb.fn.max("id").as("id"))
        .executeTakeFirstOrThrow()
    ).id ?? 0;
  const [lastPerson, lastOrganisation, lastEntry] = [
    await highest("people"),
    await highest("organisations"),
    await highest("audit_log"),
  ];
  const person = await makePerson(target, { first_name: "Nieuwkomer", last_name: "Zwanenburg" });
  const organisation = await makeOrganisation(target, { name: "Stichting Na De Kopie" });
  const entry = await target
    .insertInto("audit_log")
    .values({ action: "create", entity: "people", entity_id: String(person.id) })
    .returning("id")
    .executeTakeFirstOrThrow();
  expect(person.id).toBeGreaterThan(lastPerson);
  expect(organisation.id).toBeGreaterThan(lastOrganisation);
  expect(entry.id).toBeGreaterThan(lastEntry);
  expect(await searchRegister(target, "Zwanenburg")).toContainEqual(
    expect.objectContaining({ kind: "person", id: person.id }),
  );
}

/**
 * A row the target's checks refuse, late in the copy's order (after people, organisations and
 * users): the source must be made to hold it behind its own check's back.
 */
async function insertRowTheTargetRefuses(db: DB) {
  if (engineOf(db) === "postgres") {
    const { rows } = await sql<{ conname: string }>`
      select conname from pg_constraint where conrelid = 'saved_searches'::regclass and contype = 'c'`.execute(db);
    for (const { conname } of rows) {
      await sql`alter table saved_searches drop constraint ${sql.id(conname)}`.execute(db);
    }
  } else {
    await sql`pragma ignore_check_constraints = on`.execute(db);
  }
  await db
    .insertInto("saved_searches")
    .values({ region_id: await defaultRegionId(db), name: "Kapot", filter: "dit is geen JSON" })
    .execute();
  if (engineOf(db) === "sqlite") await sql`pragma ignore_check_constraints = off`.execute(db);
}

let source: TestDatabase;
beforeAll(async () => {
  source = await createTestDatabase();
  await fillRegister(source.db);
}, 120_000);
afterAll(async () => {
  await source?.cleanup();
});

describe("copying a register into an empty database", () => {
  let target: TestDatabase;
  let copied: Record<string, number>;
  const lines: string[] = [];
  beforeAll(async () => {
    target = await createTestDatabase();
    // small batches, so that every table is read in several (keyset on composite and text keys too)
    copied = await copyRegister(source.db, target.db, { batchRows: 17, log: (line) => lines.push(line) });
  }, 120_000);
  afterAll(async () => {
    await target?.cleanup();
  });

  it("copies every table, each with the source's number of rows, all of them non-empty", async () => {
    const sourceCounts = await countsOf(source.db);
    const targetCounts = await countsOf(target.db);
    expect(targetCounts).toEqual(sourceCounts);
    for (const table of COPIED_TABLES) {
      expect(sourceCounts[table], `the source's ${table}`).toBeGreaterThan(0);
      expect(copied[table], table).toBe(sourceCounts[table]);
    }
    expect(Object.keys(copied)).toEqual(COPIED_TABLES);
    expect(lines).toContain("Aantallen rijen per tabel gecontroleerd: bron en doel zijn gelijk.");
  });

  it("copies every row as it is: people with their sort key, parents, the frozen wave, its panel, the audit log", async () => {
    await expectSameRegister(source.db, target.db);
    const withParent = await target.db
      .selectFrom("organisations")
      .select(["id", "parent_id"])
      .where("parent_id", "is not", null)
      .execute();
    expect(withParent.length).toBeGreaterThan(0);
    const frozen = await target.db
      .selectFrom("survey_waves")
      .selectAll()
      .where("name", "=", "Netwerkpeiling 2026")
      .executeTakeFirstOrThrow();
    expect(frozen).toMatchObject({ status: "frozen", frozen_at: expect.any(String), content_hash: expect.any(String) });
    const panel = await target.db.selectFrom("panel_members").selectAll().where("wave_id", "=", frozen.id).execute();
    expect(panel.length).toBeGreaterThan(1);
    expect(panel.filter((member) => member.excluded_at !== null)).toHaveLength(1);
    const auditInOrder = (db: DB) => db.selectFrom("audit_log").selectAll().orderBy("id").execute();
    expect(await auditInOrder(target.db)).toEqual(await auditInOrder(source.db));
  });

  it("keeps the frozen wave's guards: its panel still takes no new member", async () => {
    const frozen = await target.db
      .selectFrom("survey_waves")
      .select("id")
      .where("status", "=", "frozen")
      .executeTakeFirstOrThrow();
    const member = await target.db
      .selectFrom("panel_members")
      .selectAll()
      .where("wave_id", "=", frozen.id)
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = member;
    const person = await makePerson(target.db);
    await expect(
      target.db
        .insertInto("panel_members")
        .values({ ...copy, person_id: person.id, token: "een-ander-token" })
        .execute(),
    ).rejects.toThrow("a frozen panel gets no new members");
  });

  it("finds the copied people and organisations, and gives new records new ids", async () => {
    await expectSearchable(source.db, target.db);
    await expectNewRecordsContinue(target.db);
  });
});

describe("refusing a copy", () => {
  it("refuses a target that holds a row, even only a setting, and leaves it as it was", async () => {
    const target = await createTestDatabase();
    try {
      await target.db
        .insertInto("settings")
        .values({ key: "pseudonym_secret", value: "t".repeat(64) })
        .execute();
      const before = await countsOf(target.db);
      await expect(copyRegister(source.db, target.db)).rejects.toThrow(CopyRefusedError);
      await expect(copyRegister(source.db, target.db)).rejects.toThrow(
        "The target database is not empty (table settings has rows): a register is only copied into an empty database.",
      );
      expect(await countsOf(target.db)).toEqual(before);
    } finally {
      await target.cleanup();
    }
  });

  it("refuses a target with a table the copy does not know, so that no table is left behind unnoticed", async () => {
    const target = await createTestDatabase();
    try {
      await sql`create table project_notes (id integer primary key, note text)`.execute(target.db);
      await expect(copyRegister(source.db, target.db)).rejects.toThrow(
        "The target database's tables do not match the copy's list in db/copy.ts: it has project_notes, which the copy does not know.",
      );
    } finally {
      await target.cleanup();
    }
  });

  it("refuses a target that was never migrated", async () => {
    const empty = await emptyDatabase();
    const db = openDatabase(empty.target);
    try {
      await expect(copyRegister(source.db, db)).rejects.toThrow(
        /^The target database is not at this Kring's latest migration \(it has none, this Kring 0\d+_\w+\)/,
      );
    } finally {
      await db.destroy();
      await empty.drop();
    }
  });

  it("leaves the target empty when it refuses a row midway, and copies once the source is put right", async () => {
    const broken = await createTestDatabase();
    const target = await createTestDatabase();
    try {
      const parent = await makeOrganisation(broken.db, { name: "Moederorganisatie" });
      await makeOrganisation(broken.db, { name: "Dochterorganisatie", parent_id: parent.id });
      for (const name of ["Aarts", "Bemelmans", "Coenen"]) {
        await makePerson(broken.db, { last_name: name, email: `${name.toLowerCase()}@example.org` });
      }
      // more rows than a batch holds, read by their text key
      for (const address of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) {
        await broken.db
          .insertInto("login_throttle")
          .values({ key: `address:${address}`, failures: 1, blocked_until: 0, updated_at: 1_767_000_000_000 })
          .execute();
      }
      await insertRowTheTargetRefuses(broken.db);
      await expect(copyRegister(broken.db, target.db, { batchRows: 2 })).rejects.toThrow(REFUSED.check);
      expect(nothingIn(await countsOf(target.db))).toBe(true);

      await broken.db.deleteFrom("saved_searches").where("name", "=", "Kapot").execute();
      await copyRegister(broken.db, target.db, { batchRows: 2 });
      await expectSameRegister(broken.db, target.db);
      await expectNewRecordsContinue(target.db);
    } finally {
      await broken.cleanup();
      await target.cleanup();
    }
  });
});

describe("the copy's order of tables", () => {
  it("puts every table after the tables its foreign keys point to", async () => {
    const { rows } =
      engineOf(source.db) === "postgres"
        ? await sql<{ child: string; parent: string }>`
            select conrelid::regclass::text as child, confrelid::regclass::text as parent
            from pg_constraint where contype = 'f' and connamespace = current_schema()::regnamespace`.execute(source.db)
        : await sql<{ child: string; parent: string }>`
            select m.name as child, f."table" as parent
            from sqlite_schema m, pragma_foreign_key_list(m.name) f where m.type = 'table'`.execute(source.db);
    expect(rows.length).toBeGreaterThan(30);
    const position = (table: string) => COPIED_TABLES.indexOf(table as (typeof COPIED_TABLES)[number]);
    const outOfOrder = rows.filter(({ child, parent }) => child !== parent && !(position(parent) < position(child)));
    expect(outOfOrder).toEqual([]);
    expect(rows.every(({ child, parent }) => position(child) >= 0 && position(parent) >= 0)).toBe(true);
  });
});

describe.runIf(TEST_ENGINE === "postgres")("between SQLite and PostgreSQL", () => {
  it("moves a SQLite register into PostgreSQL", async () => {
    const sqliteSource = await sqliteDatabase();
    const target = await createTestDatabase();
    try {
      await fillRegister(sqliteSource.db);
      expect(engineOf(target.db)).toBe("postgres");
      await copyRegister(sqliteSource.db, target.db);
      expect(await countsOf(target.db)).toEqual(await countsOf(sqliteSource.db));
      await expectSameRegister(sqliteSource.db, target.db);
      await expectSearchable(sqliteSource.db, target.db);
      await expectNewRecordsContinue(target.db);
    } finally {
      await sqliteSource.cleanup();
      await target.cleanup();
    }
  }, 120_000);

  it("moves a PostgreSQL register into SQLite", async () => {
    const sqliteTarget = await sqliteDatabase();
    try {
      await copyRegister(source.db, sqliteTarget.db);
      await expectSameRegister(source.db, sqliteTarget.db);
      await expectSearchable(source.db, sqliteTarget.db);
      await expectNewRecordsContinue(sqliteTarget.db);
    } finally {
      await sqliteTarget.cleanup();
    }
  }, 120_000);

  it("leaves a PostgreSQL target empty when it refuses a SQLite row midway", async () => {
    const sqliteSource = await sqliteDatabase();
    const target = await createTestDatabase();
    try {
      await makePerson(sqliteSource.db, { last_name: "Dassen", email: "dassen@example.org" });
      await insertRowTheTargetRefuses(sqliteSource.db);
      await expect(copyRegister(sqliteSource.db, target.db)).rejects.toThrow(REFUSED.check);
      expect(nothingIn(await countsOf(target.db))).toBe(true);
    } finally {
      await sqliteSource.cleanup();
      await target.cleanup();
    }
  });
});
