import type { DB } from "../../db/index";
import type { BodyLevel, User } from "../../db/schema";
import { freezeWave } from "../../app/models/panel-freeze.server";
import { createWave, updateWaveRules } from "../../app/models/survey-waves.server";
import { type PanelRules, panelRulesSchema } from "../../app/services/panel-rules-schema";
import { makeBody, makeOrganisation, makePerson, makeSector, makeSeat, unique, defaultRegionId } from "./db";
import { makeSubregion } from "./organisations";
import { makeAffiliation } from "./people";

/** The rules of the network's yearly panel: everyone with a seat in a strategic or tactical body. */
export const STRATEGIC_AND_TACTICAL: PanelRules = panelRulesSchema.parse({
  seatRules: [{ levels: ["strategisch", "tactisch"] }],
});

/**
 * Two organisations (a GGD in Parkstad, a welfare organisation without subregion), a strategic
 * and a tactical body, and a member factory: a person with an address, a job and a seat.
 */
export async function panelRegister(db: DB) {
  const parkstad = await makeSubregion(db, { name: "Parkstad" });
  const ggd = await makeOrganisation(db, {
    name: "GGD Zuid Limburg",
    sector_id: (await makeSector(db, { code: "ggd", name_nl: "GGD" })).id,
  });
  await db
    .insertInto("organisation_subregions")
    .values({ organisation_id: ggd.id, subregion_id: parkstad.id })
    .execute();
  const welzijn = await makeOrganisation(db, {
    name: "Welzijn Mijnstreek",
    sector_id: (await makeSector(db, { code: "welzijn", name_nl: "Welzijn" })).id,
  });
  const bodies = {
    strategisch: await makeBody(db, {
      name: "Bestuurlijke Regiegroep",
      abbreviation: "BRG",
      kind: "regiegroep",
      level: "strategisch",
    }),
    tactisch: await makeBody(db, { name: "Adviesteam", kind: "adviesteam", level: "tactisch" }),
  } satisfies Record<Exclude<BodyLevel, "operationeel">, unknown>;

  async function member(
    lastName: string,
    {
      level,
      organisation,
      from = "2024-01-01",
      until = null,
    }: { level: keyof typeof bodies; organisation: "ggd" | "welzijn"; from?: string; until?: string | null },
  ) {
    const person = await makePerson(db, {
      first_name: "Test",
      last_name: lastName,
      email: `${lastName.toLowerCase().replace(/\W/g, "")}-${unique()}@example.org`,
    });
    const organisationId = organisation === "ggd" ? ggd.id : welzijn.id;
    await makeAffiliation(db, { person_id: person.id, organisation_id: organisationId, start_date: "2023-01-01" });
    await makeSeat(db, {
      body_id: bodies[level].id,
      person_id: person.id,
      organisation_id: organisationId,
      start_date: from,
      end_date: until,
    });
    return person;
  }
  return { parkstad, ggd, welzijn, bodies, member };
}

/** A wave made and frozen as a researcher would: created, its rules saved, frozen. */
export async function frozenWave(
  db: DB,
  actor: User,
  name: string,
  referenceDate: string,
  rules: PanelRules = STRATEGIC_AND_TACTICAL,
) {
  const created = await createWave(
    db,
    actor,
    {
      name,
      year: Number(referenceDate.slice(0, 4)),
      reference_date: referenceDate,
      link_template: "https://enquete.example.org/s/{token}",
      method_notes: null,
    },
    await defaultRegionId(db),
  );
  const withRules = await updateWaveRules(db, actor, created.id, created.version, rules);
  const { wave } = await freezeWave(db, actor, created.id, withRules.version);
  return wave;
}
