import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as exportRoute from "../../app/routes/onderzoek.$waveId_.export.$kind";
import * as previewRoute from "../../app/routes/onderzoek.$waveId_.voorbeeld";
import { PAGE_SIZE } from "../../app/services/list-params";
import { panelRulesSchema } from "../../app/services/panel-rules-schema";
import {
  createTestDatabase,
  formRequest,
  makeBody,
  makeOrganisation,
  makePerson,
  makeSeat,
  type TestDatabase,
  defaultRegionId,
} from "../support/db";
import { makeAffiliation } from "../support/people";
import { call, get, signedIn } from "../support/routes";

describe("the panel preview and freezing it", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  async function wave(name: string, referenceDate: string) {
    return t.db
      .insertInto("survey_waves")
      .values({
        region_id: await defaultRegionId(t.db),
        name,
        year: Number(referenceDate.slice(0, 4)),
        reference_date: referenceDate,
        link_template: "https://enquete.example.org/s/{token}",
        rules: JSON.stringify(panelRulesSchema.parse({ seatRules: [{ levels: ["strategisch"] }] })),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** A strategic body with a member since 2024, a member who opted out of research mail, and one joining in 2026. */
  async function register() {
    const organisation = await makeOrganisation(t.db, { name: "Zuyderland" });
    const body = await makeBody(t.db, { level: "strategisch", name: "Bestuurlijke Regiegroep" });
    const member = async (last_name: string, start_date: string) => {
      const person = await makePerson(t.db, { last_name, email: `${last_name.toLowerCase()}@example.org` });
      await makeAffiliation(t.db, { person_id: person.id, organisation_id: organisation.id });
      await makeSeat(t.db, { body_id: body.id, person_id: person.id, organisation_id: organisation.id, start_date });
      return person;
    };
    const steady = await member("Aalders", "2024-01-01");
    const optedOut = await member("Bakker", "2024-01-01");
    await t.db
      .insertInto("consents")
      .values({ person_id: optedOut.id, purpose: "research", status: "withdrawn", recorded_on: "2025-01-05" })
      .execute();
    const newcomer = await member("Claes", "2026-01-01");
    return { steady, optedOut, newcomer };
  }

  it("shows who is in, who is left out and why, before anything is stored", async () => {
    const { steady, optedOut } = await register();
    const draft = await wave("Meting 2025", "2025-10-01");
    const { cookie } = await signedIn(t.db, "onderzoeker");
    const data = await (
      await call(t.db, previewRoute.loader, get(`/onderzoek/${draft.id}/voorbeeld`, cookie), {
        waveId: String(draft.id),
      })
    ).json();
    expect(data.strata.total).toBe(1);
    expect(data.members.map((m: { personId: number }) => m.personId)).toEqual([steady.id]);
    expect(data.members[0].reasons).toEqual([
      expect.objectContaining({ rule: "seat", bodyName: "Bestuurlijke Regiegroep", role: "lid" }),
    ]);
    expect(data.excluded).toEqual([expect.objectContaining({ personId: optedOut.id, reasons: ["research_opt_out"] })]);
    expect(data.strata.strata).toEqual([expect.objectContaining({ level: "strategisch", count: 1 })]);
    expect(data.comparison).toBeNull();
    expect(await t.db.selectFrom("panel_members").select("id").execute()).toEqual([]);
  });

  it("pages the excluded people apart from the members, each list keeping its own place", async () => {
    const organisation = await makeOrganisation(t.db, { name: "Zuyderland" });
    const body = await makeBody(t.db, { level: "strategisch", name: "Bestuurlijke Regiegroep" });
    for (let n = 0; n < PAGE_SIZE + 5; n++) {
      const person = await makePerson(t.db, { last_name: `Uit ${String(n).padStart(3, "0")}` });
      await makeSeat(t.db, { body_id: body.id, person_id: person.id, organisation_id: organisation.id });
      await t.db
        .insertInto("consents")
        .values({ person_id: person.id, purpose: "research", status: "withdrawn", recorded_on: "2025-01-05" })
        .execute();
    }
    const draft = await wave("Meting 2025", "2025-10-01");
    const { cookie } = await signedIn(t.db, "onderzoeker");
    const page = async (query: string) =>
      (
        await call(t.db, previewRoute.loader, get(`/onderzoek/${draft.id}/voorbeeld${query}`, cookie), {
          waveId: String(draft.id),
        })
      ).json();
    const first = await page("");
    expect(first.excluded).toHaveLength(PAGE_SIZE);
    expect(first.excludedPage).toMatchObject({ page: 1, total: PAGE_SIZE + 5, pages: 2 });
    const second = await page("?pagina-uitgesloten=2&pagina=1");
    expect(second.excluded).toHaveLength(5);
    expect(second.excludedPage).toMatchObject({ page: 2, from: PAGE_SIZE + 1, to: PAGE_SIZE + 5 });
    expect(second.page).toMatchObject({ page: 1 });
  });

  it("freezes only after the box is ticked, then sends the preview to the frozen panel", async () => {
    await register();
    const draft = await wave("Meting 2025", "2025-10-01");
    const { cookie } = await signedIn(t.db, "onderzoeker");
    const params = { waveId: String(draft.id) };
    const unticked = await call(
      t.db,
      previewRoute.action,
      formRequest(`/onderzoek/${draft.id}/voorbeeld`, { version: String(draft.version) }, { cookie }),
      params,
    );
    expect(unticked.status).toBe(400);
    expect((await unticked.json()).errors).toEqual({ confirm: "waves.preview.confirmRequired" });

    const frozen = await call(
      t.db,
      previewRoute.action,
      formRequest(`/onderzoek/${draft.id}/voorbeeld`, { version: String(draft.version), confirm: "on" }, { cookie }),
      params,
    );
    expect(frozen.status).toBe(302);
    expect(frozen.headers.get("location")).toBe(`/onderzoek/${draft.id}?melding=bevroren`);
    expect(await t.db.selectFrom("panel_members").select("id").execute()).toHaveLength(1);
    const again = await call(t.db, previewRoute.loader, get(`/onderzoek/${draft.id}/voorbeeld`, cookie), params);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`/onderzoek/${draft.id}/panel`);
  });

  it("compares the draw with the previous wave's frozen panel: new, gone and staying", async () => {
    const { steady, newcomer, optedOut } = await register();
    const { cookie } = await signedIn(t.db, "onderzoeker");
    const first = await wave("Meting 2025", "2025-10-01");
    await call(
      t.db,
      previewRoute.action,
      formRequest(`/onderzoek/${first.id}/voorbeeld`, { version: String(first.version), confirm: "on" }, { cookie }),
      { waveId: String(first.id) },
    );
    await t.db.updateTable("seats").set({ end_date: "2026-06-30" }).where("person_id", "=", steady.id).execute();
    await t.db
      .insertInto("consents")
      .values({ person_id: optedOut.id, purpose: "research", status: "given", recorded_on: "2026-02-01" })
      .execute();

    const second = await wave("Meting 2026", "2026-10-01");
    const data = await (
      await call(t.db, previewRoute.loader, get(`/onderzoek/${second.id}/voorbeeld`, cookie), {
        waveId: String(second.id),
      })
    ).json();
    expect(data.comparison.wave).toEqual({ id: first.id, name: "Meting 2025", referenceDate: "2025-10-01" });
    expect(data.comparison.joined).toEqual({
      count: 2,
      names: ["Bakker", "Claes"].map((n) => expect.stringContaining(n)),
    });
    expect(data.comparison.left).toEqual({ count: 1, names: [expect.stringContaining("Aalders")] });
    expect(data.comparison.stayed).toBe(0);
    expect(newcomer.id).toBeGreaterThan(0);
  });

  it("exports a draft as the preview draws it, marked as a draft, and refuses it to the import tools", async () => {
    const { steady, optedOut } = await register();
    const draft = await wave("Meting 2025", "2025-10-01");
    const { cookie } = await signedIn(t.db, "onderzoeker");
    const download = (kind: string) =>
      call(t.db, exportRoute.loader, get(`/onderzoek/${draft.id}/export/${kind}`, cookie), {
        waveId: String(draft.id),
        kind,
      });
    const csv = await download("csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("CONCEPT");
    const text = await csv.text();
    expect(text.split("\n")[0]).toContain("CONCEPT");
    expect(text).toContain("aalders@example.org");
    expect(text).not.toContain("bakker@example.org");
    expect((await download("limesurvey")).status).toBe(409);
    const roster = await (await download("organisaties-csv")).text();
    expect(roster).toContain("Zuyderland");
    const logged = await t.db
      .selectFrom("audit_log")
      .select(["action", "summary"])
      .where("entity", "=", "survey_waves")
      .execute();
    expect(logged).toEqual([
      { action: "export", summary: "export_csv" },
      { action: "export", summary: "export_organisaties_csv" },
    ]);
    expect([steady.id, optedOut.id]).toHaveLength(2);
  });

  it("is closed to lezer and redacteur", async () => {
    const draft = await wave("Meting 2025", "2025-10-01");
    for (const role of ["lezer", "redacteur"] as const) {
      const { cookie } = await signedIn(t.db, role);
      const response = await call(t.db, previewRoute.loader, get(`/onderzoek/${draft.id}/voorbeeld`, cookie), {
        waveId: String(draft.id),
      });
      expect(response.status).toBe(403);
    }
  });
});
