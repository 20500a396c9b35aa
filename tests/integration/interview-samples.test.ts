import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RegisterError } from "../../app/models/editing.server";
import { drawSample, getSample, samplesOfWave } from "../../app/models/interview-samples.server";
import { recordLaterExclusion } from "../../app/models/panel-freeze.server";
import { erasePeople } from "../../app/models/person-erasure.server";
import { createWave } from "../../app/models/survey-waves.server";
import * as downloadRoute from "../../app/routes/onderzoek.$waveId_.steekproeven_.$sampleId_.download";
import * as sampleRoute from "../../app/routes/onderzoek.$waveId_.steekproeven_.$sampleId";
import * as samplesRoute from "../../app/routes/onderzoek.$waveId_.steekproeven";
import { pseudonymFor } from "../../app/services/panel-export-formats";
import { createTestDatabase, formRequest, testContext, type TestDatabase, defaultRegionId } from "../support/db";
import { frozenWave, panelRegister } from "../support/panels";
import { call, get, signedIn } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

/** A frozen panel of 12: 8 strategic GGD people in Parkstad, 4 tactical welfare people. */
async function frozenPanelOf12() {
  const researcher = await signedIn(t.db, "onderzoeker");
  const register = await panelRegister(t.db);
  const people = [];
  for (let i = 0; i < 8; i++)
    people.push(await register.member(`Strateeg${i}`, { level: "strategisch", organisation: "ggd" }));
  for (let i = 0; i < 4; i++)
    people.push(await register.member(`Tacticus${i}`, { level: "tactisch", organisation: "welzijn" }));
  const wave = await frozenWave(t.db, researcher.user, "Meting 2025", "2025-10-01");
  return { researcher, people, wave };
}

const drawnIds = async (waveId: number, sampleId: number) =>
  (await getSample(t.db, waveId, sampleId))!.members.map((m) => m.personId).sort((a, b) => a - b);

