import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COPIED_TABLES } from "../../db/copy";
import { engineOf } from "../../db/engine";
import type { User } from "../../db/schema";
import { suppressAddresses } from "../../app/models/address-suppression.server";
import { RegisterError } from "../../app/models/editing.server";
import {
  createImportBatch,
  failInterruptedImports,
  getImportBatch,
  previewImportBatch,
  runImport,
  startImport,
  startImportPreview,
  undoImport,
} from "../../app/models/imports.server";
import { mergeOrganisations, mergePeople } from "../../app/models/merges.server";
import { updatePerson } from "../../app/models/people.server";
import { erasePeople } from "../../app/models/person-erasure.server";
import { splitMessageKey } from "../../app/services/form-data";
import { suggestMapping } from "../../app/services/import-fields";
import { answerImportUpload } from "../../app/services/import-page.server";
import { readImportFile } from "../../app/services/import-file.server";
import {
  createTestDatabase,
  defaultRegionId,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSector,
  makeUser,
  type TestDatabase,
} from "../support/db";
import { makeAffiliation } from "../support/people";

/**
 * The import on a real database: the preview names row, column and candidates; the import is all
 * or nothing (a failure at the 300th row leaves every table as it was); an undo takes it back
 * whole, and is refused once something touched what it created.
 */

const TODAY = new Date(Date.UTC(2026, 11, 7));
let t: TestDatabase;
let user: User;
let existingPersonId: number;

const HEADER =
  "Relatienummer;Voornaam;Tussenvoegsel;Achternaam;E-mail;Organisatie;Functie;Gremium;Rol;Namens;Vanaf;Tot";

async function upload(text: string, name = "lijst.csv", regionId?: number) {
  const read = await readImportFile(name, new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.message);
  return createImportBatch(
    t.db,
    user,
    name,
    read.table,
    suggestMapping(read.table.headers),
    regionId ?? (await defaultRegionId(t.db)),
  );
}

async function previewed(text: string, regionId?: number) {
  const id = await upload(text, "lijst.csv", regionId);
  const batch = (await getImportBatch(t.db, id))!;
  await startImportPreview(t.db, user, id, batch.version, batch.mapping!);
  const preview = (await previewImportBatch(t.db, id, TODAY))!;
  return { id, preview, version: (await getImportBatch(t.db, id))!.version };
}

async function imported(text: string) {
  const { id, preview, version } = await previewed(text);
  expect(preview.errorRows, JSON.stringify(preview.rows.filter((r) => r.errors.length > 0).slice(0, 3))).toBe(0);
  const next = await startImport(t.db, user, id, version);
  const counts = await runImport(t.db, user, id, next, TODAY, () => undefined);
  return { id, counts, version: (await getImportBatch(t.db, id))!.version };
}

