import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWave } from "../../app/models/survey-waves.server";
import * as panelRoute from "../../app/routes/onderzoek.$waveId_.panel";
import * as compareRoute from "../../app/routes/onderzoek.vergelijken";
import * as personRoute from "../../app/routes/personen.$personId";
import { optOut } from "../../app/models/opt-outs.server";
import * as downloadRoute from "../../app/routes/onderzoek.vergelijken_.download";
import type { UserRole } from "../../db/schema";
import { createTestDatabase, formRequest, type TestDatabase, defaultRegionId } from "../support/db";
import { frozenWave, panelRegister } from "../support/panels";
import { call as call_, get, type Handler, signedIn as signedIn_ } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

const call = (handler: Handler, request: Request, params: Record<string, string> = {}) =>
  call_(t.db, handler, request, params);
const signedIn = (role: UserRole) => signedIn_(t.db, role);

type PanelPage = Awaited<ReturnType<typeof panelRoute.loader>> extends { json(): Promise<infer T> } ? T : never;
type ComparePage = Awaited<ReturnType<typeof compareRoute.loader>> extends { json(): Promise<infer T> } ? T : never;

async function panelPage(waveId: number, cookie: string, search = ""): Promise<PanelPage> {
  const response = await call(panelRoute.loader, get(`/onderzoek/${waveId}/panel${search}`, cookie), {
    waveId: String(waveId),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PanelPage;
}

async function comparePage(cookie: string, search = ""): Promise<ComparePage> {
  const response = await call(compareRoute.loader, get(`/onderzoek/vergelijken${search}`, cookie));
  expect(response.status).toBe(200);
  return (await response.json()) as ComparePage;
}

/**
 * 2024 and 2025 panels of the same register: Aalders and Bakker sit in both, Claes left the
 * adviesteam in January 2025, Dekker joined the regiegroep in March 2025.
 */
async function twoWaves() {
  const researcher = await signedIn("onderzoeker");
  const register = await panelRegister(t.db);
  const people = {
    aalders: await register.member("Aalders", { level: "strategisch", organisation: "ggd" }),
    bakker: await register.member("Bakker", { level: "tactisch", organisation: "welzijn" }),
    claes: await register.member("Claes", { level: "tactisch", organisation: "welzijn", until: "2025-01-31" }),
    dekker: await register.member("Dekker", { level: "strategisch", organisation: "ggd", from: "2025-03-01" }),
  };
  const wave2024 = await frozenWave(t.db, researcher.user, "Meting 2024", "2024-10-01");
  const wave2025 = await frozenWave(t.db, researcher.user, "Meting 2025", "2025-10-01");
  return { researcher, register, people, wave2024, wave2025 };
}

describe("the frozen panel page", () => {
  it("shows the facts for the method section, the counts per stratum and per body, and the members with their reasons", async () => {
    const { researcher, wave2025, people } = await twoWaves();
    const page = await panelPage(wave2025.id, researcher.cookie);
    expect(page.wave).toMatchObject({
      name: "Meting 2025",
      status: "frozen",
      reference_date: "2025-10-01",
      content_hash: wave2025.content_hash,
    });
    expect(page.wave.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(page.frozenByName).toBe(researcher.user.name);
    expect(page.counts?.total).toBe(3);
    expect(page.counts?.strata.map((s) => [s.level, s.sectorCode, s.subregion, s.count])).toEqual([
      ["strategisch", "ggd", "Parkstad", 2],
      ["tactisch", "welzijn", null, 1],
    ]);
    expect(page.counts?.bodies.map((b) => [b.name, b.count])).toEqual([
      ["Bestuurlijke Regiegroep", 2],
      ["Adviesteam", 1],
    ]);
    expect(page.members.page.total).toBe(3);
    expect(page.members.rows.map((m) => m.last_name)).toEqual(["Aalders", "Bakker", "Dekker"]);
    const aalders = page.members.rows[0]!;
    expect(aalders).toMatchObject({ person_id: people.aalders.id, level: "strategisch", excluded_at: null });
    expect(aalders.attributes).toMatchObject({
      organisationName: "GGD Zuid Limburg",
      sectorName: "GGD",
      subregions: ["Parkstad"],
    });
    expect(aalders.reasons).toEqual([
      expect.objectContaining({ rule: "seat", ruleIndex: 0, bodyName: "Bestuurlijke Regiegroep", role: "lid" }),
    ]);
  });

  it("pages through a large panel in the URL and filters it by name", async () => {
    const researcher = await signedIn("onderzoeker");
    const register = await panelRegister(t.db);
    for (let i = 0; i < 60; i += 1)
      await register.member(`Lid ${String(i).padStart(2, "0")}`, { level: "tactisch", organisation: "welzijn" });
    await register.member("Zuidema", { level: "strategisch", organisation: "ggd" });
    const wave = await frozenWave(t.db, researcher.user, "Grote meting", "2025-10-01");

    const first = await panelPage(wave.id, researcher.cookie);
    expect(first.members.page).toMatchObject({ total: 61, page: 1, pages: 2, from: 1, to: 50 });
    expect(first.members.rows).toHaveLength(50);
    expect(first.members.rows[0]!.last_name).toBe("Lid 00");
    const second = await panelPage(wave.id, researcher.cookie, "?pagina=2");
    expect(second.members.rows.map((m) => m.last_name)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `Lid ${50 + i}`),
      "Zuidema",
    ]);

    const found = await panelPage(wave.id, researcher.cookie, "?q=zuid");
    expect(found.members.rows.map((m) => m.last_name)).toEqual(["Zuidema"]);
    expect(found.members.page.total).toBe(1);
    const fullName = await panelPage(wave.id, researcher.cookie, `?q=${encodeURIComponent("Test Lid 07")}`);
    expect(fullName.members.rows.map((m) => m.last_name)).toEqual(["Lid 07"]);
    // % and _ are letters here, not wildcards that find everyone
    for (const wildcard of ["%", "_", "Lid _7"])
      expect(
        (await panelPage(wave.id, researcher.cookie, `?q=${encodeURIComponent(wildcard)}`)).members.page.total,
      ).toBe(0);
  });

  it("records a later exclusion through the form: reason and confirmation required, audited, refused the second time", async () => {
    const { researcher, wave2025, people } = await twoWaves();
    const params = { waveId: String(wave2025.id) };
    const url = `/onderzoek/${wave2025.id}/panel?q=bak&uitsluiten=${people.bakker.id}`;
    const post = (fields: Record<string, string>) =>
      call(panelRoute.action, formRequest(url, fields, { cookie: researcher.cookie }), params);

    const form = await panelPage(wave2025.id, researcher.cookie, `?uitsluiten=${people.bakker.id}`);
    expect(form.exclusion).toMatchObject({
      personId: people.bakker.id,
      member: { last_name: "Bakker", excluded_at: null },
    });

    const noReason = await post({ personId: String(people.bakker.id), reason: "  ", confirm: "on" });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ errors: { reason: "waves.errors.exclusionReasonRequired" } });
    const unconfirmed = await post({ personId: String(people.bakker.id), reason: "Uit het netwerk vertrokken" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.json()).toMatchObject({
      errors: { confirm: "panel.exclude.confirmRequired" },
      values: { reason: "Uit het netwerk vertrokken" },
    });
    expect(
      await t.db
        .selectFrom("panel_members")
        .select("excluded_at")
        .where("person_id", "=", people.bakker.id)
        .where("wave_id", "=", wave2025.id)
        .executeTakeFirst(),
    ).toEqual({ excluded_at: null });

    const done = await post({
      personId: String(people.bakker.id),
      reason: "Uit het netwerk vertrokken",
      confirm: "on",
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(
      `/onderzoek/${wave2025.id}/panel?q=bak&melding=uitgesloten&id=${people.bakker.id}`,
    );
    const stored = await t.db
      .selectFrom("panel_members")
      .selectAll()
      .where("person_id", "=", people.bakker.id)
      .where("wave_id", "=", wave2025.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ excluded_by: researcher.user.id, exclusion_reason: "Uit het netwerk vertrokken" });
    expect(stored.excluded_at).not.toBeNull();
    const audit = await t.db.selectFrom("audit_log").selectAll().where("entity", "=", "panel_members").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      user_id: researcher.user.id,
      entity_id: String(stored.id),
      summary: "panel_member_excluded",
    });

    const notice = await panelPage(wave2025.id, researcher.cookie, `?melding=uitgesloten&id=${people.bakker.id}`);
    expect(notice.notice).toBe("Test Bakker");
    const excludedOnly = await panelPage(wave2025.id, researcher.cookie, "?uitgesloten=1");
    expect(excludedOnly.members.rows.map((m) => [m.last_name, m.exclusion_reason, m.excluded_by_name])).toEqual([
      ["Bakker", "Uit het netwerk vertrokken", researcher.user.name],
    ]);
    expect(excludedOnly.laterExcluded).toBe(1);

    const again = await post({ personId: String(people.bakker.id), reason: "Nog eens", confirm: "on" });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ errors: { _form: "waves.errors.alreadyExcluded" } });
    expect(await t.db.selectFrom("audit_log").selectAll().where("entity", "=", "panel_members").execute()).toHaveLength(
      1,
    );
  });

  it("sends a draft wave to its preview, and answers 404 for a wave that does not exist", async () => {
    const researcher = await signedIn("onderzoeker");
    const draft = await createWave(
      t.db,
      researcher.user,
      {
        name: "Concept",
        year: 2026,
        reference_date: "2026-10-01",
        link_template: "https://enquete.example.org/s/{token}",
        method_notes: null,
      },
      await defaultRegionId(t.db),
    );
    const response = await call(panelRoute.loader, get(`/onderzoek/${draft.id}/panel`, researcher.cookie), {
      waveId: String(draft.id),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/onderzoek/${draft.id}/voorbeeld`);
    expect(
      (await call(panelRoute.loader, get("/onderzoek/999/panel", researcher.cookie), { waveId: "999" })).status,
    ).toBe(404);
  });

  it("is closed to lezers and redacteuren", async () => {
    const { wave2025, people } = await twoWaves();
    const params = { waveId: String(wave2025.id) };
    for (const role of ["lezer", "redacteur"] as const) {
      const { cookie } = await signedIn(role);
      expect((await call(panelRoute.loader, get(`/onderzoek/${wave2025.id}/panel`, cookie), params)).status).toBe(403);
      const post = formRequest(
        `/onderzoek/${wave2025.id}/panel`,
        { personId: String(people.aalders.id), reason: "x", confirm: "on" },
        { cookie },
      );
      expect((await call(panelRoute.action, post, params)).status).toBe(403);
      expect((await call(compareRoute.loader, get("/onderzoek/vergelijken", cookie))).status).toBe(403);
      expect(
        (await call(downloadRoute.loader, get("/onderzoek/vergelijken/download?formaat=csv", cookie))).status,
      ).toBe(403);
    }
    expect(
      await t.db.selectFrom("panel_members").select("excluded_at").where("excluded_at", "is not", null).execute(),
    ).toEqual([]);
  });
});

describe("comparing two waves", () => {
  it("shows who stayed, joined and left, in total and by stratum, with the names, comparing the two latest waves by default", async () => {
    const { researcher, wave2024, wave2025, people } = await twoWaves();
    const page = await comparePage(researcher.cookie);
    expect(page.chosen).toEqual({ a: wave2024.id, b: wave2025.id });
    expect(page.problem).toBeNull();
    expect(page.comparison).toMatchObject({
      a: { name: "Meting 2024", size: 3 },
      b: { name: "Meting 2025", size: 3 },
      totals: { stayed: 2, joined: 1, left: 1 },
    });
    expect(
      page.comparison?.strata.map((s) => [s.level, s.sectorCode, s.subregion, s.stayed, s.joined, s.left]),
    ).toEqual([
      ["strategisch", "ggd", "Parkstad", 1, 1, 0],
      ["tactisch", "welzijn", null, 1, 0, 1],
    ]);
    expect(page.comparison?.joined.map((p) => [p.personId, p.last_name])).toEqual([[people.dekker.id, "Dekker"]]);
    expect(page.comparison?.left.map((p) => [p.personId, p.last_name])).toEqual([[people.claes.id, "Claes"]]);

    // the other way round: what joined now left
    const reversed = await comparePage(researcher.cookie, `?a=${wave2025.id}&b=${wave2024.id}`);
    expect(reversed.comparison?.totals).toEqual({ stayed: 2, joined: 1, left: 1 });
    expect(reversed.comparison?.joined.map((p) => p.last_name)).toEqual(["Claes"]);
  });

  it("refuses to compare a wave with itself or with a draft, and says so", async () => {
    const { researcher, wave2025 } = await twoWaves();
    const draft = await createWave(
      t.db,
      researcher.user,
      {
        name: "Concept 2026",
        year: 2026,
        reference_date: "2026-10-01",
        link_template: "https://enquete.example.org/s/{token}",
        method_notes: null,
      },
      await defaultRegionId(t.db),
    );
    const self = await comparePage(researcher.cookie, `?a=${wave2025.id}&b=${wave2025.id}`);
    expect(self).toMatchObject({ comparison: null, problem: "panel.compare.errors.same" });
    const withDraft = await comparePage(researcher.cookie, `?a=${wave2025.id}&b=${draft.id}`);
    expect(withDraft).toMatchObject({ comparison: null, problem: "panel.compare.errors.draft" });
    expect(withDraft.waves.map((w) => w.name)).toEqual(["Meting 2025", "Meting 2024"]);
    const download = await call(
      downloadRoute.loader,
      get(`/onderzoek/vergelijken/download?a=${wave2025.id}&b=${wave2025.id}&formaat=csv`, researcher.cookie),
    );
    expect(download.status).toBe(400);
  });

  it("says there is nothing to compare before two waves are frozen", async () => {
    const researcher = await signedIn("onderzoeker");
    const register = await panelRegister(t.db);
    await register.member("Aalders", { level: "strategisch", organisation: "ggd" });
    await frozenWave(t.db, researcher.user, "Enige meting", "2025-10-01");
    expect(await comparePage(researcher.cookie)).toMatchObject({
      chosen: null,
      comparison: null,
      problem: "panel.compare.tooFew",
    });
  });

  it("downloads the stratum table as CSV, as the page shows it", async () => {
    const { researcher, wave2024, wave2025 } = await twoWaves();
    const response = await call(
      downloadRoute.loader,
      get(`/onderzoek/vergelijken/download?a=${wave2024.id}&b=${wave2025.id}&formaat=csv`, researcher.cookie),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toContain("Vergelijking");
    const csv = await response.text();
    expect(
      csv
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .filter(Boolean),
    ).toEqual([
      "Niveau;Sector;Subregio;Gebleven;Nieuw;Vertrokken",
      "Strategisch;GGD;Parkstad;1;1;0",
      "Tactisch;Welzijn;regio Zuid-Limburg;1;0;1",
    ]);
    const xlsx = await call(
      downloadRoute.loader,
      get(`/onderzoek/vergelijken/download?a=${wave2024.id}&b=${wave2025.id}&formaat=xlsx`, researcher.cookie),
    );
    expect(xlsx.status).toBe(200);
    expect(new Uint8Array(await xlsx.arrayBuffer()).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });
});

describe("a person's panels, on their page", () => {
  it("show a researcher each wave they were drawn into, and an opt-out of one, but not a lezer", async () => {
    const { researcher, wave2025, people } = await twoWaves();
    const member = await t.db
      .selectFrom("panel_members")
      .select("id")
      .where("wave_id", "=", wave2025.id)
      .where("person_id", "=", people.aalders.id)
      .executeTakeFirstOrThrow();
    await optOut(t.db, member.id, "survey", "afmeldlink");
    const params = { personId: String(people.aalders.id) };
    const seen = await (
      await call(personRoute.loader, get(`/personen/${people.aalders.id}`, researcher.cookie), params)
    ).json();
    expect(
      seen.panels.map((p: { wave_name: string; excluded_at: string | null }) => [p.wave_name, p.excluded_at !== null]),
    ).toEqual([
      ["Meting 2025", true],
      ["Meting 2024", false],
    ]);
    expect(seen.panels[0].exclusion_reason).toContain("afgemeld");
    const lezer = await signedIn("lezer");
    const hidden = await (
      await call(personRoute.loader, get(`/personen/${people.aalders.id}`, lezer.cookie), params)
    ).json();
    expect(hidden.panels).toBeNull();
  });
});
