import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RegisterError } from "../../app/models/editing.server";
import { recordLaterExclusion } from "../../app/models/panel-freeze.server";
import { applyResponses, nonResponders, responseOverview } from "../../app/models/panel-responses.server";
import { createWave } from "../../app/models/survey-waves.server";
import { createTestDatabase, makeUser, type TestDatabase, defaultRegionId } from "../support/db";
import { frozenWave, panelRegister } from "../support/panels";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(async () => {
  await t.cleanup();
});

/**
 * Two frozen waves of one register: in 2025 Aalders and Dekker (strategic, GGD in Parkstad) and
 * Bakker (tactical, welfare, no subregion); Claes only in the 2024 panel.
 */
async function waves() {
  const { user } = await makeUser(t.db, { role: "onderzoeker" });
  const register = await panelRegister(t.db);
  const people = {
    aalders: await register.member("Aalders", { level: "strategisch", organisation: "ggd" }),
    bakker: await register.member("Bakker", { level: "tactisch", organisation: "welzijn" }),
    claes: await register.member("Claes", { level: "tactisch", organisation: "welzijn", until: "2025-01-31" }),
    dekker: await register.member("Dekker", { level: "strategisch", organisation: "ggd", from: "2025-03-01" }),
  };
  const wave2024 = await frozenWave(t.db, user, "Meting 2024", "2024-10-01");
  const wave2025 = await frozenWave(t.db, user, "Meting 2025", "2025-10-01");
  const token = async (waveId: number, personId: number) =>
    (
      await t.db
        .selectFrom("panel_members")
        .select("token")
        .where("wave_id", "=", waveId)
        .where("person_id", "=", personId)
        .executeTakeFirstOrThrow()
    ).token;
  const tokens = {
    aalders: await token(wave2025.id, people.aalders.id),
    bakker: await token(wave2025.id, people.bakker.id),
    dekker: await token(wave2025.id, people.dekker.id),
    claes2024: await token(wave2024.id, people.claes.id),
  };
  return { user, register, people, wave2024, wave2025, tokens };
}

const participants = (rows: [string, string][]) => ({
  name: "deelnemers.csv",
  content: [
    "tid,firstname,lastname,email,token,completed,usesleft",
    ...rows.map(([token, completed], i) => `${i + 1},,,,${token},${completed},1`),
  ].join("\n"),
});

async function storedResponses(waveId: number) {
  return t.db
    .selectFrom("panel_responses")
    .innerJoin("panel_members", "panel_members.id", "panel_responses.panel_member_id")
    .select(["panel_members.person_id", "started_at", "completed_at", "source", "updated_at"])
    .where("panel_members.wave_id", "=", waveId)
    .orderBy("panel_members.person_id")
    .execute();
}

const auditEntries = (waveId: number) =>
  t.db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity", "=", "survey_waves")
    .where("entity_id", "=", String(waveId))
    .where("summary", "=", "responses_applied")
    .execute();

