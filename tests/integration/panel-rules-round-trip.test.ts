import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWave } from "../../app/models/survey-waves.server";
import * as rulesRoute from "../../app/routes/onderzoek.$waveId_.regels";
import { createTestDatabase, formRequest, makePerson, type TestDatabase, defaultRegionId } from "../support/db";
import { call, signedIn } from "../support/routes";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

async function draftWave() {
  const researcher = await signedIn(t.db, "onderzoeker");
  const wave = await createWave(
    t.db,
    researcher.user,
    {
      name: "Meting 2025",
      year: 2025,
      reference_date: "2025-10-01",
      link_template: "https://enquete.example.org/s/{token}",
      method_notes: null,
    },
    await defaultRegionId(t.db),
  );
  const post = (fields: Record<string, string | string[]>) =>
    call(t.db, rulesRoute.action, formRequest(`/onderzoek/${wave.id}/regels`, fields, { cookie: researcher.cookie }), {
      waveId: String(wave.id),
    });
  return { wave, post };
}

describe("the rules form's round trips", () => {
  it("takes a person off the manual exclusions, renumbering the rest and naming them", async () => {
    const { post } = await draftWave();
    const first = await makePerson(t.db, { first_name: "Eerste", last_name: "Persoon" });
    const second = await makePerson(t.db, { first_name: "Tweede", last_name: "Persoon" });
    const response = await post({
      intent: "removeManual-0",
      version: "1",
      seatRuleCount: "0",
      manualCount: "2",
      m0_personId: String(first.id),
      m0_reason: "vertrokken",
      m1_personId: String(second.id),
      m1_reason: "met pensioen",
    });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer).toMatchObject({
      kind: "reshaped",
      found: null,
      values: { manualCount: "1", m0_personId: String(second.id), m0_reason: "met pensioen" },
      people: { [second.id]: "Tweede Persoon" },
    });
    expect(answer.values.m1_personId).toBeUndefined();
  });

  it("does not search for an empty search field, and refuses a button it does not know", async () => {
    const { post } = await draftWave();
    const searched = await post({ intent: "personSearch", version: "1", personSearch: "  " });
    expect(await searched.json()).toMatchObject({ kind: "reshaped", found: null });
    expect((await post({ intent: "removeSeatRule-x", version: "1" })).status).toBe(400);
  });
});
