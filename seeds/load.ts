import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { z } from "zod";
import type { DB } from "../db/index";
import { exclusively, inTransaction } from "../db/transaction";
import { BODY_KINDS, BODY_LEVELS, FUNDING_STATUSES, SEAT_ROLES, USER_ROLES, type UserRole } from "../db/schema";
import { hashPassword } from "../app/auth/password.server";
import { markDemoNetwork } from "../app/models/demo-network.server";
import { writeStartRegion } from "../app/models/regions.server";
import { todayInAmsterdam } from "../app/i18n/format";
import {
  affiliationRow,
  day,
  insertAudited,
  keyMap,
  loadAffiliations,
  loadPeople,
  optionalText,
  organisationRow,
  personRow,
  readDataFile,
  text,
  themeRow,
} from "./demo-data";
import { loadDemoGovernance } from "./governance";
import { loadDemoMeetings, meetingsFile } from "./meetings";
import { loadNoordMiddenLimburg, readNoordMiddenLimburgData } from "./noord-midden-limburg";

/**
 * The demo network of Gezond Zuid-Limburg: public organisations, bodies, themes and plans
 * from the network's own documents, synthetic people, and the meetings of 2025 onwards with
 * their attendance, followed by the second region Noord- en Midden-Limburg (seeds/noord-midden-limburg.ts).
 * The data lives in seeds/data/*.json; this file only checks and loads it.
 */

const regionsFile = z.array(
  z.object({
    code: text,
    name: text,
    tagline: text.optional(),
    subregions: z.array(z.object({ code: text, name: text })),
  }),
);
const sectorsFile = z.array(z.object({ code: text, name_nl: text, name_en: text, sort_order: z.number().int() }));
const organisationsFile = z.array(organisationRow);
const themesFile = z.array(themeRow);
const bodiesFile = z.array(
  z.object({
    key: text,
    name: text,
    abbreviation: optionalText,
    kind: z.enum(BODY_KINDS),
    level: z.enum(BODY_LEVELS),
    parent: optionalText,
    subregion: optionalText,
    theme: optionalText,
    description: optionalText,
    active_from: day.nullable(),
    active_to: day.nullable(),
    meetings_per_year: z.number().int().nonnegative().nullable(),
  }),
);
const plansFile = z.array(
  z.object({
    key: text,
    name: text,
    theme: optionalText,
    funding_status: z.enum(FUNDING_STATUSES),
    lead_organisation: optionalText,
    subregion: optionalText,
    description: optionalText,
    team_body: text,
  }),
);
const peopleFile = z.array(personRow);
const affiliationsFile = z.array(affiliationRow);
const seatsFile = z.array(
  z.object({
    body: text,
    person: text.nullable(),
    role: z.enum(SEAT_ROLES),
    organisation: text.nullable(),
    start_date: day,
    end_date: day.nullable(),
    note: optionalText,
  }),
);

export function readDemoData() {
  return {
    regions: readDataFile("regions.json", regionsFile),
    sectors: readDataFile("sectors.json", sectorsFile),
    organisations: readDataFile("organisations.json", organisationsFile),
    themes: readDataFile("themes.json", themesFile),
    bodies: readDataFile("bodies.json", bodiesFile),
    plans: readDataFile("plans.json", plansFile),
    people: readDataFile("people.json", peopleFile),
    affiliations: readDataFile("affiliations.json", affiliationsFile),
    seats: readDataFile("seats.json", seatsFile),
    meetings: readDataFile("meetings.json", meetingsFile),
  };
}

export interface DemoAccount {
  role: UserRole;
  email: string;
  password: string;
  /** the region the role holds in, by name; null: network-wide */
  region: string | null;
}

const DEMO_ACCOUNT_NAMES: Record<UserRole, string> = {
  beheerder: "Demo Beheerder",
  redacteur: "Demo Redacteur",
  onderzoeker: "Demo Onderzoeker",
  lezer: "Demo Lezer",
};

/**
 * One account per role across the network, and a redacteur of each region alone so that roles per
 * region can be tried (decision 045); the suffix is the region's initials.
 */
function demoAccounts(regions: { code: string; name: string; initials: string }[]) {
  return [
    ...USER_ROLES.map((role) => ({ role, email: `${role}@example.org`, name: DEMO_ACCOUNT_NAMES[role], region: null })),
    ...regions.map((region) => ({
      role: "redacteur" as const,
      email: `redacteur-${region.initials}@example.org`,
      name: `Demo Redacteur ${region.name}`,
      region,
    })),
  ];
}

