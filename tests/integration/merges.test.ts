import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/index";
import type { MergedEntity, User } from "../../db/schema";
import { mergeOrganisations, mergePeople, MergeChangedError, undoMerge } from "../../app/models/merges.server";
import { drawSample, sampleSource } from "../../app/models/interview-samples.server";
import { optOut, optOutPerson } from "../../app/models/opt-outs.server";
import { verifyFrozenPanel } from "../../app/models/panel-freeze.server";
import { panelMembershipsOf } from "../../app/models/panel-members.server";
import { currentConsent, restorePerson } from "../../app/models/people.server";
import { restoreOrganisation } from "../../app/models/organisations.server";
import { erasePeople } from "../../app/models/person-erasure.server";
import { searchRegister } from "../../app/models/search.server";
import { KEPT_REFERENCES, rowText } from "../../app/services/merge-plan";
import { RegisterError } from "../../app/models/editing.server";
import {
  createTestDatabase,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeUser,
  type TestDatabase,
  defaultRegionId,
} from "../support/db";
import { makeSubregion } from "../support/organisations";
import { frozenWave } from "../support/panels";
import { makeAffiliation } from "../support/people";
import { TEST_ENGINE } from "../support/test-database";

/**
 * Merging duplicates without loss: every table with a foreign key to people or organisations (read
 * from the database's own catalogue, so a table added later is covered without touching this test)
 * holds a row for the record that goes; after the merge none points at it but the frozen panels and
 * the delivery log, and the undo gives every row back exactly.
 */

interface ForeignKey {
  table: string;
  column: string;
  references: MergedEntity;
}

async function foreignKeysToRecords(db: DB): Promise<ForeignKey[]> {
  const { rows } =
    TEST_ENGINE === "postgres"
      ? await sql<ForeignKey>`
          select kcu.table_name as "table", kcu.column_name as "column", ccu.table_name as "references"
          from information_schema.table_constraints tc
            join information_schema.key_column_usage kcu
              on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
            join information_schema.constraint_column_usage ccu
              on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
          where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()
            and ccu.table_name in ('people', 'organisations')`.execute(db)
      : await sql<ForeignKey>`
          select m.name as "table", f."from" as "column", f."table" as "references"
          from sqlite_master m join pragma_foreign_key_list(m.name) f
          where m.type = 'table' and f."table" in ('people', 'organisations')`.execute(db);
  return rows;
}

