import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RegisterError } from "../../app/models/editing.server";
import {
  createWave,
  getWave,
  setWaveStatus,
  updateWave,
  updateWaveRules,
  type WaveFields,
} from "../../app/models/survey-waves.server";
import * as waveRoute from "../../app/routes/onderzoek.$waveId";
import * as editRoute from "../../app/routes/onderzoek.$waveId_.bewerken";
import * as rulesRoute from "../../app/routes/onderzoek.$waveId_.regels";
import * as listRoute from "../../app/routes/onderzoek._index";
import * as newRoute from "../../app/routes/onderzoek.nieuw";
import { EMPTY_PANEL_RULES, seatRuleSchema } from "../../app/services/panel-rules-schema";
import type { UserRole } from "../../db/schema";
import {
  createTestDatabase,
  formRequest,
  makeBody,
  makePerson,
  makeUser,
  type TestDatabase,
  defaultRegionId,
} from "../support/db";
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

const fields = (overrides: Partial<WaveFields> = {}): WaveFields => ({
  name: "Meting 2025",
  year: 2025,
  reference_date: "2025-10-01",
  link_template: "https://enquete.example.org/s/{token}",
  method_notes: null,
  ...overrides,
});

async function researcher() {
  return (await makeUser(t.db, { role: "onderzoeker" })).user;
}

