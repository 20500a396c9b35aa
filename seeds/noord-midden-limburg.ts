import { z } from "zod";
import { BODY_KINDS, BODY_LEVELS, DECISION_MODES, FUNDING_STATUSES, SEAT_ROLES } from "../db/schema";
import { recordAudit, type Trx } from "../app/models/audit.server";
import {
  affiliationRow,
  day,
  insertAudited,
  keyMap,
  type KeyMap,
  loadAffiliations,
  loadPeople,
  optionalText,
  organisationRow,
  personRow,
  readDataFile,
  text,
  themeRow,
} from "./demo-data";
import { loadDemoMeetings, meetingsFile } from "./meetings";

/**
 * The demo's second region, Noord- en Midden-Limburg (decision 045), from its regional plan and
 * cooperation agreement: seeds/data/noord-midden-limburg.json, described in
 * docs/demo-noord-midden-limburg.md. Loaded after the first region, in the same transaction, so the
 * organisations both regions name stay one record with two region links. The file's "source" fields
 * are what the data's own test checks against the sources; zod leaves them out here.
 */

const code = text;
const regionFile = z.object({
  region: z.object({
    code,
    name: text,
    tagline: text,
    subregions: z.array(z.object({ code, name: text })),
  }),
  organisations: z.array(organisationRow),
  existingOrganisationsAlsoHere: z.array(
    z.object({ key: text, regions: z.array(code).min(1), subregions: z.array(code) }),
  ),
  themes: z.array(themeRow),
  bodies: z.array(
    z.object({
      key: text,
      name: text,
      abbreviation: optionalText,
      kind: z.enum(BODY_KINDS),
      level: z.enum(BODY_LEVELS),
      parent: optionalText,
      subregions: z.array(code),
      theme: optionalText,
      description: optionalText,
      active_from: day.nullable(),
      active_to: day.nullable(),
      meetings_per_year: z.number().int().positive().nullable(),
      // the register holds a range only in weeks (decision 039)
      frequency_range: z
        .object({ min: z.number().int().positive(), max: z.number().int().positive(), unit: z.literal("weeks") })
        .refine((range) => range.min <= range.max, "min is more than max")
        .optional(),
      decision_mode: z.enum(DECISION_MODES).nullable(),
    }),
  ),
  plans: z.array(
    z.object({
      key: text,
      name: text,
      theme: optionalText,
      funding_markers: z.array(z.enum(FUNDING_STATUSES)),
      lead_organisation: optionalText,
      subregions: z.array(code),
      description: optionalText,
      team_body: optionalText,
    }),
  ),
  people: z.array(personRow),
  affiliations: z.array(affiliationRow),
  seats: z.array(
    z.object({
      body: text,
      person: text.nullable(),
      role: z.enum(SEAT_ROLES),
      organisation: text.nullable(),
      constituency: z.object({ sector: code.nullable(), subregion: code.nullable() }).optional(),
      start_date: day,
      end_date: day.nullable(),
      note: optionalText,
    }),
  ),
  meetings: meetingsFile,
});
export type NoordMiddenLimburgData = z.infer<typeof regionFile>;

export function readNoordMiddenLimburgData(): NoordMiddenLimburgData {
  return readDataFile("noord-midden-limburg.json", regionFile);
}

async function placesOf(trx: Trx, organisationId: number) {
  const [regions, subregions] = await Promise.all([
    trx
      .selectFrom("organisation_regions")
      .select("region_id")
      .where("organisation_id", "=", organisationId)
      .orderBy("region_id")
      .execute(),
    trx
      .selectFrom("organisation_subregions")
      .select("subregion_id")
      .where("organisation_id", "=", organisationId)
      .orderBy("subregion_id")
      .execute(),
  ]);
  return {
    region_ids: regions.map((row) => row.region_id),
    subregion_ids: subregions.map((row) => row.subregion_id),
  };
}

/**
 * Loads the region into a database that holds the first demo region: `organisations` and `sectors` are
 * that load's keys, as the file names existing organisations and sectors by them.
 */