async function tableCounts() {
  const counts: Record<string, number> = {};
  for (const table of COPIED_TABLES) {
    const row = await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

const messages = (issues: { column: string | null; message: string }[]) =>
  issues.map((issue) => ({ column: issue.column, ...splitMessageKey(issue.message) }));

/** `n` rows of new people with a seat each, in the regiegroep, on behalf of MUMC+. */
function peopleRows(n: number, prefix: string, start = (i: number) => `01-0${1 + (i % 9)}-2025`) {
  return Array.from(
    { length: n },
    (_, i) =>
      `${prefix}-${i};Anna;van;${prefix} ${i};${prefix}.${i}@voorbeeld.nl;MUMC+;adviseur;Regiegroep;lid;;${start(i)};`,
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  ({ user } = await makeUser(t.db, { role: "redacteur" }));
  const overig = await makeSector(t.db, { code: "overig" });
  await makeOrganisation(t.db, { name: "Maastricht UMC+", short_name: "MUMC+", sector_id: overig.id });
  await makeOrganisation(t.db, { name: "GGD Zuid Limburg", sector_id: overig.id });
  await makeOrganisation(t.db, { name: "Zuyderland Medisch Centrum", short_name: "Zuyderland", sector_id: overig.id });
  await makeOrganisation(t.db, { name: "Zuyderland Zorgcentra", short_name: "Zuyderland", sector_id: overig.id });
  await makeBody(t.db, { name: "Regiegroep", abbreviation: "RG" });
  existingPersonId = (
    await makePerson(t.db, { first_name: "Bestaande", last_name: "Jansen", email: "b.jansen@voorbeeld.nl" })
  ).id;
});

afterAll(async () => {
  await t.cleanup();
});

describe("the preview", () => {
  it("names the row, the column and the problem, with the candidates of an ambiguous name", async () => {
    await t.db.transaction().execute((trx) => suppressAddresses(trx, ["gewist@voorbeeld.nl"]));
    const { preview } = await previewed(
      [
        HEADER,
        "1;Piet;;Pietersen;piet@;MUMC+;;;;;;",
        "2;Kees;;Keesen;kees@voorbeeld.nl;Zuyderland;arts;;;;;",
        "3;Joke;;Jokers;joke@voorbeeld.nl;GGD ZL;;Regiegroep;voorzitter;;31-02-2025;",
        "4;Els;;Elsen;gewist@voorbeeld.nl;;;Stuurgroep;lid;;01-01-2025;",
        "5;Bert;;Bertens;b.jansen@voorbeeld.nl;Nieuwe Stichting Zorg;;;;;;",
      ].join("\n"),
    );
    const [row2, row3, row4, row5, row6] = preview.rows;
    expect(row2!.line).toBe(2);
    expect(messages(row2!.errors)).toEqual([
      { column: "E-mail", key: "import.errors.emailInvalid", values: { value: "piet@" } },
    ]);
    expect(messages(row3!.errors)).toEqual([
      {
        column: "Organisatie",
        key: "import.errors.organisationAmbiguous",
        values: { name: "Zuyderland", candidates: "Zuyderland Medisch Centrum; Zuyderland Zorgcentra" },
      },
    ]);
    expect(messages(row4!.errors)).toEqual([
      { column: "Vanaf", key: "import.errors.dateInvalid", values: { value: "31-02-2025" } },
    ]);
    expect(row4!.links).toContainEqual(expect.objectContaining({ field: "organisation", name: "GGD Zuid Limburg" }));
    expect(messages(row5!.errors).map((e) => [e.column, e.key])).toEqual([
      ["E-mail", "import.errors.emailErased"],
      ["Gremium", "import.errors.bodyUnknown"],
    ]);
    // the erased person is not named
    expect(JSON.stringify(row5)).not.toContain("gewist@");
    expect(row6!.errors).toEqual([]);
    expect(row6!.links).toContainEqual({ field: "person", name: "Bestaande Jansen", id: existingPersonId });
    expect(messages(row6!.warnings).map((w) => w.key)).toEqual([
      "import.warnings.newOrganisation",
      "import.warnings.samePersonByEmail",
    ]);
    expect(preview.errorRows).toBe(4);
  });

  it("refuses to import while any row has an error, writing nothing", async () => {
    const before = await tableCounts();
    const { id, version } = await previewed([HEADER, "1;Piet;;Pietersen;piet@;MUMC+;;;;;;"].join("\n"));
    await expect(startImport(t.db, user, id, version)).rejects.toThrow(RegisterError);
    const after = await tableCounts();
    // the upload itself is a batch with its audit entry; nothing else
    expect({ ...after, audit_log: 0, import_batches: 0 }).toEqual({ ...before, audit_log: 0, import_batches: 0 });
  });
});

describe("linking to the register", () => {
  it("warns, without blocking, of a new person much like one working at the same organisation", async () => {
    const practice = await makeOrganisation(t.db, { name: "Huisartsenpraktijk Heuvelland" });
    const berg = await makePerson(t.db, { first_name: null, initials: "J.", infix: "van den", last_name: "Berg" });
    await makeAffiliation(t.db, { person_id: berg.id, organisation_id: practice.id, start_date: "2020-01-01" });
    const { preview } = await previewed(
      [HEADER, "R-800;Jan;v.d.;Berg;;Huisartsenpraktijk Heuvelland;;;;;;", "R-801;Karel;;Appel;;;;;;;;"].join("\n"),
    );
    expect(preview.errorRows).toBe(0);
    expect(preview.warningRows).toBe(1);
    expect(preview.creates.people).toBe(2);
    const [jan, karel] = preview.rows;
    const warning = jan!.warnings.find((issue) => issue.reasons);
    expect(messages([warning!])[0]).toMatchObject({
      key: "import.warnings.likelyDuplicate",
      values: { name: expect.stringContaining("Berg") },
    });
    expect(Number(splitMessageKey(warning!.message).values.score)).toBeGreaterThan(0);
    expect(warning!.reasons).toContain("same_organisation");
    expect(karel!.warnings).toEqual([]);
  });

  it("links a merged record's external id and old name to the survivor, never to a merged or erased record", async () => {
    const survivor = await makePerson(t.db, { last_name: "Overblijver" });
    const duplicate = await makePerson(t.db, { last_name: "Dubbel" });
    const erased = await makePerson(t.db, { last_name: "Gewist" });
    await t.db
      .insertInto("external_ids")
      .values([
        { entity: "people", entity_id: duplicate.id, source: "Relatienummer", value: "R-900" },
        { entity: "people", entity_id: erased.id, source: "Relatienummer", value: "R-901" },
      ])
      .execute();
    const version = async (table: "people" | "organisations", id: number) =>
      (await t.db.selectFrom(table).select("version").where("id", "=", id).executeTakeFirstOrThrow()).version;
    await mergePeople(t.db, user, {
      survivorId: survivor.id,
      mergedId: duplicate.id,
      survivorVersion: await version("people", survivor.id),
      mergedVersion: await version("people", duplicate.id),
      fieldChoices: {},
    });
    await erasePeople(t.db, user, [erased.id]);
    const kept = await makeOrganisation(t.db, { name: "Zorggroep Nieuw" });
    const merged = await makeOrganisation(t.db, { name: "Zorggroep Oud" });
    await mergeOrganisations(t.db, user, {
      survivorId: kept.id,
      mergedId: merged.id,
      survivorVersion: await version("organisations", kept.id),
      mergedVersion: await version("organisations", merged.id),
      fieldChoices: {},
    });

    const { preview } = await previewed(
      [
        HEADER,
        "R-900;;;Dubbel;;;;;;;;",
        "R-901;Eva;;Nieuw;;;;;;;;",
        "R-902;Piet;;Oudgediende;;Zorggroep Oud;;;;;;",
      ].join("\n"),
    );
    expect(preview.errorRows, JSON.stringify(preview.rows)).toBe(0);
    const [viaMerged, viaErased, atMerged] = preview.rows;
    expect(viaMerged!.links).toContainEqual({ field: "person", name: expect.any(String), id: survivor.id });
    expect(viaErased!.links.find((link) => link.field === "person")?.id).toBeNull();
    expect(atMerged!.links).toContainEqual({ field: "organisation", name: "Zorggroep Nieuw", id: kept.id });
  });
});

describe("the import", () => {
  it("creates organisations, people, jobs and seats, linked by name and abbreviation, with their external ids", async () => {
    const { counts } = await imported(
      [
        HEADER,
        "A1;Sanne;de;Vries;s.devries@voorbeeld.nl;MUMC+;verpleegkundige;RG;Voorzitter;GGD ZL;1-3-2025;",
        "A2;Tom;;Bakker;t.bakker@voorbeeld.nl;Huisartsen Oostelijk Zuid-Limburg;huisarts;Regiegroep;lid;;2025-03-01;31-12-2025",
        "A3;Ilse;;Maas;i.maas@voorbeeld.nl;huisartsen oostelijk zuid limburg;praktijkondersteuner;;;;;",
      ].join("\n"),
    );
    expect(counts).toEqual({ organisations: 1, people: 3, affiliations: 3, seats: 2 });
    const sanne = await t.db
      .selectFrom("people")
      .innerJoin("seats", "seats.person_id", "people.id")
      .innerJoin("organisations", "organisations.id", "seats.organisation_id")
      .select(["people.id", "seats.role", "seats.start_date", "organisations.name"])
      .where("people.last_name", "=", "Vries")
      .executeTakeFirstOrThrow();
    expect(sanne).toMatchObject({ role: "voorzitter", start_date: "2025-03-01", name: "GGD Zuid Limburg" });
    const external = await t.db
      .selectFrom("external_ids")
      .selectAll()
      .where("value", "=", "A1")
      .executeTakeFirstOrThrow();
    expect(external).toMatchObject({ entity: "people", entity_id: sanne.id, source: "Relatienummer" });
    const entries = await t.db
      .selectFrom("audit_log")
      .select("summary")
      .where("entity", "=", "people")
      .where("entity_id", "=", String(sanne.id))
      .execute();
    expect(entries).toEqual([{ summary: "imported" }]);
  });

  it("links a re-imported file to what the first import created instead of creating it again", async () => {
    const file = [HEADER, "B1;Rik;;Smit;r.smit@voorbeeld.nl;MUMC+;arts;;;;;"].join("\n");
    await imported(file);
    const again = await previewed(file.replace("r.smit@", "rik.smit@"));
    expect(again.preview.creates).toEqual({ organisations: 0, people: 0, affiliations: 0, seats: 0 });
    expect(again.preview.rows[0]!.links).toContainEqual(expect.objectContaining({ field: "person", name: "Rik Smit" }));
  });

  it("is all or nothing: a failure at the 300th row leaves every table as it was", async () => {
    const rows = peopleRows(400, "Massa", (i) => (i === 299 ? "01-01-2031" : "01-01-2025"));
    const { id, version } = await previewed([HEADER, ...rows].join("\n"));
    const postgres = engineOf(t.db) === "postgres";
    if (postgres) {
      await sql`create function import_test_fail() returns trigger language plpgsql as $$
        begin raise exception 'the 300th row fails'; end $$`.execute(t.db);
      await sql`create trigger import_test_fail before insert on seats for each row
        when (new.start_date = '2031-01-01') execute function import_test_fail()`.execute(t.db);
    } else {
      await sql`create trigger import_test_fail before insert on seats when new.start_date = '2031-01-01'
        begin select raise(abort, 'the 300th row fails'); end`.execute(t.db);
    }
    try {
      const before = await tableCounts();
      const next = await startImport(t.db, user, id, version);
      const afterStart = await tableCounts();
      await expect(runImport(t.db, user, id, next, TODAY, () => undefined)).rejects.toThrow(/300th row fails/);
      expect(await tableCounts()).toEqual(afterStart);
      // only the batch's own step (its audit entry) was written before the import's transaction
      expect({ ...afterStart, audit_log: before.audit_log }).toEqual(before);
      expect((await getImportBatch(t.db, id))!.status).toBe("previewing");
    } finally {
      await sql
        .raw(postgres ? "drop trigger import_test_fail on seats" : "drop trigger import_test_fail")
        .execute(t.db);
      if (postgres) await sql`drop function import_test_fail()`.execute(t.db);
    }
  });

  it("marks an import a killed process left behind as failed at the next start", async () => {
    const { id, version } = await previewed([HEADER, "K1;Kim;;Killen;kim@voorbeeld.nl;MUMC+;;;;;;"].join("\n"));
    await startImport(t.db, user, id, version);
    expect(await failInterruptedImports(t.db)).toBe(1);
    expect((await getImportBatch(t.db, id))!.status).toBe("failed");
  });
});

describe("undo", () => {
  it("removes everything the import created, as it was before", async () => {
    const before = await tableCounts();
    const { id, version } = await imported([HEADER, ...peopleRows(20, "Terug")].join("\n"));
    const counts = await undoImport(t.db, user, id, version);
    expect(counts).toMatchObject({ people: 20, seats: 20 });
    const after = await tableCounts();
    const unchanged = (c: Record<string, number>) => ({
      ...c,
      audit_log: 0,
      import_batches: 0,
      import_batch_records: 0,
    });
    expect(unchanged(after)).toEqual(unchanged(before));
    expect((await getImportBatch(t.db, id))!.status).toBe("undone");
  });

  it("is refused, naming the record, once a record it created changed since", async () => {
    const { id, version } = await imported([HEADER, "U1;Uma;;Uitgever;uma@voorbeeld.nl;MUMC+;;;;;;"].join("\n"));
    const uma = await t.db
      .selectFrom("people")
      .selectAll()
      .where("last_name", "=", "Uitgever")
      .executeTakeFirstOrThrow();
    await updatePerson(t.db, user, uma.id, uma.version, { ...uma, phone: "043-1234567" });
    const refusal = await undoImport(t.db, user, id, version).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RegisterError);
    expect(splitMessageKey((refusal as RegisterError).messageKey)).toEqual({
      key: "import.errors.undoTouched",
      values: { name: "Uma Uitgever" },
    });
    expect((refusal as RegisterError).link?.href).toBe(`/personen/${uma.id}`);
    expect(await t.db.selectFrom("people").select("id").where("id", "=", uma.id).executeTakeFirst()).toBeDefined();
  });

  it("is refused when a later seat refers to an organisation it created", async () => {
    const { id, version } = await imported(
      [HEADER, "V1;Vera;;Verder;vera@voorbeeld.nl;Zorgnetwerk Later;;;;;;"].join("\n"),
    );
    const organisation = await t.db
      .selectFrom("organisations")
      .select("id")
      .where("name", "=", "Zorgnetwerk Later")
      .executeTakeFirstOrThrow();
    const body = await makeBody(t.db);
    await t.db
      .insertInto("seats")
      .values({
        body_id: body.id,
        person_id: existingPersonId,
        role: "lid",
        organisation_id: organisation.id,
        start_date: "2026-01-01",
        end_date: null,
        note: null,
      })
      .execute();
    await expect(undoImport(t.db, user, id, version)).rejects.toMatchObject({
      messageKey: "import.errors.undoTouched?name=Zorgnetwerk+Later",
    });
  });

  it("is refused when a later consent or a later part refers to what it created", async () => {
    const { id, version } = await imported(
      [HEADER, "W1;Wim;;Wachter;wim@voorbeeld.nl;Zorgnetwerk Wacht;;;;;;"].join("\n"),
    );
    const wim = await t.db
      .selectFrom("people")
      .select("id")
      .where("last_name", "=", "Wachter")
      .executeTakeFirstOrThrow();
    const consent = await t.db
      .insertInto("consents")
      .values({ person_id: wim.id, purpose: "research", status: "withdrawn", recorded_on: "2026-12-01", source: null })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(undoImport(t.db, user, id, version)).rejects.toMatchObject({
      messageKey: "import.errors.undoTouched?name=Wim+Wachter",
    });

    await t.db.deleteFrom("consents").where("id", "=", consent.id).execute();
    const parent = await t.db
      .selectFrom("organisations")
      .select("id")
      .where("name", "=", "Zorgnetwerk Wacht")
      .executeTakeFirstOrThrow();
    const sector = await t.db.selectFrom("sectors").select("id").executeTakeFirstOrThrow();
    await t.db
      .insertInto("organisations")
      .values({ name: "Wachtpost Noord", sector_id: sector.id, parent_id: parent.id })
      .execute();
    await expect(undoImport(t.db, user, id, version)).rejects.toMatchObject({
      messageKey: "import.errors.undoTouched?name=Zorgnetwerk+Wacht",
    });
  });
});

describe("bodies named in an upload", () => {
  it("are linked within the region chosen on upload; another region's body of that name is not", async () => {
    const zuid = await defaultRegionId(t.db);
    const noord = (
      await t.db
        .insertInto("regions")
        .values({ code: "noord-midden-limburg", name: "Noord- en Midden-Limburg" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const zuidelijke = await makeBody(t.db, { name: "Stuurgroep", region_id: zuid });
    const noordelijke = await makeBody(t.db, { name: "Stuurgroep", region_id: noord });
    await makeBody(t.db, { name: "Regionaal Zorgoverleg Noord", region_id: noord });
    const text = [
      HEADER,
      ";Anna;;Aarts;anna@voorbeeld.nl;;;Stuurgroep;lid;;01-01-2025;",
      "1;Bart;;Beek;bart@voorbeeld.nl;;;Regionaal Zorgoverleg Noord;lid;;01-01-2025;",
    ].join("\n");
    const bodyLinks = (rows: { links: { field: string; id: number | null }[] }[]) =>
      rows.map((row) => row.links.filter((link) => link.field === "body").map((link) => link.id));

    const inZuid = (await previewed(text)).preview;
    expect(bodyLinks(inZuid.rows)).toEqual([[zuidelijke.id], []]);
    expect(messages(inZuid.rows[1]!.errors)).toContainEqual(
      expect.objectContaining({ key: "import.errors.bodyUnknown", values: { name: "Regionaal Zorgoverleg Noord" } }),
    );
    const inNoord = (await previewed(text, noord)).preview;
    expect(bodyLinks(inNoord.rows)[0]).toEqual([noordelijke.id]);
    expect(inNoord.rows[1]!.errors.filter((error) => error.column === "Gremium")).toEqual([]);
  });
  it("keeps the region chosen on the upload form with the batch, the first region when none is chosen", async () => {
    const other = (
      await t.db
        .insertInto("regions")
        .values({ code: "aaa", name: "Aa en Hunze" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const post = async (fields: Record<string, string>) => {
      const form = new FormData();
      form.set("file", new File([`${HEADER}\n;Anna;;Aarts;anna@voorbeeld.nl;;;;;;;`], "lijst.csv"));
      for (const [name, value] of Object.entries(fields)) form.set(name, value);
      const answer = await answerImportUpload(t.db, user, form, "nl");
      const id = Number(/\/importeren\/(\d+)/.exec(answer.headers.get("Location") ?? "")![1]);
      return (await getImportBatch(t.db, id))!.regionId;
    };
    expect(await post({ region_id: String(await defaultRegionId(t.db)) })).toBe(await defaultRegionId(t.db));
    expect(await post({})).toBe(other);
  });
});

describe("organisations and the upload's region", () => {
  const regionsOf = async (organisationId: number) =>
    (
      await t.db
        .selectFrom("organisation_regions")
        .select("region_id")
        .where("organisation_id", "=", organisationId)
        .orderBy("region_id")
        .execute()
    ).map((row) => row.region_id);

  async function importedInto(regionId: number, text: string) {
    const { id, preview, version } = await previewed(text, regionId);
    expect(preview.errorRows).toBe(0);
    const next = await startImport(t.db, user, id, version);
    await runImport(t.db, user, id, next, TODAY, () => undefined);
    return { id, preview, version: (await getImportBatch(t.db, id))!.version };
  }

  it("links created organisations and those not yet there to the region, and undo takes both back", async () => {
    const zuid = await defaultRegionId(t.db);
    const noord = (
      await t.db
        .insertInto("regions")
        .values({ code: "noord-import", name: "Noord-Import" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const overig = await t.db.selectFrom("sectors").select("id").where("code", "=", "overig").executeTakeFirstOrThrow();
    const envida = await makeOrganisation(t.db, { name: "Envida", sector_id: overig.id });
    await t.db.insertInto("organisation_regions").values({ organisation_id: envida.id, region_id: zuid }).execute();
    const proteion = await makeOrganisation(t.db, { name: "Proteion", sector_id: overig.id });
    await t.db.insertInto("organisation_regions").values({ organisation_id: proteion.id, region_id: noord }).execute();
    const linksBefore = await tableCounts();

    const { id, preview, version } = await importedInto(
      noord,
      [
        HEADER,
        ";Noor;;Noorden;noor@voorbeeld.nl;Envida;adviseur;;;;;",
        ";Nico;;Noorden;nico@voorbeeld.nl;Envida;adviseur;;;;;",
        ";Pia;;Peel;pia@voorbeeld.nl;Proteion;adviseur;;;;;",
        ";Rob;;Roer;rob@voorbeeld.nl;Zorgnetwerk Roer;adviseur;;;;;",
      ].join("\n"),
    );
    // said once, on the first row naming Envida; Proteion works there already
    expect(preview.rows.map((row) => messages(row.warnings).map((warning) => warning.key))).toEqual([
      ["import.warnings.linkedToRegion"],
      [],
      [],
      ["import.warnings.newOrganisation"],
    ]);
    expect(messages(preview.rows[0]!.warnings)[0]).toEqual({
      column: "Organisatie",
      key: "import.warnings.linkedToRegion",
      values: { name: "Envida", region: "Noord-Import" },
    });
    const roer = await t.db
      .selectFrom("organisations")
      .select("id")
      .where("name", "=", "Zorgnetwerk Roer")
      .executeTakeFirstOrThrow();
    expect(await regionsOf(roer.id)).toEqual([noord]);
    expect(await regionsOf(envida.id)).toEqual([zuid, noord].sort((a, b) => a - b));
    const linkEntry = await t.db
      .selectFrom("audit_log")
      .select(["summary", "before", "after"])
      .where("entity", "=", "organisations")
      .where("entity_id", "=", String(envida.id))
      .executeTakeFirstOrThrow();
    expect(linkEntry.summary).toBe("imported");
    expect(JSON.parse(linkEntry.before!).region_ids).toEqual([zuid]);
    expect(JSON.parse(linkEntry.after!).region_ids).toEqual([zuid, noord].sort((a, b) => a - b));

    await undoImport(t.db, user, id, version);
    expect(await regionsOf(envida.id)).toEqual([zuid]);
    expect(await regionsOf(proteion.id)).toEqual([noord]);
    const after = await tableCounts();
    expect(after.organisation_regions).toBe(linksBefore.organisation_regions);
    expect(after.organisations).toBe(linksBefore.organisations);
  });

  it("refuses the undo, naming it, once an organisation it linked to the region changed since", async () => {
    const noord = (
      await t.db
        .insertInto("regions")
        .values({ code: "noord-later", name: "Noord-Later" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const overig = await t.db.selectFrom("sectors").select("id").where("code", "=", "overig").executeTakeFirstOrThrow();
    const mondriaan = await makeOrganisation(t.db, { name: "Mondriaan", sector_id: overig.id });
    const { id, version } = await importedInto(
      noord,
      [HEADER, ";Mila;;Maas;mila.maas@voorbeeld.nl;Mondriaan;;;;;;"].join("\n"),
    );
    expect(await regionsOf(mondriaan.id)).toEqual([noord]);
    await t.db
      .updateTable("organisations")
      .set((eb) => ({ phone: "043-7654321", version: eb("version", "+", 1) }))
      .where("id", "=", mondriaan.id)
      .execute();
    await expect(undoImport(t.db, user, id, version)).rejects.toMatchObject({
      messageKey: "import.errors.undoTouched?name=Mondriaan",
    });
    expect(await regionsOf(mondriaan.id)).toEqual([noord]);
  });
});