/** A wave frozen as the draw would leave it: members first, then the frozen columns together. */
async function frozenWave(name = "Bevroren 2024", referenceDate = "2024-10-01") {
  const person = await makePerson(t.db);
  const wave = await t.db
    .insertInto("survey_waves")
    .values({
      region_id: await defaultRegionId(t.db),
      name,
      year: 2024,
      reference_date: referenceDate,
      link_template: "https://enquete.example.org/s/{token}",
      rules: JSON.stringify(EMPTY_PANEL_RULES),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("panel_members")
    .values({
      wave_id: wave.id,
      person_id: person.id,
      token: `tok-${wave.id}`,
      last_name: person.last_name,
      email: "a@example.org",
      language: "nl",
      attributes: "{}",
      reasons: "[]",
    })
    .execute();
  return t.db
    .updateTable("survey_waves")
    .set({
      status: "frozen",
      frozen_at: "2024-10-02T08:00:00.000Z",
      content_hash: "abc",
      frozen_counts: "{}",
      version: 2,
    })
    .where("id", "=", wave.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegisterError);
  return error as RegisterError;
};

describe("survey waves (model)", () => {
  it("creates a draft wave with empty rules and audits it", async () => {
    const actor = await researcher();
    const wave = await createWave(t.db, actor, fields(), await defaultRegionId(t.db));
    expect(wave).toMatchObject({ status: "draft", rules: JSON.stringify(EMPTY_PANEL_RULES), version: 1 });
    const audit = await t.db.selectFrom("audit_log").selectAll().where("entity", "=", "survey_waves").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", user_id: actor.id });
  });

  it("refuses a name another wave has, whatever its case", async () => {
    const actor = await researcher();
    const first = await createWave(t.db, actor, fields(), await defaultRegionId(t.db));
    const error = await refusal(createWave(t.db, actor, fields({ name: "meting 2025" }), await defaultRegionId(t.db)));
    expect(error).toMatchObject({
      messageKey: "waves.errors.nameTaken",
      field: "name",
      link: { href: `/onderzoek/${first.id}` },
    });
  });

  it("refuses a link template without {token}", async () => {
    const error = await refusal(
      createWave(
        t.db,
        await researcher(),
        fields({ link_template: "https://enquete.example.org/s/" }),
        await defaultRegionId(t.db),
      ),
    );
    expect(error).toMatchObject({ messageKey: "waves.errors.linkWithoutToken", field: "link_template" });
  });

  it("refuses a reference date on or before that of a closed wave, naming it", async () => {
    const actor = await researcher();
    const closed = await frozenWave("Meting 2024", "2024-10-01");
    await setWaveStatus(t.db, actor, closed.id, closed.version, "in_field");
    await setWaveStatus(t.db, actor, closed.id, closed.version + 1, "closed");
    const error = await refusal(
      createWave(t.db, actor, fields({ reference_date: "2024-10-01" }), await defaultRegionId(t.db)),
    );
    expect(error.messageKey).toBe("waves.errors.referenceDateClosed?wave=Meting+2024&date=2024-10-01");
    expect(error.field).toBe("reference_date");
    await expect(
      createWave(t.db, actor, fields({ reference_date: "2024-10-02" }), await defaultRegionId(t.db)),
    ).resolves.toMatchObject({
      status: "draft",
    });
  });

  it("edits a draft with the version the editor saw, and refuses every edit of a frozen wave", async () => {
    const actor = await researcher();
    const wave = await createWave(t.db, actor, fields(), await defaultRegionId(t.db));
    const edited = await updateWave(t.db, actor, wave.id, 1, fields({ method_notes: "Zoals 2024" }));
    expect(edited).toMatchObject({ method_notes: "Zoals 2024", version: 2 });
    await expect(updateWave(t.db, actor, wave.id, 1, fields())).rejects.toThrow("stale version");

    const frozen = await frozenWave();
    expect(
      (await refusal(updateWave(t.db, actor, frozen.id, frozen.version, fields({ name: "Anders" })))).messageKey,
    ).toBe("waves.errors.frozen");
    expect((await refusal(updateWaveRules(t.db, actor, frozen.id, frozen.version, EMPTY_PANEL_RULES))).messageKey).toBe(
      "waves.errors.frozen",
    );
  });

  it("moves a frozen wave to the field and then closes it, never skipping or going back", async () => {
    const actor = await researcher();
    const draft = await createWave(t.db, actor, fields(), await defaultRegionId(t.db));
    expect((await refusal(setWaveStatus(t.db, actor, draft.id, 1, "frozen"))).messageKey).toBe(
      "waves.errors.statusOrder",
    );
    const frozen = await frozenWave();
    expect((await refusal(setWaveStatus(t.db, actor, frozen.id, frozen.version, "closed"))).messageKey).toBe(
      "waves.errors.statusOrder",
    );
    const inField = await setWaveStatus(t.db, actor, frozen.id, frozen.version, "in_field");
    expect((await refusal(setWaveStatus(t.db, actor, frozen.id, inField.version, "frozen"))).messageKey).toBe(
      "waves.errors.statusOrder",
    );
    expect(await setWaveStatus(t.db, actor, frozen.id, inField.version, "closed")).toMatchObject({ status: "closed" });
  });

  it("stores valid rules and refuses ids of records that do not exist", async () => {
    const actor = await researcher();
    const wave = await createWave(t.db, actor, fields(), await defaultRegionId(t.db));
    const body = await makeBody(t.db, { level: "strategisch" });
    const rules = { ...EMPTY_PANEL_RULES, seatRules: [seatRuleSchema.parse({ bodyIds: [body.id] })] };
    await updateWaveRules(t.db, actor, wave.id, 1, rules);
    expect((await getWave(t.db, wave.id))?.rules).toEqual(rules);

    const unknownBody = { ...EMPTY_PANEL_RULES, seatRules: [seatRuleSchema.parse({ bodyIds: [body.id + 100] })] };
    expect((await refusal(updateWaveRules(t.db, actor, wave.id, 2, unknownBody))).messageKey).toBe(
      "waves.errors.unknown.bodies",
    );
    const unknownPerson = {
      ...EMPTY_PANEL_RULES,
      exclude: { ...EMPTY_PANEL_RULES.exclude, manual: [{ personId: 999, reason: "weg" }] },
    };
    expect((await refusal(updateWaveRules(t.db, actor, wave.id, 2, unknownPerson))).messageKey).toBe(
      "waves.errors.unknown.people",
    );
  });
});

describe("survey wave pages", () => {
  it("are closed to lezer and redacteur", async () => {
    const wave = await createWave(t.db, await researcher(), fields(), await defaultRegionId(t.db));
    const params = { waveId: String(wave.id) };
    for (const role of ["lezer", "redacteur"] as const) {
      const { cookie } = await signedIn(role);
      expect((await call(listRoute.loader, get("/onderzoek", cookie))).status).toBe(403);
      expect((await call(newRoute.action, formRequest("/onderzoek/nieuw", { name: "x" }, { cookie }))).status).toBe(
        403,
      );
      expect((await call(waveRoute.loader, get(`/onderzoek/${wave.id}`, cookie), params)).status).toBe(403);
      expect(
        (await call(editRoute.action, formRequest(`/onderzoek/${wave.id}/bewerken`, {}, { cookie }), params)).status,
      ).toBe(403);
      expect((await call(rulesRoute.loader, get(`/onderzoek/${wave.id}/regels`, cookie), params)).status).toBe(403);
      expect(
        (
          await call(
            rulesRoute.action,
            formRequest(`/onderzoek/${wave.id}/regels`, { intent: "addSeatRule" }, { cookie }),
            params,
          )
        ).status,
      ).toBe(403);
    }
  });

  it("creates a wave through the form and refuses a link without {token} keeping what was typed", async () => {
    // the create form posts the register's region
    await defaultRegionId(t.db);
    const { cookie } = await signedIn("onderzoeker");
    const typed = {
      name: "Meting 2025",
      year: "2025",
      reference_date: "2025-10-01",
      link_template: "https://enquete.example.org/s/",
      method_notes: "",
    };
    const refused = await call(newRoute.action, formRequest("/onderzoek/nieuw", typed, { cookie }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: { link_template: "waves.errors.linkWithoutToken" },
      values: { name: "Meting 2025" },
    });
    const created = await call(
      newRoute.action,
      formRequest("/onderzoek/nieuw", { ...typed, link_template: "https://enquete.example.org/s/{token}" }, { cookie }),
    );
    expect(created.status).toBe(302);
    expect(created.headers.get("Location")).toMatch(/^\/onderzoek\/\d+\?melding=aangemaakt$/);
  });

  it("adds and removes seat rules without JavaScript, keeping the values typed", async () => {
    const { cookie } = await signedIn("onderzoeker");
    const wave = await createWave(t.db, await researcher(), fields(), await defaultRegionId(t.db));
    const params = { waveId: String(wave.id) };
    const post = (body: Record<string, string | string[]>) =>
      call(rulesRoute.action, formRequest(`/onderzoek/${wave.id}/regels`, body, { cookie }), params);
    const typed = {
      version: "1",
      seatRuleCount: "1",
      manualCount: "0",
      s0_levels: ["strategisch", "tactisch"],
      ex_noEmail: "on",
    };

    const added = await (await post({ ...typed, intent: "addSeatRule" })).json();
    expect(added.values).toMatchObject({
      seatRuleCount: "2",
      s0_levels: ["strategisch", "tactisch"],
      ex_noEmail: "on",
    });

    const second = { ...added.values, s1_funding: "iza", s1_roles: "projectleider" };
    const removed = await (await post({ ...second, intent: "removeSeatRule-0" })).json();
    expect(removed.values).toMatchObject({
      seatRuleCount: "1",
      s0_funding: "iza",
      s0_roles: "projectleider",
      ex_noEmail: "on",
    });
    expect(removed.values.s0_levels).toBeUndefined();

    const saved = await post({ ...second, intent: "save" });
    expect(saved.status).toBe(302);
    const stored = (await getWave(t.db, wave.id))?.rules;
    expect(stored?.seatRules.map((rule) => [rule.levels, rule.planFunding, rule.roles])).toEqual([
      [["strategisch", "tactisch"], [], []],
      [[], ["iza"], ["projectleider"]],
    ]);
    expect(stored?.exclude).toMatchObject({ noEmail: true, researchOptOut: false });
  });

  it("refuses rules naming a body that does not exist, and an incomplete attendance threshold", async () => {
    const { cookie } = await signedIn("onderzoeker");
    const wave = await createWave(t.db, await researcher(), fields(), await defaultRegionId(t.db));
    const params = { waveId: String(wave.id) };
    const post = (body: Record<string, string | string[]>) =>
      call(rulesRoute.action, formRequest(`/onderzoek/${wave.id}/regels`, body, { cookie }), params);
    const unknown = await post({ intent: "save", version: "1", seatRuleCount: "1", s0_bodies_strategisch: "4242" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors).toEqual({ _form: "waves.errors.unknown.bodies" });
    const incomplete = await post({ intent: "save", version: "1", seatRuleCount: "1", s0_minMeetings: "3" });
    expect(incomplete.status).toBe(400);
    expect((await incomplete.json()).errors).toEqual({ s0_minMonths: "waves.errors.attendanceIncomplete" });
  });

  it("finds a person to exclude by searching the register, and then needs a reason", async () => {
    const { cookie } = await signedIn("onderzoeker");
    const wave = await createWave(t.db, await researcher(), fields(), await defaultRegionId(t.db));
    const person = await makePerson(t.db, { first_name: "Zeldzame", last_name: "Achternaamvan" });
    const params = { waveId: String(wave.id) };
    const post = (body: Record<string, string | string[]>) =>
      call(rulesRoute.action, formRequest(`/onderzoek/${wave.id}/regels`, body, { cookie }), params);
    const searched = await (
      await post({
        intent: "personSearch",
        version: "1",
        seatRuleCount: "0",
        manualCount: "0",
        personSearch: "Achternaamvan",
      })
    ).json();
    expect(searched.found.people.map((p: { id: number }) => p.id)).toEqual([person.id]);
    const picked = await (await post({ ...searched.values, intent: `excludePerson-${person.id}` })).json();
    expect(picked.values).toMatchObject({ manualCount: "1", m0_personId: String(person.id), m0_reason: "" });
    expect(picked.people).toEqual({ [person.id]: "Zeldzame Achternaamvan" });
    const noReason = await post({ ...picked.values, intent: "save" });
    expect((await noReason.json()).errors).toEqual({ m0_reason: "waves.errors.manualReasonRequired" });
    expect((await post({ ...picked.values, m0_reason: "met pensioen", intent: "save" })).status).toBe(302);
    expect((await getWave(t.db, wave.id))?.rules.exclude.manual).toEqual([
      { personId: person.id, reason: "met pensioen" },
    ]);
  });

  it("takes Enter in a field as a search when the search field holds text, and as saving otherwise", async () => {
    const { cookie } = await signedIn("onderzoeker");
    const wave = await createWave(t.db, await researcher(), fields(), await defaultRegionId(t.db));
    const person = await makePerson(t.db, { first_name: "Enkele", last_name: "Entertoets" });
    const params = { waveId: String(wave.id) };
    const post = (body: Record<string, string | string[]>) =>
      call(rulesRoute.action, formRequest(`/onderzoek/${wave.id}/regels`, body, { cookie }), params);
    const typed = { version: "1", seatRuleCount: "1", manualCount: "0", s0_levels: "strategisch" };
    const searched = await (await post({ ...typed, personSearch: "Entertoets", intent: "enter" })).json();
    expect(searched.found.people.map((p: { id: number }) => p.id)).toEqual([person.id]);
    expect(searched.values).toMatchObject({ seatRuleCount: "1", s0_levels: "strategisch" });
    expect((await getWave(t.db, wave.id))?.rules.seatRules).toEqual([]);

    expect((await post({ ...typed, personSearch: "", intent: "enter" })).status).toBe(302);
    expect((await getWave(t.db, wave.id))?.rules.seatRules.map((rule) => rule.levels)).toEqual([["strategisch"]]);
  });

  it("refuses the edit form of a frozen wave", async () => {
    const { cookie } = await signedIn("onderzoeker");
    const frozen = await frozenWave();
    const response = await call(
      editRoute.action,
      formRequest(
        `/onderzoek/${frozen.id}/bewerken`,
        {
          version: String(frozen.version),
          name: "Anders",
          year: "2024",
          reference_date: "2024-10-01",
          link_template: "https://x.example.org/{token}",
        },
        { cookie },
      ),
      { waveId: String(frozen.id) },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ _form: "waves.errors.frozen" });
  });
});