export async function loadNoordMiddenLimburg(
  trx: Trx,
  keys: { organisations: KeyMap; sectors: KeyMap },
  data = readNoordMiddenLimburgData(),
): Promise<{
  regionId: number;
  meetings: number;
  attendance: number;
  counts: Record<"organisations" | "people" | "bodies" | "seats", number>;
}> {
  const { organisations, sectors } = keys;
  const { id: regionId } = await trx
    .insertInto("regions")
    .values({ code: data.region.code, name: data.region.name, tagline: data.region.tagline })
    .returning("id")
    .executeTakeFirstOrThrow();
  const subregions = keyMap("subregion");
  for (const sub of data.region.subregions) {
    const row = await trx
      .insertInto("subregions")
      .values({ region_id: regionId, code: sub.code, name: sub.name })
      .returning("id")
      .executeTakeFirstOrThrow();
    subregions.set(sub.code, row.id);
  }

  for (const { key, sector, subregions: subs, parent: _parent, iza_signatory, ...fields } of data.organisations) {
    const row = await trx
      .insertInto("organisations")
      .values({ ...fields, sector_id: sectors.get(sector), iza_signatory: iza_signatory ? 1 : 0 })
      .returningAll()
      .executeTakeFirstOrThrow();
    organisations.set(key, row.id);
    await trx.insertInto("organisation_regions").values({ organisation_id: row.id, region_id: regionId }).execute();
    if (subs.length) {
      await trx
        .insertInto("organisation_subregions")
        .values(subs.map((sub) => ({ organisation_id: row.id, subregion_id: subregions.get(sub) })))
        .execute();
    }
  }
  for (const org of data.organisations) {
    const id = organisations.get(org.key);
    const row = await trx
      .updateTable("organisations")
      .set({ parent_id: organisations.optional(org.parent) })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertAudited(trx, "organisations", { ...row, ...(await placesOf(trx, id)) });
  }

  // One organisation in two regions: the existing record gains this region's link, as an edit would.
  const regionIds = new Map(
    (await trx.selectFrom("regions").select(["id", "code"]).execute()).map((region) => [region.code, region.id]),
  );
  for (const also of data.existingOrganisationsAlsoHere) {
    const id = organisations.get(also.key);
    const before = await trx.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const placesBefore = await placesOf(trx, id);
    for (const regionCode of also.regions) {
      const linkedId = regionIds.get(regionCode);
      if (linkedId === undefined) throw new Error(`Demo data: unknown region "${regionCode}" for "${also.key}"`);
      if (!placesBefore.region_ids.includes(linkedId)) {
        await trx.insertInto("organisation_regions").values({ organisation_id: id, region_id: linkedId }).execute();
      }
    }
    if (also.subregions.length) {
      await trx
        .insertInto("organisation_subregions")
        .values(also.subregions.map((sub) => ({ organisation_id: id, subregion_id: subregions.get(sub) })))
        .execute();
    }
    const after = await trx
      .updateTable("organisations")
      .set({ version: before.version + 1, updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, null, {
      action: "update",
      entity: "organisations",
      entityId: id,
      before: { ...before, ...placesBefore },
      after: { ...after, ...(await placesOf(trx, id)) },
      summary: "demodata",
    });
  }

  const themes = keyMap("theme");
  for (const { key, ...fields } of data.themes) {
    const row = await trx
      .insertInto("themes")
      .values({ ...fields, region_id: regionId })
      .returningAll()
      .executeTakeFirstOrThrow();
    themes.set(key, (await insertAudited(trx, "themes", row)).id);
  }

  const bodies = keyMap("body");
  for (const { key, parent: _parent, subregions: spanned, theme, frequency_range, ...fields } of data.bodies) {
    const row = await trx
      .insertInto("bodies")
      .values({
        ...fields,
        region_id: regionId,
        theme_id: themes.optional(theme),
        meeting_interval_min_weeks: frequency_range?.min ?? null,
        meeting_interval_max_weeks: frequency_range?.max ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    bodies.set(key, row.id);
    if (spanned.length) {
      await trx
        .insertInto("body_subregions")
        .values(spanned.map((sub) => ({ body_id: row.id, subregion_id: subregions.get(sub) })))
        .execute();
    }
  }
  // Parents may come later in the file: a second pass, then each body's one audit entry.
  for (const body of data.bodies) {
    const row = await trx
      .updateTable("bodies")
      .set({ parent_id: bodies.optional(body.parent) })
      .where("id", "=", bodies.get(body.key))
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertAudited(trx, "bodies", { ...row, subregion_ids: body.subregions.map((sub) => subregions.get(sub)) });
  }

  for (const {
    key,
    theme,
    lead_organisation,
    subregions: spanned,
    team_body,
    funding_markers,
    ...fields
  } of data.plans) {
    const row = await trx
      .insertInto("plans")
      .values({
        ...fields,
        region_id: regionId,
        theme_id: themes.optional(theme),
        lead_organisation_id: organisations.optional(lead_organisation),
        team_body_id: bodies.optional(team_body),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const subregionIds = spanned.map((sub) => subregions.get(sub));
    // the source gives these plans no funding marker; the plan form asks for one when they are edited
    if (funding_markers.length) {
      await trx
        .insertInto("plan_funding_markers")
        .values(funding_markers.map((marker) => ({ plan_id: row.id, marker })))
        .execute();
    }
    if (subregionIds.length) {
      await trx
        .insertInto("plan_subregions")
        .values(subregionIds.map((subregion_id) => ({ plan_id: row.id, subregion_id })))
        .execute();
    }
    await insertAudited(trx, "plans", { ...row, subregion_ids: subregionIds, funding_markers });
  }

  const people = keyMap("person");
  await loadPeople(trx, data.people, people);
  await loadAffiliations(trx, data.affiliations, { people, organisations });

  for (const { body, person, organisation, constituency, ...fields } of data.seats) {
    const row = await trx
      .insertInto("seats")
      .values({
        ...fields,
        body_id: bodies.get(body),
        person_id: people.optional(person),
        organisation_id: organisations.optional(organisation),
        constituency_sector_id: sectors.optional(constituency?.sector ?? null),
        constituency_subregion_id: subregions.optional(constituency?.subregion ?? null),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertAudited(trx, "seats", row);
  }

  const meetings = await loadDemoMeetings(trx, data.meetings, { bodies, organisations, people }, regionId);
  return {
    regionId,
    ...meetings,
    counts: {
      organisations: data.organisations.length,
      people: data.people.length,
      bodies: data.bodies.length,
      seats: data.seats.length,
    },
  };
}
