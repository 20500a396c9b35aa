import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RecordNotFoundError, StaleVersionError } from "../../app/models/editing.server";
import { freezeWave, panelContentHash, recordLaterExclusion } from "../../app/models/panel-freeze.server";
import { type PanelRules, panelRulesSchema, parseStoredRules } from "../../app/services/panel-rules-schema";
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
import { makeAffiliation } from "../support/people";

const REFERENCE = "2025-10-01";

describe("freezing a survey wave", () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase();
  });
  afterEach(async () => {
    await test.cleanup();
  });

  async function waveWith(rules: Record<string, unknown>) {
    return test.db
      .insertInto("survey_waves")
      .values({
        region_id: await defaultRegionId(test.db),
        name: `Meting ${Math.random()}`,
        year: 2025,
        reference_date: REFERENCE,
        link_template: "https://enquete.example.org/s/{token}",
        rules: JSON.stringify(panelRulesSchema.parse(rules)),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Two people with a seat in a strategic body, a job and an address; one without an address. */
  async function register() {
    const organisation = await makeOrganisation(test.db, { name: "GGD Zuid Limburg" });
    const body = await makeBody(test.db, { level: "strategisch" });
    const people = [];
    for (const [last_name, email] of [
      ["Aalders", "a@example.org"],
      ["Bakker", "b@example.org"],
      ["Claes", undefined],
    ] as const) {
      const person = await makePerson(test.db, { last_name, email });
      await makeAffiliation(test.db, { person_id: person.id, organisation_id: organisation.id });
      await makeSeat(test.db, { body_id: body.id, person_id: person.id, organisation_id: organisation.id });
      people.push(person);
    }
    const { user } = await makeUser(test.db, { role: "onderzoeker" });
    return { organisation, body, people, user };
  }

  it("stores the members with random tokens, the content hash and the counts, and marks the wave frozen", async () => {
    const { people, user, organisation } = await register();
    const wave = await waveWith({ seatRules: [{ levels: ["strategisch"] }] });
    const result = await freezeWave(test.db, user, wave.id, wave.version);
    expect(result).toMatchObject({ members: 2, excluded: 1 });

    const members = await test.db
      .selectFrom("panel_members")
      .selectAll()
      .where("wave_id", "=", wave.id)
      .orderBy("person_id")
      .execute();
    expect(members.map((m) => [m.person_id, m.last_name, m.email, m.organisation_id, m.level])).toEqual([
      [people[0]!.id, "Aalders", "a@example.org", organisation.id, "strategisch"],
      [people[1]!.id, "Bakker", "b@example.org", organisation.id, "strategisch"],
    ]);
    for (const m of members) expect(m.token).toMatch(/^[a-z2-7]{32}$/);
    expect(members[0]!.token).not.toBe(members[1]!.token);

    const frozen = await test.db
      .selectFrom("survey_waves")
      .selectAll()
      .where("id", "=", wave.id)
      .executeTakeFirstOrThrow();
    expect(frozen).toMatchObject({ status: "frozen", frozen_by: user.id, version: wave.version + 1 });
    expect(frozen.frozen_at).not.toBeNull();
    expect(JSON.parse(frozen.frozen_counts!)).toMatchObject({
      total: 2,
      excluded: 1,
      exclusionsByReason: { no_email: 1 },
      strata: [expect.objectContaining({ level: "strategisch", count: 2 })],
    });

    // the hash recomputes from what is stored: the wave's rules and date, the members' attributes and reasons
    const recomputed = panelContentHash({
      referenceDate: frozen.reference_date,
      rules: parseStoredRules(frozen.rules),
      members: members
        .map((m) => ({ personId: m.person_id, attributes: JSON.parse(m.attributes), reasons: JSON.parse(m.reasons) }))
        .reverse(),
    });
    expect(frozen.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(recomputed).toBe(frozen.content_hash);
    const tampered = members.map((m) => ({
      personId: m.person_id,
      attributes: { ...JSON.parse(m.attributes), level: "tactisch" },
      reasons: JSON.parse(m.reasons),
    }));
    expect(
      panelContentHash({
        referenceDate: frozen.reference_date,
        rules: parseStoredRules(frozen.rules),
        members: tampered,
      }),
    ).not.toBe(frozen.content_hash);

    const audit = await test.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "survey_waves")
      .where("entity_id", "=", String(wave.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: user.id, action: "update", summary: "wave_frozen" });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ status: "frozen", content_hash: frozen.content_hash });
  });

  it("hashes the same panel the same way whatever the key order of its JSON", () => {
    const rules: PanelRules = panelRulesSchema.parse({ seatRules: [{ levels: ["tactisch"] }] });
    const attributes = {
      organisationId: 1,
      organisationName: "O",
      organisationShortName: null,
      sectorCode: "s",
      sectorName: "S",
      subregions: [],
      level: null,
      bodies: [],
      roles: [],
    };
    const reordered = Object.fromEntries(Object.entries(attributes).reverse()) as typeof attributes;
    const reasons = [{ rule: "organisation" as const, ruleIndex: 0, organisationId: 1, organisationName: "O" }];
    expect(panelContentHash({ referenceDate: REFERENCE, rules, members: [{ personId: 1, attributes, reasons }] })).toBe(
      panelContentHash({ referenceDate: REFERENCE, rules, members: [{ personId: 1, attributes: reordered, reasons }] }),
    );
  });

  it("refuses a second freeze, and the frozen rules cannot change", async () => {
    const { user } = await register();
    const wave = await waveWith({ seatRules: [{}] });
    const { wave: frozen } = await freezeWave(test.db, user, wave.id, wave.version);
    await expect(freezeWave(test.db, user, wave.id, frozen.version)).rejects.toMatchObject({
      messageKey: "waves.errors.alreadyFrozen",
    });
    await expect(
      test.db
        .updateTable("survey_waves")
        .set({ rules: JSON.stringify(panelRulesSchema.parse({})) })
        .where("id", "=", wave.id)
        .execute(),
    ).rejects.toThrow(/frozen/);
    expect(
      await test.db
        .selectFrom("panel_members")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 2 });
  });

  it("refuses a wave whose form is out of date, storing nothing", async () => {
    const { user } = await register();
    const wave = await waveWith({ seatRules: [{}] });
    await expect(freezeWave(test.db, user, wave.id, wave.version + 1)).rejects.toBeInstanceOf(StaleVersionError);
    const stored = await test.db
      .selectFrom("survey_waves")
      .select(["status", "content_hash"])
      .where("id", "=", wave.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: "draft", content_hash: null });
    expect(await test.db.selectFrom("panel_members").selectAll().execute()).toEqual([]);
  });

  it("refuses an empty panel, naming what emptied it", async () => {
    const { user } = await register();
    const noRules = await waveWith({});
    await expect(freezeWave(test.db, user, noRules.id, noRules.version)).rejects.toMatchObject({
      messageKey: "waves.errors.emptyPanel.noRules",
    });
    const nobody = await waveWith({ seatRules: [{ levels: ["operationeel"] }] });
    await expect(freezeWave(test.db, user, nobody.id, nobody.version)).rejects.toMatchObject({
      messageKey: "waves.errors.emptyPanel.seatRule?number=1",
    });
    const excluded = await waveWith({
      seatRules: [{ roles: ["lid"] }],
      exclude: { noEmail: true, noActiveAffiliation: false },
    });
    await test.db.deleteFrom("person_emails").execute();
    await expect(freezeWave(test.db, user, excluded.id, excluded.version)).rejects.toMatchObject({
      messageKey: "waves.errors.emptyPanel.exclusion.no_email",
    });
    expect(await test.db.selectFrom("survey_waves").select("status").where("status", "<>", "draft").execute()).toEqual(
      [],
    );
  });

  it("records a later exclusion once, with reason, time and who, audited, keeping the member", async () => {
    const { people, user } = await register();
    const wave = await waveWith({ seatRules: [{}] });
    const draft = wave;
    await expect(recordLaterExclusion(test.db, user, draft.id, people[0]!.id, "Vertrokken")).rejects.toMatchObject({
      messageKey: "waves.errors.notFrozen",
    });
    await freezeWave(test.db, user, wave.id, wave.version);

    await expect(recordLaterExclusion(test.db, user, wave.id, people[0]!.id, "   ")).rejects.toMatchObject({
      messageKey: "waves.errors.exclusionReasonRequired",
      field: "reason",
    });
    const excluded = await recordLaterExclusion(test.db, user, wave.id, people[0]!.id, " Uit het netwerk vertrokken ");
    expect(excluded).toMatchObject({
      person_id: people[0]!.id,
      excluded_by: user.id,
      exclusion_reason: "Uit het netwerk vertrokken",
    });
    expect(excluded.excluded_at).not.toBeNull();
    await expect(recordLaterExclusion(test.db, user, wave.id, people[0]!.id, "Nog eens")).rejects.toMatchObject({
      messageKey: "waves.errors.alreadyExcluded",
    });
    await expect(recordLaterExclusion(test.db, user, wave.id, people[2]!.id, "Geen lid")).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );

    const audit = await test.db.selectFrom("audit_log").selectAll().where("entity", "=", "panel_members").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      user_id: user.id,
      action: "update",
      summary: "panel_member_excluded",
      entity_id: String(excluded.id),
    });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ exclusion_reason: "Uit het netwerk vertrokken" });
    expect(audit[0]!.after).not.toContain(excluded.token);
    expect(
      await test.db.selectFrom("panel_members").select("person_id").where("wave_id", "=", wave.id).execute(),
    ).toHaveLength(2);
  });
});
