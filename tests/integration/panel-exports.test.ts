import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pseudonymFor } from "../../app/services/panel-export-formats";
import { EMPTY_PANEL_RULES, type PanelAttributes } from "../../app/services/panel-rules-schema";
import * as exportRoute from "../../app/routes/onderzoek.$waveId_.export.$kind";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  makeSector,
  type TestDatabase,
  testContext,
  defaultRegionId,
} from "../support/db";
import { call as call_, get, signedIn as signedIn_ } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const signedIn = (role: UserRole) => signedIn_(t.db, role);
const download = (waveId: number, kind: string, cookie: string, query = "") =>
  call_(t.db, exportRoute.loader, get(`/onderzoek/${waveId}/export/${kind}${query}`, cookie), {
    waveId: String(waveId),
    kind,
  });

async function waveWithPanel(status: "draft" | "frozen") {
  const sector = await makeSector(t.db, { code: "ziekenhuis", name_nl: "Ziekenhuis" });
  const organisation = await makeOrganisation(t.db, { name: "Zuyderland", short_name: "ZL", sector_id: sector.id });
  const ayse = await makePerson(t.db, { first_name: "Ayşe", last_name: "Özdemir" });
  const gone = await makePerson(t.db, { first_name: "Weg", last_name: "Gegaan" });
  const wave = await t.db
    .insertInto("survey_waves")
    .values({
      region_id: await defaultRegionId(t.db),
      name: "Meting 2025",
      year: 2025,
      reference_date: "2025-10-01",
      link_template: "https://enquete.example.org/s/{token}",
      rules: JSON.stringify(EMPTY_PANEL_RULES),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const attributes: PanelAttributes = {
    organisationId: organisation.id,
    organisationName: "Zuyderland",
    organisationShortName: "ZL",
    sectorCode: "ziekenhuis",
    sectorName: "Ziekenhuis",
    subregions: ["Parkstad"],
    level: "strategisch",
    bodies: [{ id: 1, name: "Bestuurlijke Regiegroep", abbreviation: null, level: "strategisch", role: "lid" }],
    roles: ["lid"],
  };
  if (status === "frozen") {
    for (const [person, token, email] of [
      [ayse, "tokAyse", "ayse@example.org"],
      [gone, "tokGone", "weg@example.org"],
    ] as const) {
      await t.db
        .insertInto("panel_members")
        .values({
          wave_id: wave.id,
          person_id: person.id,
          token,
          first_name: person.first_name,
          last_name: person.last_name,
          email,
          language: "nl",
          organisation_id: organisation.id,
          sector_code: "ziekenhuis",
          level: "strategisch",
          attributes: JSON.stringify(attributes),
          reasons: "[]",
        })
        .execute();
    }
    await t.db
      .updateTable("survey_waves")
      .set({ status: "frozen", frozen_at: "2025-10-02T08:00:00.000Z", content_hash: "abc", frozen_counts: "{}" })
      .where("id", "=", wave.id)
      .execute();
    await t.db
      .updateTable("panel_members")
      .set({ excluded_at: "2025-10-05T09:00:00.000Z", exclusion_reason: "Vertrokken" })
      .where("person_id", "=", gone.id)
      .execute();
  }
  return { wave, organisation, ayse };
}

describe("downloading the exports of a frozen wave", () => {
  it("gives LimeSurvey's participant file without the members excluded later, and logs it", async () => {
    const { wave } = await waveWithPanel("frozen");
    const { cookie, user } = await signedIn("onderzoeker");
    const response = await download(wave.id, "limesurvey", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="meting-2025-limesurvey.csv"');
    const lines = (await response.text()).split("\n");
    expect(lines[0]?.startsWith("firstname,lastname,email,token,language,attribute_1 <Aanhef>")).toBe(true);
    expect(lines[1]?.startsWith("Ayşe,Özdemir,ayse@example.org,tokAyse,nl,")).toBe(true);
    expect(lines.filter((line) => line !== "")).toHaveLength(2);
    const audit = await t.db.selectFrom("audit_log").selectAll().where("entity", "=", "survey_waves").execute();
    expect(audit).toEqual([
      expect.objectContaining({
        user_id: user.id,
        entity_id: String(wave.id),
        summary: "export_limesurvey",
        after: JSON.stringify({ export: "limesurvey", rows: 1 }),
      }),
    ]);
  });

  it("gives each other file with its own content type and name, each download logged", async () => {
    const { wave, ayse } = await waveWithPanel("frozen");
    const { cookie } = await signedIn("beheerder");

    const qualtrics = await download(wave.id, "qualtrics", cookie);
    expect(await qualtrics.text()).toContain("Ayşe,Özdemir,ayse@example.org,tokAyse,NL,");

    const csv = await download(wave.id, "csv", cookie);
    expect(csv.headers.get("Content-Disposition")).toBe('attachment; filename="meting-2025-panel.csv"');
    const csvBytes = new Uint8Array(await csv.arrayBuffer());
    // the byte-order mark Excel needs (Response.text() would hide it)
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = new TextDecoder().decode(csvBytes);
    expect(csvText.startsWith("Persoon-id;")).toBe(true);
    expect(csvText).toContain("Vertrokken");

    const xlsx = await download(wave.id, "xlsx", cookie);
    expect(xlsx.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const sheet = strFromU8(unzipSync(new Uint8Array(await xlsx.arrayBuffer()))["xl/sharedStrings.xml"]!);
    expect(sheet).toContain("Özdemir");

    const pseudonymised = await (await download(wave.id, "pseudoniem", cookie)).text();
    expect(pseudonymised).toContain(pseudonymFor(testContext(t.db).pseudonymSecret, ayse.id));
    expect(pseudonymised).not.toContain("Özdemir");
    expect(pseudonymised).not.toContain("tokAyse");

    const roster = await download(wave.id, "organisaties-csv", cookie);
    expect(roster.headers.get("Content-Disposition")).toBe('attachment; filename="meting-2025-organisaties.csv"');
    expect(await roster.text()).toContain(";Zuyderland;ZL;ziekenhuis;Ziekenhuis;O");

    const labelSet = await download(wave.id, "organisaties-limesurvey", cookie);
    expect(labelSet.headers.get("Content-Disposition")).toBe('attachment; filename="meting-2025-organisaties.lsl"');
    expect(await labelSet.text()).toContain("<LimeSurveyDocType>Label set</LimeSurveyDocType>");

    const summaries = (
      await t.db.selectFrom("audit_log").select("summary").where("entity", "=", "survey_waves").orderBy("id").execute()
    ).map((row) => row.summary);
    expect(summaries).toEqual([
      "export_qualtrics",
      "export_csv",
      "export_xlsx",
      "export_pseudoniem",
      "export_organisaties_csv",
      "export_organisaties_limesurvey",
    ]);
  });

  it("gives the roster of all organisations of the chosen levels on the reference date", async () => {
    const { wave } = await waveWithPanel("frozen");
    const tactical = await makeBody(t.db, { level: "tactisch" });
    const ggd = await makeOrganisation(t.db, { name: "GGD Zuid Limburg" });
    const ended = await makeOrganisation(t.db, { name: "Gestopt" });
    await makeSeat(t.db, { body_id: tactical.id, organisation_id: ggd.id, start_date: "2025-01-01" });
    await makeSeat(t.db, {
      body_id: tactical.id,
      organisation_id: ended.id,
      start_date: "2024-01-01",
      end_date: "2025-09-30",
    });
    const { cookie } = await signedIn("redacteur");
    const text = await (await download(wave.id, "organisaties-csv", cookie, "?bron=niveaus&niveau=tactisch")).text();
    expect(text).toContain(`${ggd.id};GGD Zuid Limburg;`);
    expect(text).not.toContain("Gestopt");
    expect(text).not.toContain("Zuyderland");
  });
});

describe("who may download", () => {
  it("refuses a lezer everything and a redacteur the files with personal data", async () => {
    const { wave } = await waveWithPanel("frozen");
    const lezer = await signedIn("lezer");
    expect((await download(wave.id, "organisaties-csv", lezer.cookie)).status).toBe(403);
    expect((await download(wave.id, "limesurvey", lezer.cookie)).status).toBe(403);
    const redacteur = await signedIn("redacteur");
    expect((await download(wave.id, "pseudoniem", redacteur.cookie)).status).toBe(403);
    expect((await download(wave.id, "csv", redacteur.cookie)).status).toBe(403);
    expect((await download(wave.id, "organisaties-csv", redacteur.cookie)).status).toBe(200);
    expect(await t.db.selectFrom("audit_log").select("summary").where("entity", "=", "survey_waves").execute()).toEqual(
      [{ summary: "export_organisaties_csv" }],
    );
  });

  it("answers 404 for an unknown kind or wave", async () => {
    const { wave } = await waveWithPanel("frozen");
    const { cookie } = await signedIn("beheerder");
    expect((await download(wave.id, "spss", cookie)).status).toBe(404);
    expect((await download(wave.id + 1, "csv", cookie)).status).toBe(404);
  });
});

describe("a draft wave", () => {
  it("refuses files for a survey tool, with a clear message, and logs nothing", async () => {
    const { wave } = await waveWithPanel("draft");
    const { cookie } = await signedIn("onderzoeker");
    for (const kind of ["limesurvey", "qualtrics", "organisaties-limesurvey"]) {
      const response = await download(wave.id, kind, cookie);
      expect(response.status).toBe(409);
      expect(await response.text()).toMatch(/nog een concept/);
    }
    expect(await t.db.selectFrom("audit_log").selectAll().where("entity", "=", "survey_waves").execute()).toEqual([]);
  });

  it("marks the files for people as concept in their name and first row", async () => {
    const { wave } = await waveWithPanel("draft");
    const { cookie } = await signedIn("onderzoeker");
    const response = await download(wave.id, "csv", cookie);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="meting-2025-panel-CONCEPT.csv"');
    expect((await response.text()).startsWith('"CONCEPT — nog niet bevroren; dit panel kan nog veranderen"')).toBe(
      true,
    );
  });
});
