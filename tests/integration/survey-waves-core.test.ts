import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EMPTY_PANEL_RULES } from "../../app/services/panel-rules-schema";
import { createTestDatabase, makePerson, type TestDatabase, defaultRegionId } from "../support/db";
import { REFUSED } from "../support/test-database";

describe("a frozen survey wave in the database itself", () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase();
  });
  afterEach(async () => {
    await test.cleanup();
  });

  async function frozenWaveWithMember() {
    const person = await makePerson(test.db, {});
    const wave = await test.db
      .insertInto("survey_waves")
      .values({
        region_id: await defaultRegionId(test.db),
        name: "Meting 2025",
        year: 2025,
        reference_date: "2025-10-01",
        link_template: "https://enquete.example.org/s/{token}",
        rules: JSON.stringify(EMPTY_PANEL_RULES),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await test.db
      .insertInto("panel_members")
      .values({
        wave_id: wave.id,
        person_id: person.id,
        token: "t0ken",
        last_name: person.last_name,
        email: "a@example.org",
        language: "nl",
        attributes: "{}",
        reasons: "[]",
      })
      .execute();
    await test.db
      .updateTable("survey_waves")
      .set({ status: "frozen", frozen_at: "2025-10-02T08:00:00.000Z", content_hash: "abc", frozen_counts: "{}" })
      .where("id", "=", wave.id)
      .execute();
    return { wave, person };
  }

  it("refuses a link template without {token}", async () => {
    await expect(
      test.db
        .insertInto("survey_waves")
        .values({
          region_id: await defaultRegionId(test.db),
          name: "Zonder token",
          year: 2025,
          reference_date: "2025-10-01",
          link_template: "https://enquete.example.org/s/",
          rules: "{}",
        })
        .execute(),
    ).rejects.toThrow(REFUSED.check);
  });

  it("keeps its rules, reference date and panel as they were frozen", async () => {
    const { wave } = await frozenWaveWithMember();
    await expect(
      test.db.updateTable("survey_waves").set({ rules: "{}" }).where("id", "=", wave.id).execute(),
    ).rejects.toThrow(/frozen/);
    await expect(
      test.db.updateTable("survey_waves").set({ reference_date: "2025-11-01" }).where("id", "=", wave.id).execute(),
    ).rejects.toThrow(/frozen/);
    await expect(
      test.db
        .updateTable("survey_waves")
        .set({ status: "draft", frozen_at: null, content_hash: null })
        .where("id", "=", wave.id)
        .execute(),
    ).rejects.toThrow();
    await expect(test.db.updateTable("panel_members").set({ email: "b@example.org" }).execute()).rejects.toThrow(
      /cannot change/,
    );
    await expect(test.db.deleteFrom("panel_members").execute()).rejects.toThrow(/never deleted/);
    await expect(test.db.deleteFrom("survey_waves").execute()).rejects.toThrow(/cannot be deleted/);
    const other = await makePerson(test.db, {});
    await expect(
      test.db
        .insertInto("panel_members")
        .values({
          wave_id: wave.id,
          person_id: other.id,
          token: "t1",
          last_name: other.last_name,
          email: "c@example.org",
          language: "nl",
          attributes: "{}",
          reasons: "[]",
        })
        .execute(),
    ).rejects.toThrow(/no new members/);
  });

  it("records a later exclusion on the member, once, and lets the wave move on to the field", async () => {
    const { wave } = await frozenWaveWithMember();
    await test.db
      .updateTable("panel_members")
      .set({ excluded_at: "2025-10-05T09:00:00.000Z", exclusion_reason: "Uit het netwerk vertrokken" })
      .execute();
    await expect(
      test.db.updateTable("panel_members").set({ exclusion_reason: "iets anders" }).execute(),
    ).rejects.toThrow(/cannot change/);
    await test.db.updateTable("survey_waves").set({ status: "in_field" }).where("id", "=", wave.id).execute();
    const stored = await test.db
      .selectFrom("survey_waves")
      .select(["status", "content_hash"])
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: "in_field", content_hash: "abc" });
  });
});