describe("applying a response file", () => {
  it("marks the wave's members, lists unknown tokens and those of another wave without applying them, in one audit entry", async () => {
    const { user, people, wave2024, wave2025, tokens } = await waves();
    const applied = await applyResponses(
      t.db,
      user,
      wave2025.id,
      participants([
        [tokens.aalders, "2025-10-03 14:12"],
        [tokens.bakker, "N"],
        ["onbekendtoken", "2025-10-04 09:00"],
        [tokens.claes2024, "2025-10-04 10:00"],
      ]),
    );
    expect(applied).toEqual({
      fileName: "deelnemers.csv",
      format: "limesurvey-deelnemers",
      newlyStarted: 0,
      newlyCompleted: 1,
      unchanged: 1,
      withoutToken: 0,
      notFound: ["onbekendtoken"],
      otherWaves: [{ waveId: wave2024.id, waveName: "Meting 2024", tokens: [tokens.claes2024] }],
    });
    expect(await storedResponses(wave2025.id)).toEqual([
      expect.objectContaining({
        person_id: people.aalders.id,
        started_at: null,
        completed_at: "2025-10-03T12:12:00.000Z",
        source: "limesurvey-deelnemers",
      }),
    ]);
    // the other wave's member is listed, not marked
    expect(await storedResponses(wave2024.id)).toEqual([]);

    const [entry, ...more] = await auditEntries(wave2025.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ user_id: user.id, action: "update" });
    expect(JSON.parse(entry!.after!)).toEqual({
      file: "deelnemers.csv",
      format: "limesurvey-deelnemers",
      newlyStarted: 0,
      newlyCompleted: 1,
      unchanged: 1,
      withoutToken: 0,
      notFound: 1,
      otherWave: 1,
    });
    // no personal data in the log: no tokens (they open a member's questionnaire)
    expect(entry!.after).not.toContain(tokens.aalders);
    expect(entry!.after).not.toContain("onbekendtoken");
  });

  it("changes nothing the second time, and says so (no second audit entry)", async () => {
    const { user, wave2025, tokens } = await waves();
    const file = participants([
      [tokens.aalders, "2025-10-03 14:12"],
      [tokens.bakker, "N"],
    ]);
    await applyResponses(t.db, user, wave2025.id, file);
    const before = await storedResponses(wave2025.id);
    const again = await applyResponses(t.db, user, wave2025.id, file);
    expect(again).toMatchObject({ newlyStarted: 0, newlyCompleted: 0, unchanged: 2, notFound: [], otherWaves: [] });
    expect(await storedResponses(wave2025.id)).toEqual(before);
    expect(await auditEntries(wave2025.id)).toHaveLength(1);
  });

  it("never undoes a completion: a later N (or another date) leaves it; a start is completed later with its start kept", async () => {
    const { user, people, wave2025, tokens } = await waves();
    await applyResponses(t.db, user, wave2025.id, participants([[tokens.aalders, "2025-10-03 14:12"]]));
    // the response export: Bakker started, Aalders' record says nothing new
    const started = await applyResponses(t.db, user, wave2025.id, {
      name: "antwoorden.csv",
      content: [
        "id;token;submitdate;startdate",
        `1;${tokens.bakker};;2025-10-05 08:00`,
        `2;${tokens.aalders};2025-10-09 10:00;2025-10-09 09:50`,
      ].join("\n"),
    });
    expect(started).toMatchObject({
      format: "limesurvey-antwoorden",
      newlyStarted: 1,
      newlyCompleted: 0,
      unchanged: 1,
    });
    const later = await applyResponses(
      t.db,
      user,
      wave2025.id,
      participants([
        [tokens.aalders, "N"],
        [tokens.bakker, "2025-10-06 11:00"],
      ]),
    );
    expect(later).toMatchObject({ newlyStarted: 0, newlyCompleted: 1, unchanged: 1 });
    expect(
      (await storedResponses(wave2025.id)).map((r) => [r.person_id, r.started_at, r.completed_at, r.source]),
    ).toEqual([
      [people.aalders.id, null, "2025-10-03T12:12:00.000Z", "limesurvey-deelnemers"],
      [people.bakker.id, "2025-10-05T06:00:00.000Z", "2025-10-06T09:00:00.000Z", "limesurvey-deelnemers"],
    ]);
  });

  it("refuses a file in another format, and a draft wave, changing nothing", async () => {
    const { user, wave2025 } = await waves();
    const wrong = applyResponses(t.db, user, wave2025.id, {
      name: "adressen.csv",
      content: "naam,email\nA,a@example.org\n",
    });
    await expect(wrong).rejects.toBeInstanceOf(RegisterError);
    await expect(wrong).rejects.toMatchObject({
      field: "file",
      messageKey: expect.stringMatching(/^responses\.errors\.unknownFormat\?found=naam%2C\+email$/),
    });
    const draft = await createWave(
      t.db,
      user,
      {
        name: "Meting 2026",
        year: 2026,
        reference_date: "2026-10-01",
        link_template: "https://enquete.example.org/s/{token}",
        method_notes: null,
      },
      await defaultRegionId(t.db),
    );
    await expect(
      applyResponses(t.db, user, draft.id, participants([["sometoken", "2026-10-03 10:00"]])),
    ).rejects.toMatchObject({ messageKey: "responses.errors.draft" });
    expect(await t.db.selectFrom("panel_responses").selectAll().execute()).toEqual([]);
  });
});