describe("drawing an interview sample from a frozen panel", () => {
  it("stores the sample with its seed and strata, its members, and an audit entry", async () => {
    const { researcher, wave } = await frozenPanelOf12();
    const id = await drawSample(t.db, researcher.user, wave.id, { size: 6, seed: 4242 });
    const sample = await getSample(t.db, wave.id, id);
    expect(sample).toMatchObject({ size: 6, seed: 4242, prng: "mulberry32", population: 12, waveName: "Meting 2025" });
    expect(sample!.drawnByName).toBe(researcher.user.name);
    expect(sample!.strata.map((s) => [s.level, s.sectorCode, s.population, s.allocated])).toEqual([
      ["strategisch", "ggd", 8, 4],
      ["tactisch", "welzijn", 4, 2],
    ]);
    expect(sample!.members).toHaveLength(6);
    const audit = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "interview_samples")
      .where("entity_id", "=", String(id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", user_id: researcher.user.id });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ size: 6, seed: 4242, population: 12 });
  });

  it("draws the same people again with the same seed, as a new sample; a wave keeps several", async () => {
    const { researcher, wave } = await frozenPanelOf12();
    const first = await drawSample(t.db, researcher.user, wave.id, { size: 5, seed: 777 });
    const again = await drawSample(t.db, researcher.user, wave.id, { size: 5, seed: 777 });
    const other = await drawSample(t.db, researcher.user, wave.id, { size: 5, seed: null });
    expect(again).not.toBe(first);
    expect(await drawnIds(wave.id, again)).toEqual(await drawnIds(wave.id, first));
    expect((await samplesOfWave(t.db, wave.id)).map((s) => s.id).sort()).toEqual([first, again, other].sort());
    const chosen = (await getSample(t.db, wave.id, other))!.seed;
    expect(chosen).toBeGreaterThan(0);
  });

  it("never draws people erased or excluded after the freeze", async () => {
    const { researcher, people, wave } = await frozenPanelOf12();
    const admin = await signedIn(t.db, "beheerder");
    await erasePeople(t.db, admin.user, [people[0]!.id, people[1]!.id]);
    await recordLaterExclusion(t.db, researcher.user, wave.id, people[2]!.id, "Vertrokken");
    const id = await drawSample(t.db, researcher.user, wave.id, { size: 9, seed: 3 });
    const ids = await drawnIds(wave.id, id);
    expect(ids).toHaveLength(9);
    expect(ids).not.toContain(people[0]!.id);
    expect(ids).not.toContain(people[1]!.id);
    expect(ids).not.toContain(people[2]!.id);
    await expect(drawSample(t.db, researcher.user, wave.id, { size: 10, seed: 3 })).rejects.toThrow(RegisterError);
  });

  it("refuses a size larger than the eligible panel, and a draft wave", async () => {
    const { researcher, wave } = await frozenPanelOf12();
    const refusal = await drawSample(t.db, researcher.user, wave.id, { size: 13, seed: 1 }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(RegisterError);
    expect((refusal as RegisterError).field).toBe("size");
    const draft = await createWave(
      t.db,
      researcher.user,
      {
        name: "Concept",
        year: 2026,
        reference_date: "2026-10-01",
        link_template: "https://example.org/s?t={token}",
        method_notes: null,
      },
      await defaultRegionId(t.db),
    );
    await expect(drawSample(t.db, researcher.user, draft.id, { size: 1, seed: 1 })).rejects.toThrow(RegisterError);
    expect(await t.db.selectFrom("interview_samples").select("id").execute()).toEqual([]);
  });

  it("cannot be changed or deleted afterwards: the database refuses", async () => {
    const { researcher, wave } = await frozenPanelOf12();
    const id = await drawSample(t.db, researcher.user, wave.id, { size: 2, seed: 9 });
    await expect(
      t.db.updateTable("interview_samples").set({ seed: 10 }).where("id", "=", id).execute(),
    ).rejects.toThrow(/record of a draw/);
    await expect(t.db.deleteFrom("interview_sample_members").where("sample_id", "=", id).execute()).rejects.toThrow(
      /record of a draw/,
    );
  });
});

describe("the sample pages", () => {
  it("draws through the form and lands on the sample with its method paragraph's facts", async () => {
    const { researcher, wave } = await frozenPanelOf12();
    const params = { waveId: String(wave.id) };
    const answer = await call(
      t.db,
      samplesRoute.action,
      formRequest(`/onderzoek/${wave.id}/steekproeven`, { size: "4", seed: "" }, { cookie: researcher.cookie }),
      params,
    );
    expect(answer.status).toBe(302);
    const location = answer.headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^/onderzoek/${wave.id}/steekproeven/\\d+\\?melding=aangemaakt`));
    const sampleId = /steekproeven\/(\d+)/.exec(location)![1]!;
    const page = await call(t.db, sampleRoute.loader, get(location, researcher.cookie), { ...params, sampleId });
    const data = (await page.json()) as { sample: { size: number; members: unknown[] }; notice: string };
    expect(data.notice).toBe("aangemaakt");
    expect(data.sample.members).toHaveLength(4);
  });

  it("keeps what was typed and says why when N is larger than the panel", async () => {
    const { researcher, wave } = await frozenPanelOf12();
    const answer = await call(
      t.db,
      samplesRoute.action,
      formRequest(`/onderzoek/${wave.id}/steekproeven`, { size: "50", seed: "12" }, { cookie: researcher.cookie }),
      { waveId: String(wave.id) },
    );
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { values: Record<string, string>; errors: Record<string, string> };
    expect(body.values).toMatchObject({ size: "50", seed: "12" });
    expect(body.errors.size).toContain("samples.errors.tooLarge");
  });

  it("sends a draft wave's reader to its preview", async () => {
    const { researcher } = await frozenPanelOf12();
    const draft = await createWave(
      t.db,
      researcher.user,
      {
        name: "Concept",
        year: 2026,
        reference_date: "2026-10-01",
        link_template: "https://example.org/s?t={token}",
        method_notes: null,
      },
      await defaultRegionId(t.db),
    );
    const page = await call(t.db, samplesRoute.loader, get(`/onderzoek/${draft.id}/steekproeven`, researcher.cookie), {
      waveId: String(draft.id),
    });
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe(`/onderzoek/${draft.id}/voorbeeld`);
  });

  it("downloads by name and by pseudonym, and logs each download", async () => {
    const { researcher, people, wave } = await frozenPanelOf12();
    const id = await drawSample(t.db, researcher.user, wave.id, { size: 12, seed: 5 });
    const params = { waveId: String(wave.id), sampleId: String(id) };
    const base = `/onderzoek/${wave.id}/steekproeven/${id}/download`;
    const byName = await call(
      t.db,
      downloadRoute.loader,
      get(`${base}?soort=namen&formaat=csv`, researcher.cookie),
      params,
    );
    expect(byName.headers.get("Content-Type")).toContain("text/csv");
    const names = await byName.text();
    expect(names).toContain("Strateeg0");
    expect(names.trim().split("\r\n")).toHaveLength(13);
    const byPseudonym = await call(
      t.db,
      downloadRoute.loader,
      get(`${base}?soort=pseudoniemen&formaat=xlsx`, researcher.cookie),
      params,
    );
    expect(byPseudonym.headers.get("Content-Type")).toContain("spreadsheetml");
    const csv = await (
      await call(t.db, downloadRoute.loader, get(`${base}?soort=pseudoniemen&formaat=csv`, researcher.cookie), params)
    ).text();
    expect(csv).not.toContain("Strateeg0");
    expect(csv).toContain(pseudonymFor(testContext(t.db).pseudonymSecret, people[0]!.id));
    const logged = await t.db
      .selectFrom("audit_log")
      .select("summary")
      .where("entity", "=", "interview_samples")
      .where("action", "=", "export")
      .execute();
    expect(logged.map((l) => l.summary).sort()).toEqual([
      "export_sample_namen_csv",
      "export_sample_pseudoniemen_csv",
      "export_sample_pseudoniemen_xlsx",
    ]);
    const unknown = await call(
      t.db,
      downloadRoute.loader,
      get(`${base}?soort=alles&formaat=csv`, researcher.cookie),
      params,
    );
    expect(unknown.status).toBe(404);
  });
});