async function countPointingAt(db: DB, key: ForeignKey, id: number) {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from ${sql.table(key.table)} where ${sql.ref(key.column)} = ${id}`.execute(db);
  return Number(rows[0]!.n);
}

/** Every row of every table a merge may touch, as text, the records' own version and time left out. */
async function dump(db: DB, tables: readonly string[]) {
  const result: Record<string, string[]> = {};
  for (const table of [...new Set(tables)].sort()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    const leaveOut = table === "people" || table === "organisations" ? ["version", "updated_at", "sort_name"] : [];
    result[table] = rows.map((row) => rowText(row, leaveOut)).sort();
  }
  return result;
}

let t: TestDatabase;
let editor: User;
let survivorPerson: number;
let mergedPerson: number;
let survivorOrganisation: number;
let mergedOrganisation: number;
let waveId: number;

const version = async (table: MergedEntity, id: number) =>
  (await t.db.selectFrom(table).select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;

async function mergeInput(table: MergedEntity, survivorId: number, mergedId: number) {
  return {
    survivorId,
    mergedId,
    survivorVersion: await version(table, survivorId),
    mergedVersion: await version(table, mergedId),
    fieldChoices: {},
  };
}

async function meeting(bodyId: number | null, date: string) {
  return t.db
    .insertInto("meetings")
    .values({
      region_id: await defaultRegionId(t.db),
      body_id: bodyId,
      kind: bodyId ? "vergadering" : "brede_netwerkbijeenkomst",
      title: `Bijeenkomst ${date}`,
      date,
      status: "gehouden",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  t = await createTestDatabase();
  editor = (await makeUser(t.db, { role: "redacteur" })).user;
  const db = t.db;
  const body = await makeBody(db, { level: "tactisch" });
  const survivorOrg = await makeOrganisation(db, { name: "GGD Zuid Limburg", short_name: "GGD ZL" });
  const mergedOrg = await makeOrganisation(db, { name: "GGD Zuid-Limburg", website: "https://ggdzl.example.org" });
  survivorOrganisation = survivorOrg.id;
  mergedOrganisation = mergedOrg.id;
  const shared = await makeSubregion(db);
  const own = await makeSubregion(db);
  await db
    .insertInto("organisation_subregions")
    .values([
      { organisation_id: survivorOrganisation, subregion_id: shared.id },
      { organisation_id: mergedOrganisation, subregion_id: shared.id },
      { organisation_id: mergedOrganisation, subregion_id: own.id },
    ])
    .execute();
  const otherRegion = await db
    .insertInto("regions")
    .values({ code: "noord-midden-limburg", name: "Noord- en Midden-Limburg" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("organisation_regions")
    .values([
      { organisation_id: survivorOrganisation, region_id: shared.region_id },
      { organisation_id: mergedOrganisation, region_id: shared.region_id },
      { organisation_id: mergedOrganisation, region_id: otherRegion.id },
    ])
    .execute();
  await makeOrganisation(db, { name: "GGD Jeugd", parent_id: mergedOrganisation });
  const plan = await db
    .insertInto("plans")
    .values({ region_id: await defaultRegionId(db), name: "Gezonde school", lead_organisation_id: mergedOrganisation })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("plan_funding_markers").values({ plan_id: plan.id, marker: "iza" }).execute();
  await db
    .insertInto("saved_searches")
    .values({
      region_id: await defaultRegionId(db),
      name: "Staf GGD",
      filter: JSON.stringify({ organisationId: mergedOrganisation }),
      created_by: editor.id,
    })
    .execute();

  const survivor = await makePerson(db, {
    first_name: "Jan",
    infix: "van den",
    last_name: "Berg",
    email: "j.vandenberg@example.org",
  });
  const merged = await makePerson(db, {
    first_name: null,
    initials: "J.",
    infix: "v.d.",
    last_name: "Berg",
    phone: "043 111 22 33",
    email: "jan.berg@example.org",
  });
  survivorPerson = survivor.id;
  mergedPerson = merged.id;
  for (const [personId, organisationId] of [
    [survivorPerson, survivorOrganisation],
    [mergedPerson, mergedOrganisation],
  ] as const) {
    await makeAffiliation(db, { person_id: personId, organisation_id: organisationId, start_date: "2023-01-01" });
    await makeSeat(db, {
      body_id: body.id,
      person_id: personId,
      organisation_id: organisationId,
      start_date: "2024-01-01",
    });
  }
  const programme = await db
    .insertInto("themes")
    .values({
      region_id: await defaultRegionId(db),
      name: "Netwerksamenwerking",
      kind: "inhoudelijk",
      description: null,
      archived_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("theme_leads")
    .values({ theme_id: programme.id, person_id: mergedPerson, start_date: "2025-01-01", end_date: null })
    .execute();
  const bothThere = await meeting(body.id, "2025-03-01");
  const onlyDuplicate = await meeting(body.id, "2025-04-01");
  const event = await meeting(null, "2025-05-01");
  const other = await makePerson(db);
  await db
    .insertInto("attendance")
    .values([
      {
        meeting_id: bothThere.id,
        person_id: survivorPerson,
        status: "aanwezig",
        organisation_id: survivorOrganisation,
      },
      { meeting_id: bothThere.id, person_id: mergedPerson, status: "aanwezig", organisation_id: mergedOrganisation },
      {
        meeting_id: onlyDuplicate.id,
        person_id: mergedPerson,
        status: "aanwezig",
        organisation_id: mergedOrganisation,
      },
      { meeting_id: onlyDuplicate.id, person_id: other.id, status: "vervangen", substitute_person_id: mergedPerson },
    ])
    .execute();
  await db
    .insertInto("meeting_invitations")
    .values([
      { meeting_id: event.id, organisation_id: survivorOrganisation },
      { meeting_id: event.id, organisation_id: mergedOrganisation },
    ])
    .execute();

  const wave = await frozenWave(db, editor, "Meting 2025", "2025-06-01");
  waveId = wave.id;
  // the whole panel drawn for interviews, so the duplicate is surely in the sample
  await drawSample(db, editor, waveId, { size: (await sampleSource(db, waveId)).eligible, seed: 35 });
  const member = await db
    .selectFrom("panel_members")
    .select("id")
    .where("person_id", "=", mergedPerson)
    .executeTakeFirstOrThrow();
  const mailing = await db
    .insertInto("mailings")
    .values({
      wave_id: waveId,
      kind: "invitation",
      start_at: "2025-06-02T08:00:00.000Z",
      messages: "{}",
      link_origin: "https://kring.example.nl",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("mail_outbox")
    .values({
      mailing_id: mailing.id,
      panel_member_id: member.id,
      person_id: mergedPerson,
      email: "jan.berg@example.org",
      language: "nl",
      status: "sent",
      next_attempt_at: "2025-06-02T08:00:00.000Z",
    })
    .execute();

  // after the panel was drawn, the duplicate said no to research mail; the survivor said yes later: the no must survive
  await db
    .insertInto("consents")
    .values([
      { person_id: mergedPerson, purpose: "research", status: "withdrawn", recorded_on: "2024-02-01", source: "test" },
      { person_id: survivorPerson, purpose: "research", status: "given", recorded_on: "2025-02-01", source: "test" },
    ])
    .execute();
  // a duplicate of each duplicate, merged into it before: the chain ends at the survivor
  const third = await makePerson(db, { first_name: "Jan", last_name: "Berg" });
  await mergePeople(db, editor, await mergeInput("people", mergedPerson, third.id));
  const thirdOrg = await makeOrganisation(db, { name: "GGD ZL (oud)" });
  await mergeOrganisations(db, editor, await mergeInput("organisations", mergedOrganisation, thirdOrg.id));
}, 60_000);

afterAll(async () => {
  await t?.cleanup();
});

describe("merging a person and an organisation, and undoing both", () => {
  it("moves every row that pointed at the duplicates, keeps opt-outs and frozen panels, and undoes exactly", async () => {
    const keys = await foreignKeysToRecords(t.db);
    const idOf = (entity: MergedEntity) => (entity === "people" ? mergedPerson : mergedOrganisation);
    // the fixture must reach every such column, or the test would prove nothing about it
    for (const key of keys)
      expect(await countPointingAt(t.db, key, idOf(key.references)), key.table + "." + key.column).toBeGreaterThan(0);
    const tables = [...keys.map((key) => key.table), "people", "organisations", "saved_searches"];
    const before = await dump(t.db, tables);

    const people = await mergePeople(t.db, editor, {
      ...(await mergeInput("people", survivorPerson, mergedPerson)),
      fieldChoices: { phone: "merged" },
    });
    const organisations = await mergeOrganisations(t.db, editor, {
      ...(await mergeInput("organisations", survivorOrganisation, mergedOrganisation)),
      fieldChoices: { website: "merged" },
    });

    const kept = (key: ForeignKey) => KEPT_REFERENCES.some((k) => k.table === key.table && k.column === key.column);
    for (const key of keys) {
      const left = await countPointingAt(t.db, key, idOf(key.references));
      if (kept(key)) expect(left, `${key.table}.${key.column} keeps the frozen history`).toBeGreaterThan(0);
      else expect(left, `${key.table}.${key.column}`).toBe(0);
    }
    const survivor = await t.db
      .selectFrom("people")
      .selectAll()
      .where("id", "=", survivorPerson)
      .executeTakeFirstOrThrow();
    expect(survivor.phone).toBe("043 111 22 33");
    expect(survivor.first_name).toBe("Jan");
    const organisation = await t.db
      .selectFrom("organisations")
      .selectAll()
      .where("id", "=", survivorOrganisation)
      .executeTakeFirstOrThrow();
    expect(organisation.website).toBe("https://ggdzl.example.org");
    const gone = await t.db.selectFrom("people").selectAll().where("id", "=", mergedPerson).executeTakeFirstOrThrow();
    expect(gone.merged_into_id).toBe(survivorPerson);
    expect(gone.archived_at).not.toBeNull();
    expect((await currentConsent(t.db, survivorPerson, "research"))?.status).toBe("withdrawn");
    const emails = await t.db.selectFrom("person_emails").selectAll().where("person_id", "=", survivorPerson).execute();
    expect(emails.map((e) => [e.email, e.is_primary]).sort()).toEqual([
      ["j.vandenberg@example.org", 1],
      ["jan.berg@example.org", 0],
    ]);
    expect((await verifyFrozenPanel(t.db, waveId))?.matches).toBe(true);
    const found = await searchRegister(t.db, "berg");
    expect(found.map((r) => r.id)).not.toContain(mergedPerson);

    // the person's merge touched attendance rows the organisation's merge changed later: first that one
    await expect(undoMerge(t.db, editor, people.mergeId)).rejects.toThrow(RegisterError);
    await undoMerge(t.db, editor, organisations.mergeId);
    await undoMerge(t.db, editor, people.mergeId);
    expect(await dump(t.db, tables)).toEqual(before);
    expect((await verifyFrozenPanel(t.db, waveId))?.matches).toBe(true);
    await expect(undoMerge(t.db, editor, people.mergeId)).rejects.toThrow("merge.errors.alreadyUndone");
  });
});

describe("a merged person's place in a frozen panel", () => {
  it("belongs to the survivor: listed with them, and an opt-out through its link lands on them", async () => {
    const a = await makePerson(t.db);
    const { mergeId } = await mergePeople(t.db, editor, await mergeInput("people", a.id, mergedPerson));
    expect((await panelMembershipsOf(t.db, a.id)).map((m) => m.wave_id)).toEqual([waveId]);
    const member = await t.db
      .selectFrom("panel_members")
      .select("id")
      .where("person_id", "=", mergedPerson)
      .executeTakeFirstOrThrow();
    await optOut(t.db, member.id, "news", "afmeldlink");
    expect((await currentConsent(t.db, a.id, "news"))?.status).toBe("withdrawn");
    expect(await currentConsent(t.db, mergedPerson, "news")).toBeNull();
    // the opt-out changed the survivor since: the merge stands
    await expect(undoMerge(t.db, editor, mergeId)).rejects.toThrow("merge.errors.changedSince");

    // the survivor's own refusal of research mail stops what still waits for the duplicate's panel row
    const reminder = await t.db
      .insertInto("mailings")
      .values({
        wave_id: waveId,
        kind: "reminder1",
        start_at: "2025-06-09T08:00:00.000Z",
        messages: "{}",
        link_origin: "https://kring.example.nl",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const waiting = await t.db
      .insertInto("mail_outbox")
      .values({
        mailing_id: reminder.id,
        panel_member_id: member.id,
        person_id: mergedPerson,
        email: "jan.berg@example.org",
        language: "nl",
        next_attempt_at: "2025-06-09T08:00:00.000Z",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await optOutPerson(t.db, a.id, "research", "afmeldlink");
    const row = await t.db
      .selectFrom("mail_outbox")
      .select("status")
      .where("id", "=", waiting.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("withdrawn");
  });
});

describe("refusals", () => {
  it("refuses a merge into itself", async () => {
    await expect(mergePeople(t.db, editor, await mergeInput("people", survivorPerson, survivorPerson))).rejects.toThrow(
      "merge.errors.self",
    );
  });

  it("refuses two records changed since the page opened, naming the one that changed", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db, { last_name: "Gewijzigd" });
    const input = await mergeInput("people", a.id, b.id);
    await expect(mergePeople(t.db, editor, { ...input, mergedVersion: input.mergedVersion - 1 })).rejects.toThrow(
      /merge\.errors\.changed\?name=Test\+Gewijzigd/,
    );
    await expect(mergePeople(t.db, editor, { ...input, survivorVersion: input.survivorVersion + 1 })).rejects.toThrow(
      MergeChangedError,
    );
    expect(await version("people", b.id)).toBe(input.mergedVersion);
  });

  it("refuses an erased person and a record already merged", async () => {
    const erased = await makePerson(t.db);
    await erasePeople(t.db, editor, [erased.id]);
    await expect(mergePeople(t.db, editor, await mergeInput("people", survivorPerson, erased.id))).rejects.toThrow(
      "merge.errors.erased",
    );
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    await mergePeople(t.db, editor, await mergeInput("people", a.id, b.id));
    await expect(mergePeople(t.db, editor, await mergeInput("people", survivorPerson, b.id))).rejects.toThrow(
      "merge.errors.alreadyMerged",
    );
  });

  it("refuses to take a merged duplicate out of the archive, naming it", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db, { last_name: "Dubbel" });
    await mergePeople(t.db, editor, await mergeInput("people", a.id, b.id));
    await expect(restorePerson(t.db, editor, b.id, await version("people", b.id))).rejects.toThrow(
      /merge\.errors\.alreadyMerged\?name=Test\+Dubbel/,
    );
    const kept = await makeOrganisation(t.db, { name: "Stichting Blijft" });
    const gone = await makeOrganisation(t.db, { name: "Stichting Dubbel" });
    await mergeOrganisations(t.db, editor, await mergeInput("organisations", kept.id, gone.id));
    await expect(restoreOrganisation(t.db, editor, gone.id, null)).rejects.toThrow(
      /merge\.errors\.alreadyMerged\?name=Stichting\+Dubbel/,
    );
    const archived = await t.db
      .selectFrom("people")
      .select("archived_at")
      .where("id", "=", b.id)
      .executeTakeFirstOrThrow();
    expect(archived.archived_at).not.toBeNull();
  });

  it("refuses a parent that would lie under the survivor after the merge, naming it", async () => {
    const survivor = await makeOrganisation(t.db, { name: "Stichting Boven" });
    const between = await makeOrganisation(t.db, { name: "Afdeling Midden", parent_id: survivor.id });
    const duplicate = await makeOrganisation(t.db, { name: "Stichting Boven (dubbel)", parent_id: between.id });
    const input = await mergeInput("organisations", survivor.id, duplicate.id);
    await expect(mergeOrganisations(t.db, editor, { ...input, fieldChoices: { parent_id: "merged" } })).rejects.toThrow(
      /organisations\.errors\.parentCycle\?name=Afdeling\+Midden/,
    );
    expect(await version("organisations", duplicate.id)).toBe(input.mergedVersion);
    await mergeOrganisations(t.db, editor, input);
  });

  it("refuses to undo once the survivor changed, naming it", async () => {
    const a = await makePerson(t.db, { last_name: "Dekker" });
    const b = await makePerson(t.db, { last_name: "Decker" });
    const { mergeId } = await mergePeople(t.db, editor, await mergeInput("people", a.id, b.id));
    await t.db
      .updateTable("people")
      .set({ notes: "later", version: sql`version + 1` })
      .where("id", "=", a.id)
      .execute();
    await expect(undoMerge(t.db, editor, mergeId)).rejects.toThrow("merge.errors.changedSince");
  });

  it("forgets a merge's copies of an erased person's rows, and its undo is refused", async () => {
    const a = await makePerson(t.db, { email: "wissen-a@example.org" });
    const b = await makePerson(t.db, { email: "wissen-b@example.org" });
    const { mergeId } = await mergePeople(t.db, editor, {
      ...(await mergeInput("people", a.id, b.id)),
      fieldChoices: { last_name: "merged" },
    });
    await erasePeople(t.db, editor, [a.id]);
    const rows = await t.db.selectFrom("merge_rows").select("id").where("merge_id", "=", mergeId).execute();
    expect(rows).toEqual([]);
    const merge = await t.db.selectFrom("merges").select("fields").where("id", "=", mergeId).executeTakeFirstOrThrow();
    expect(merge.fields).toBe("{}");
    await expect(undoMerge(t.db, editor, mergeId)).rejects.toThrow("merge.errors.changedSince");
  });

  it("refuses to undo once a moved row changed", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const seat = await makeSeat(t.db, { person_id: b.id });
    const { mergeId } = await mergePeople(t.db, editor, await mergeInput("people", a.id, b.id));
    await t.db.updateTable("seats").set({ note: "later" }).where("id", "=", seat.id).execute();
    await expect(undoMerge(t.db, editor, mergeId)).rejects.toThrow("merge.errors.changedRow.seats");
  });

  it("moves the merged records' external ids to the survivors, and back on undo, leaving other kinds' alone", async () => {
    const a = await makePerson(t.db);
    const b = await makePerson(t.db);
    const x = await makeOrganisation(t.db);
    const y = await makeOrganisation(t.db);
    const ids = await t.db
      .insertInto("external_ids")
      .values([
        { entity: "people", entity_id: b.id, source: "Relatienummer", value: "P-17" },
        // an organisation's number whose id happens to be the merged person's: not the person's to move
        { entity: "organisations", entity_id: b.id, source: "Relatienummer", value: "O-17" },
        { entity: "organisations", entity_id: y.id, source: "KvK", value: "17001700" },
      ])
      .returning("id")
      .execute();
    const owners = async () =>
      (
        await t.db
          .selectFrom("external_ids")
          .select("entity_id")
          .where(
            "id",
            "in",
            ids.map((row) => row.id),
          )
          .orderBy("id")
          .execute()
      ).map((row) => row.entity_id);

    const people = await mergePeople(t.db, editor, await mergeInput("people", a.id, b.id));
    const organisations = await mergeOrganisations(t.db, editor, await mergeInput("organisations", x.id, y.id));
    expect(await owners()).toEqual([a.id, b.id, x.id]);
    await undoMerge(t.db, editor, organisations.mergeId);
    await undoMerge(t.db, editor, people.mergeId);
    expect(await owners()).toEqual([b.id, b.id, y.id]);
  });
});