/** True when nothing has been registered and nobody can log in yet: the state in which demo data may load. */
export async function isEmptyDatabase(db: DB): Promise<boolean> {
  const [users, organisations] = await Promise.all([
    db.selectFrom("users").select("id").limit(1).executeTakeFirst(),
    db.selectFrom("organisations").select("id").limit(1).executeTakeFirst(),
  ]);
  return !users && !organisations;
}

/**
 * Loads the demo network — Zuid-Limburg, then Noord- en Midden-Limburg — into an empty database, all in
 * one transaction, and returns the demo accounts with their freshly generated passwords.
 */
export async function loadDemo(db: DB): Promise<{ accounts: DemoAccount[]; counts: Record<string, number> }> {
  const data = readDemoData();
  const second = readNoordMiddenLimburgData();
  const first = data.regions[0];
  if (!first) throw new Error("Demo data: regions.json names no region");
  const definitions = demoAccounts([
    { code: first.code, name: first.name, initials: "zl" },
    { code: second.region.code, name: second.region.name, initials: "nml" },
  ]);
  const accounts: DemoAccount[] = definitions.map(({ role, email, region }) => ({
    role,
    email,
    password: encodeBase32LowerCaseNoPadding(randomBytes(10)),
    region: region?.name ?? null,
  }));
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));

  const loaded = await inTransaction(db, async (trx) => {
    if (!(await isEmptyDatabase(trx)))
      throw new Error("The database already holds data: demo data is only loaded into an empty one.");

    const subregions = keyMap("subregion");
    // the demo's records are all of its first region, Gezond Zuid-Limburg's
    let demoRegionId: number | null = null;
    for (const region of data.regions) {
      const { id: regionId } = await trx
        .insertInto("regions")
        .values({ code: region.code, name: region.name, tagline: region.tagline ?? null })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const sub of region.subregions) {
        const row = await trx
          .insertInto("subregions")
          .values({ region_id: regionId, code: sub.code, name: sub.name })
          .returningAll()
          .executeTakeFirstOrThrow();
        subregions.set(sub.code, row.id);
      }
      demoRegionId ??= regionId;
    }
    if (demoRegionId === null) throw new Error("Demo data: regions.json names no region");
    const region_id = demoRegionId;

    const sectors = keyMap("sector");
    for (const sector of data.sectors) {
      const row = await trx.insertInto("sectors").values(sector).returningAll().executeTakeFirstOrThrow();
      sectors.set(sector.code, row.id);
    }

    const organisations = keyMap("organisation");
    for (const { key, sector, subregions: subs, parent: _parent, iza_signatory, ...fields } of data.organisations) {
      const row = await trx
        .insertInto("organisations")
        .values({ ...fields, sector_id: sectors.get(sector), iza_signatory: iza_signatory ? 1 : 0 })
        .returningAll()
        .executeTakeFirstOrThrow();
      organisations.set(key, row.id);
      await trx.insertInto("organisation_regions").values({ organisation_id: row.id, region_id }).execute();
      if (subs.length) {
        await trx
          .insertInto("organisation_subregions")
          .values(subs.map((code) => ({ organisation_id: row.id, subregion_id: subregions.get(code) })))
          .execute();
      }
    }
    // Parents point at organisations that may come later in the file: a second pass.
    for (const org of data.organisations.filter((o) => o.parent)) {
      await trx
        .updateTable("organisations")
        .set({ parent_id: organisations.get(org.parent!) })
        .where("id", "=", organisations.get(org.key))
        .execute();
    }
    for (const org of data.organisations) {
      const row = await trx
        .selectFrom("organisations")
        .selectAll()
        .where("id", "=", organisations.get(org.key))
        .executeTakeFirstOrThrow();
      await insertAudited(trx, "organisations", row);
    }

    const themes = keyMap("theme");
    for (const { key, ...fields } of data.themes) {
      const row = await trx
        .insertInto("themes")
        .values({ ...fields, region_id })
        .returningAll()
        .executeTakeFirstOrThrow();
      themes.set(key, (await insertAudited(trx, "themes", row)).id);
    }

    const bodies = keyMap("body");
    for (const { key, parent: _parent, subregion, theme, ...fields } of data.bodies) {
      const row = await trx
        .insertInto("bodies")
        .values({ ...fields, region_id, theme_id: themes.optional(theme) })
        .returningAll()
        .executeTakeFirstOrThrow();
      bodies.set(key, row.id);
      if (subregion !== null) {
        await trx
          .insertInto("body_subregions")
          .values({ body_id: row.id, subregion_id: subregions.get(subregion) })
          .execute();
      }
    }
    for (const body of data.bodies) {
      const row = await trx
        .updateTable("bodies")
        .set({ parent_id: bodies.optional(body.parent) })
        .where("id", "=", bodies.get(body.key))
        .returningAll()
        .executeTakeFirstOrThrow();
      const subregion = body.subregion === null ? [] : [subregions.get(body.subregion)];
      await insertAudited(trx, "bodies", { ...row, subregion_ids: subregion });
    }

    const plans = keyMap("plan");
    for (const { key, theme, lead_organisation, subregion, team_body, funding_status, ...fields } of data.plans) {
      const row = await trx
        .insertInto("plans")
        .values({
          ...fields,
          region_id,
          theme_id: themes.optional(theme),
          lead_organisation_id: organisations.optional(lead_organisation),
          team_body_id: bodies.get(team_body),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      plans.set(key, row.id);
      await trx.insertInto("plan_funding_markers").values({ plan_id: row.id, marker: funding_status }).execute();
      const spanned = subregion === null ? [] : [subregions.get(subregion)];
      if (spanned.length > 0) {
        await trx
          .insertInto("plan_subregions")
          .values(spanned.map((subregion_id) => ({ plan_id: row.id, subregion_id })))
          .execute();
      }
      await insertAudited(trx, "plans", { ...row, subregion_ids: spanned, funding_markers: [funding_status] });
    }
    await loadDemoGovernance(trx, { bodies, plans, subregions });

    const people = keyMap("person");
    await loadPeople(trx, data.people, people);
    await loadAffiliations(trx, data.affiliations, { people, organisations });

    for (const { body, person, organisation, ...fields } of data.seats) {
      const row = await trx
        .insertInto("seats")
        .values({
          ...fields,
          body_id: bodies.get(body),
          person_id: people.optional(person),
          organisation_id: organisations.optional(organisation),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await insertAudited(trx, "seats", row);
    }

    const meetings = await loadDemoMeetings(trx, data.meetings, { bodies, organisations, people }, region_id);
    const secondRegion = await loadNoordMiddenLimburg(trx, { organisations, sectors }, second);
    // every page then says that the people and their roles are fictitious (root loader)
    await markDemoNetwork(trx, todayInAmsterdam());
    // the annual report's region, not the first by name, is where a demo visitor starts (decision 050)
    await writeStartRegion(trx, null, region_id);

    const regionIds = new Map(
      (await trx.selectFrom("regions").select(["id", "code"]).execute()).map((region) => [region.code, region.id]),
    );
    for (const [index, { email, name, role, region }] of definitions.entries()) {
      const row = await trx
        .insertInto("users")
        .values({ email, name, password_hash: hashes[index]! })
        .returningAll()
        .executeTakeFirstOrThrow();
      const regionId = region === null ? null : regionIds.get(region.code)!;
      await trx.insertInto("user_roles").values({ user_id: row.id, region_id: regionId, role }).execute();
      await insertAudited(trx, "users", { ...row, roles: [{ region: regionId, role }] });
    }
    return {
      meetings: meetings.meetings + secondRegion.meetings,
      attendance: meetings.attendance + secondRegion.attendance,
      second: secondRegion.counts,
    };
  });

  return {
    accounts,
    counts: {
      organisations: data.organisations.length + loaded.second.organisations,
      people: data.people.length + loaded.second.people,
      bodies: data.bodies.length + loaded.second.bodies,
      seats: data.seats.length + loaded.second.seats,
      meetings: loaded.meetings,
      attendance: loaded.attendance,
    },
  };
}

export function describeDemoAccounts(accounts: DemoAccount[]): string {
  const lines = accounts.map(
    (a) => `  ${a.role.padEnd(12)} ${a.email.padEnd(26)} ${a.password.padEnd(16)}  ${a.region ?? "hele netwerk"}`,
  );
  return [
    "Demo-accounts (de wachtwoorden worden alleen nu getoond / passwords are shown only now):",
    `  ${"rol".padEnd(12)} ${"e-mailadres".padEnd(26)} ${"wachtwoord".padEnd(16)}  regio`,
    ...lines,
  ].join("\n");
}

/** On start-up: loads the demo network when the database is new, and prints the accounts once. */
export async function loadDemoIfEmpty(db: DB, { log }: { log: (line: string) => void }) {
  // two servers starting together on one new PostgreSQL database: one loads, the other then finds it loaded
  const result = await exclusively(db, "kring:demo", async (db) =>
    (await isEmptyDatabase(db)) ? await loadDemo(db) : null,
  );
  if (!result) return null;
  log(
    `Demonetwerk geladen: ${result.counts.organisations} organisaties, ${result.counts.people} personen, ` +
      `${result.counts.bodies} gremia, ${result.counts.seats} zetels, ${result.counts.meetings} vergaderingen.`,
  );
  log(describeDemoAccounts(result.accounts));
  return result;
}
