import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordLoginFailure } from "../../app/auth/throttle.server";
import { RegisterError, StaleVersionError } from "../../app/models/editing.server";
import { createOrganisation, type OrganisationInput, updateOrganisation } from "../../app/models/organisations.server";
import { setClosingDate, startMailing } from "../../app/models/mailings.server";
import { freezeWave } from "../../app/models/panel-freeze.server";
import { DEFAULT_MAILING_POLICY } from "../../app/services/mail-recipients";
import { addSeat } from "../../app/models/seats.server";
import { createWave, updateWaveRules } from "../../app/models/survey-waves.server";
import type { User } from "../../db/schema";
import { type DB, openDatabase } from "../../db/index";
import {
  createTestDatabase,
  makeBody,
  makePerson,
  makeSector,
  makeUser,
  type TestDatabase,
  defaultRegionId,
} from "../support/db";
import { frozenWave, panelRegister, STRATEGIC_AND_TACTICAL } from "../support/panels";
import { TEST_ENGINE } from "../support/test-database";

/**
 * Every rule the register keeps, raced: the same change sent at the same moment through two
 * connections, as two servers behind a load balancer would. On PostgreSQL those are two pools
 * whose transactions really run side by side; on SQLite, where one server owns the file, the two
 * go through that server's one connection, as two requests to it would. Several rounds each, so
 * that an interleaving that breaks a rule has its chances.
 */
const ROUNDS = 6;

let t: TestDatabase;
let first: DB;
let second: DB;
let user: User;

beforeAll(async () => {
  t = await createTestDatabase();
  first = t.db;
  second = TEST_ENGINE === "postgres" ? openDatabase(t.target) : t.db;
  // both pools connected before the races: the first query of a round is not a connection's start
  await Promise.all([first, second].map((db) => db.selectFrom("users").select("id").execute()));
  ({ user } = await makeUser(first, { role: "beheerder" }));
});

afterAll(async () => {
  if (second !== first) await second.destroy();
  await t.cleanup();
});

/** Five strategic members to draw panels from, made once for the tests that freeze. */
let registered: Promise<void> | null = null;
function panelOfFive() {
  registered ??= (async () => {
    const register = await panelRegister(first);
    for (let n = 0; n < 5; n++) await register.member(`Lid ${n}`, { level: "strategisch", organisation: "ggd" });
  })();
  return registered;
}

/** Both settled: the one that went through and the one that was refused, in either order. */
async function race<T>(one: () => Promise<T>, other: () => Promise<T>) {
  const results = await Promise.allSettled([one(), other()]);
  const won = results.filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === "fulfilled");
  const lost = results
    .filter((r): r is PromiseRejectedResult => r.status === "rejected")
    .map((r) => r.reason as unknown);
  return { won, lost };
}

function organisationInput(name: string, sectorId: number): OrganisationInput {
  return {
    name,
    short_name: null,
    sector_id: sectorId,
    region_ids: [],
    subregion_ids: [],
    iza_signatory: false,
    parent_id: null,
    website: null,
    email: null,
    phone: null,
    address: null,
    notes: null,
  };
}