describe("the response overview", () => {
  it("gives the rate overall, per stratum and per day, without members excluded later", async () => {
    const { user, people, wave2025, tokens } = await waves();
    await applyResponses(
      t.db,
      user,
      wave2025.id,
      participants([
        [tokens.aalders, "2025-10-03 14:12"],
        [tokens.bakker, "2025-10-04 09:00"],
      ]),
    );
    await recordLaterExclusion(t.db, user, wave2025.id, people.bakker.id, "Uit het netwerk vertrokken");
    const overview = await responseOverview(t.db, wave2025.id, "2025-10-05");
    expect(overview?.wave.name).toBe("Meting 2025");
    expect(overview?.total).toEqual({ members: 2, started: 1, completed: 1, rate: 0.5 });
    expect(overview?.excluded).toBe(1);
    expect(overview?.strata.level.map((s) => [s.level, s.members, s.completed])).toEqual([["strategisch", 2, 1]]);
    expect(overview?.strata.subregion.map((s) => [s.name, s.rate])).toEqual([["Parkstad", 0.5]]);
    expect(overview?.strata.body.map((s) => [s.name, s.members])).toEqual([["Bestuurlijke Regiegroep (BRG)", 2]]);
    // no invitations sent through Kring: the series starts at the first response
    expect(overview?.days.map((d) => [d.day, d.completed, d.rate])).toEqual([
      ["2025-10-03", 1, 0.5],
      ["2025-10-04", 1, 0.5],
      ["2025-10-05", 1, 0.5],
    ]);
    expect(await responseOverview(t.db, 9999, "2025-10-05")).toBeNull();
  });
});

describe("the non-responders", () => {
  it("are those who did not complete and were not excluded, with organisation, current phone and primary address; opt-outs counted, not listed", async () => {
    const { user, people, register, wave2025, tokens } = await waves();
    await t.db.updateTable("people").set({ phone: "043 123 45 67" }).where("id", "=", people.dekker.id).execute();
    await t.db
      .updateTable("organisations")
      .set({ phone: "046 000 11 22" })
      .where("id", "=", register.welzijn.id)
      .execute();
    // Dekker's address changed after the freeze: the list has the current one
    await t.db.updateTable("person_emails").set({ is_primary: 0 }).where("person_id", "=", people.dekker.id).execute();
    await t.db
      .insertInto("person_emails")
      .values({ person_id: people.dekker.id, email: "dekker.nieuw@example.org", is_primary: 1 })
      .execute();
    await applyResponses(t.db, user, wave2025.id, participants([[tokens.aalders, "2025-10-03 14:12"]]));

    let list = await nonResponders(t.db, wave2025.id);
    expect(list?.optedOut).toBe(0);
    expect(list?.members.map((m) => [m.last_name, m.organisation, m.phone, m.organisationPhone, m.email])).toEqual([
      ["Dekker", "GGD Zuid Limburg", "043 123 45 67", null, "dekker.nieuw@example.org"],
      ["Bakker", "Welzijn Mijnstreek", null, "046 000 11 22", expect.stringMatching(/^bakker-\d+@example\.org$/)],
    ]);

    await t.db
      .insertInto("consents")
      .values({
        person_id: people.bakker.id,
        purpose: "research",
        status: "withdrawn",
        recorded_on: "2025-10-04",
        source: "test",
      })
      .execute();
    list = await nonResponders(t.db, wave2025.id);
    expect(list?.members.map((m) => m.last_name)).toEqual(["Dekker"]);
    expect(list?.optedOut).toBe(1);

    await recordLaterExclusion(t.db, user, wave2025.id, people.dekker.id, "Met pensioen");
    list = await nonResponders(t.db, wave2025.id);
    expect(list?.members).toEqual([]);
  });
});