describe(`two connections at once (${TEST_ENGINE})`, () => {
  it("never give a person two overlapping seats in the same role of a body", async () => {
    const body = await makeBody(first);
    for (let round = 0; round < ROUNDS; round++) {
      const person = await makePerson(first);
      const seat = { person_id: person.id, role: "lid" as const, organisation_id: null, note: null };
      const { won, lost } = await race(
        () => addSeat(first, user, body.id, { ...seat, start_date: "2025-01-01", end_date: null }),
        () => addSeat(second, user, body.id, { ...seat, start_date: "2025-03-01", end_date: "2025-12-31" }),
      );
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(RegisterError);
      expect((lost[0] as RegisterError).messageKey).toMatch(/^bodies\.errors\.overlap/);
      const seats = await first.selectFrom("seats").select("id").where("person_id", "=", person.id).execute();
      expect(seats).toHaveLength(1);
    }
  });

  it("never store two organisations with one name, whatever its case and accents", async () => {
    const sector = await makeSector(first);
    for (let round = 0; round < ROUNDS; round++) {
      const { won, lost } = await race(
        () => createOrganisation(first, user, organisationInput(`Stichting Santé ${round}`, sector.id)),
        () => createOrganisation(second, user, organisationInput(`STICHTING SANTÉ ${round}`, sector.id)),
      );
      expect(won).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(RegisterError);
      expect((lost[0] as RegisterError).messageKey).toBe("organisations.errors.nameTaken");
      const named = await first
        .selectFrom("organisations")
        .select("id")
        .where("name", "in", [`Stichting Santé ${round}`, `STICHTING SANTÉ ${round}`])
        .execute();
      expect(named).toHaveLength(1);
    }
  });

  it("save one of two edits made on the same version, and refuse the other as stale", async () => {
    const sector = await makeSector(first);
    const organisation = await createOrganisation(first, user, organisationInput("Huisartsen Oostelijk", sector.id));
    let version = organisation.version;
    for (let round = 0; round < ROUNDS; round++) {
      const input = organisationInput("Huisartsen Oostelijk", sector.id);
      const { won, lost } = await race(
        () => updateOrganisation(first, user, organisation.id, version, { ...input, notes: `eerste ${round}` }),
        () => updateOrganisation(second, user, organisation.id, version, { ...input, notes: `tweede ${round}` }),
      );
      expect(won).toHaveLength(1);
      expect(lost[0]).toBeInstanceOf(StaleVersionError);
      const stored = await first
        .selectFrom("organisations")
        .select(["version", "notes"])
        .where("id", "=", organisation.id)
        .executeTakeFirstOrThrow();
      expect(stored.version).toBe(version + 1);
      expect(stored.notes).toBe(won[0]?.value.notes);
      version = stored.version;
    }
    const updates = await first
      .selectFrom("audit_log")
      .select("id")
      .where("entity", "=", "organisations")
      .where("entity_id", "=", String(organisation.id))
      .where("action", "=", "update")
      .execute();
    expect(updates).toHaveLength(ROUNDS);
  });

  it("freeze a wave once: one panel, the other freeze refused", async () => {
    await panelOfFive();
    for (let round = 0; round < ROUNDS; round++) {
      const created = await createWave(
        first,
        user,
        {
          name: `Meting ${round}`,
          year: 2025,
          reference_date: "2025-10-01",
          link_template: "https://enquete.example.org/s/{token}",
          method_notes: null,
        },
        await defaultRegionId(first),
      );
      const draft = await updateWaveRules(first, user, created.id, created.version, STRATEGIC_AND_TACTICAL);
      const { won, lost } = await race(
        () => freezeWave(first, user, draft.id, draft.version),
        () => freezeWave(second, user, draft.id, draft.version),
      );
      expect(won).toHaveLength(1);
      expect(lost[0]).toSatisfy(
        (error) =>
          error instanceof StaleVersionError ||
          (error instanceof RegisterError && error.messageKey === "waves.errors.alreadyFrozen"),
      );
      const members = await first.selectFrom("panel_members").select("id").where("wave_id", "=", draft.id).execute();
      expect(members).toHaveLength(won[0]?.value.members ?? -1);
    }
  });

  it("start a wave's mailing once when two researchers start it at once: one outbox", async () => {
    await panelOfFive();
    for (let round = 0; round < ROUNDS; round++) {
      const wave = await frozenWave(first, user, `Mailingmeting ${round}`, "2025-10-01");
      await setClosingDate(first, user, wave.id, wave.version, "2026-10-31");
      // the same members are invited every round: no frequency cap in the way
      const EVERY_ROUND = { ...DEFAULT_MAILING_POLICY, cap: { messages: 100, days: 30 } };
      const start = {
        startAt: "2030-01-01T08:00:00.000Z",
        ratePerMinute: null,
        linkOrigin: "https://kring.example.nl",
      };
      const { won, lost } = await race(
        () => startMailing(first, user, wave.id, "invitation", start, EVERY_ROUND),
        () => startMailing(second, user, wave.id, "invitation", start, EVERY_ROUND),
      );
      expect(lost).toEqual([]);
      expect(new Set(won.map((result) => result.value.id)).size).toBe(1);
      const outbox = await first
        .selectFrom("mail_outbox")
        .select("email")
        .where("mailing_id", "=", won[0]?.value.id ?? -1)
        .execute();
      expect(outbox.length).toBeGreaterThan(0);
      expect(new Set(outbox.map((row) => row.email)).size).toBe(outbox.length);
    }
  });

  it("count every failed login, none lost between a read and a write", async () => {
    const email = "geraden@example.org";
    const attempts = 10;
    await Promise.all(
      Array.from({ length: attempts }, (_, n) =>
        recordLoginFailure(n % 2 ? first : second, email, `192.0.2.${n}`, 1_800_000_000_000),
      ),
    );
    const row = await first
      .selectFrom("login_throttle")
      .select("failures")
      .where("key", "=", `account:${email}`)
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(attempts);
  });
});
