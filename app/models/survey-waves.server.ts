import { type Selectable } from "kysely";
import { equalsIgnoringCase, ignoringCase } from "../../db/dialect";
import type { DB } from "../../db/index";
import { can, type WithRoles } from "../auth/permissions";
import type { Language, SurveyWavesTable, WaveStatus } from "../../db/schema";
import { messageKey } from "../services/form-data";
import { displayName } from "../services/names";
import type { RuleNames } from "../services/panel-rules-text";
import type { ListScope } from "../services/region-choice";
import { EMPTY_PANEL_RULES, type PanelRules, panelRulesSchema, parseStoredRules } from "../services/panel-rules-schema";
import type { Actor, Trx } from "./audit.server";
import { inTransaction, insertAudited, loadForUpdate, RegisterError, updateAudited } from "./editing.server";
import { assertRegion } from "./regions.server";

/**
 * Survey waves (metingen): their details, their panel rules and their status. Freezing (draft →
 * frozen) draws and stores the panel and lives with the draw; this file never sets frozen_at.
 */

export type SurveyWave = Selectable<SurveyWavesTable>;

export interface WaveFields {
  name: string;
  year: number;
  reference_date: string;
  link_template: string;
  method_notes: string | null;
}

/** Only these steps are allowed after freezing; the order is fixed. */
export const NEXT_WAVE_STATUS: Partial<Record<WaveStatus, WaveStatus>> = { frozen: "in_field", in_field: "closed" };

/** The scope's survey waves, latest reference date first, each with its region and the size of its panel. */
export async function listWaves(db: DB, scope: ListScope) {
  let query = db
    .selectFrom("survey_waves")
    .leftJoin("regions", "regions.id", "survey_waves.region_id")
    .select((eb) => [
      "survey_waves.id",
      "regions.name as region_name",
      "survey_waves.name",
      "survey_waves.year",
      "survey_waves.reference_date",
      "survey_waves.status",
      eb
        .selectFrom("panel_members")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("panel_members.wave_id", "=", "survey_waves.id")
        .as("panel_size"),
    ]);
  if (scope !== "all") query = query.where("survey_waves.region_id", "=", scope.regionId);
  return query.orderBy("survey_waves.reference_date", "desc").orderBy("survey_waves.id", "desc").execute();
}

/** The wave with its rules read through the schema and the size of its panel (0 before freezing). */
export async function getWave(db: DB | Trx, id: number) {
  const wave = await db
    .selectFrom("survey_waves")
    .leftJoin("regions", "regions.id", "survey_waves.region_id")
    .selectAll("survey_waves")
    .select("regions.name as region_name")
    .where("survey_waves.id", "=", id)
    .executeTakeFirst();
  if (!wave) return null;
  const { n } = await db
    .selectFrom("panel_members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("wave_id", "=", id)
    .executeTakeFirstOrThrow();
  return { ...wave, rules: parseStoredRules(wave.rules), panelSize: Number(n) };
}

function refuseLinkWithoutToken(link: string) {
  if (!link.includes("{token}")) throw new RegisterError("waves.errors.linkWithoutToken", "link_template");
}

async function refuseTakenName(trx: Trx, name: string, exceptId?: number) {
  const existing = await trx
    .selectFrom("survey_waves")
    .select(["id", "name"])
    .where(equalsIgnoringCase(trx, "name", name.trim()))
    .$if(exceptId !== undefined, (q) => q.where("id", "!=", exceptId ?? 0))
    .executeTakeFirst();
  if (existing)
    throw new RegisterError("waves.errors.nameTaken", "name", {
      href: `/onderzoek/${existing.id}`,
      name: existing.name,
    });
}

/**
 * A reference date on or before that of a closed wave lies in a period whose measurement is over:
 * drawing a panel there would measure that period twice.
 */
async function refuseClosedPeriod(trx: Trx, referenceDate: string, exceptId?: number) {
  const closed = await trx
    .selectFrom("survey_waves")
    .select(["id", "name", "reference_date"])
    .where("status", "=", "closed")
    .where("reference_date", ">=", referenceDate)
    .$if(exceptId !== undefined, (q) => q.where("id", "!=", exceptId ?? 0))
    .orderBy("reference_date", "desc")
    .executeTakeFirst();
  if (closed) {
    throw new RegisterError(
      messageKey("waves.errors.referenceDateClosed", { wave: closed.name, date: closed.reference_date }),
      "reference_date",
      {
        href: `/onderzoek/${closed.id}`,
        name: closed.name,
      },
    );
  }
}

async function checkFields(trx: Trx, fields: WaveFields, exceptId?: number) {
  refuseLinkWithoutToken(fields.link_template);
  await refuseTakenName(trx, fields.name, exceptId);
  await refuseClosedPeriod(trx, fields.reference_date, exceptId);
}

function columns(fields: WaveFields) {
  return {
    name: fields.name.trim(),
    year: fields.year,
    reference_date: fields.reference_date,
    link_template: fields.link_template.trim(),
    method_notes: fields.method_notes,
  };
}

/**
 * A new draft wave in a region, or network-wide (`regionId` null, decision 046) — which only an actor
 * whose network-wide role runs research may make, whatever page asked.
 */
export async function createWave(
  db: DB,
  actor: Actor & Partial<WithRoles>,
  fields: WaveFields,
  regionId: number | null,
): Promise<SurveyWave> {
  if (regionId === null && !can(actor.roles ? { roles: actor.roles } : null, "research.run", "network"))
    throw new RegisterError("waves.errors.networkWideOnly", "region_id");
  return inTransaction(db, async (trx) => {
    if (regionId !== null) await assertRegion(trx, regionId);
    await checkFields(trx, fields);
    return insertAudited(trx, actor, "survey_waves", {
      ...columns(fields),
      rules: JSON.stringify(EMPTY_PANEL_RULES),
      region_id: regionId,
    });
  });
}

async function loadDraft(trx: Trx, id: number) {
  const wave = await loadForUpdate(trx, "survey_waves", id);
  if (wave.status !== "draft") throw new RegisterError("waves.errors.frozen");
  return wave;
}

export async function updateWave(
  db: DB,
  actor: Actor,
  id: number,
  version: number,
  fields: WaveFields,
): Promise<SurveyWave> {
  return inTransaction(db, async (trx) => {
    await loadDraft(trx, id);
    await checkFields(trx, fields, id);
    const { after } = await updateAudited(trx, actor, "survey_waves", id, version, columns(fields));
    return after;
  });
}

/** Ids the rules refer to that are not in the table: a choice made stale (or forged) is refused, not ignored. */
async function refuseUnknownIds(trx: Trx, rules: PanelRules) {
  const checks = [
    ["bodies", rules.seatRules.flatMap((r) => r.bodyIds)],
    ["themes", rules.seatRules.flatMap((r) => r.themeIds)],
    ["plans", rules.seatRules.flatMap((r) => r.planIds)],
    ["subregions", rules.seatRules.flatMap((r) => r.subregionIds)],
    ["sectors", rules.organisationRules.flatMap((r) => r.sectorIds)],
    ["people", rules.exclude.manual.map((m) => m.personId)],
  ] as const;
  for (const [table, wanted] of checks) {
    const ids = [...new Set(wanted)];
    if (ids.length === 0) continue;
    const found = await trx.selectFrom(table).select("id").where("id", "in", ids).execute();
    if (found.length !== ids.length) throw new RegisterError(`waves.errors.unknown.${table}`);
  }
}

export async function updateWaveRules(
  db: DB,
  actor: Actor,
  id: number,
  version: number,
  rules: PanelRules,
): Promise<SurveyWave> {
  const checked = panelRulesSchema.safeParse(rules);
  if (!checked.success) throw new RegisterError("common.form.invalid");
  return inTransaction(db, async (trx) => {
    await loadDraft(trx, id);
    await refuseUnknownIds(trx, checked.data);
    const { after } = await updateAudited(
      trx,
      actor,
      "survey_waves",
      id,
      version,
      { rules: JSON.stringify(checked.data) },
      {
        summary: "panel rules",
      },
    );
    return after;
  });
}

/** frozen → in_field → closed, one step at a time; freezing itself is the draw's. */
export async function setWaveStatus(
  db: DB,
  actor: Actor,
  id: number,
  version: number,
  status: WaveStatus,
): Promise<SurveyWave> {
  return inTransaction(db, async (trx) => {
    const wave = await loadForUpdate(trx, "survey_waves", id);
    if (NEXT_WAVE_STATUS[wave.status] !== status) throw new RegisterError("waves.errors.statusOrder");
    const { after } = await updateAudited(
      trx,
      actor,
      "survey_waves",
      id,
      version,
      { status },
      { summary: `status ${status}` },
    );
    return after;
  });
}

/** Names of the people the rules exclude by hand, for showing them. */
export async function peopleNames(db: DB, ids: readonly number[]): Promise<Record<number, string>> {
  if (ids.length === 0) return {};
  const rows = await db
    .selectFrom("people")
    .select(["id", "first_name", "infix", "last_name", "initials", "title"])
    .where("id", "in", [...new Set(ids)])
    .execute();
  return Object.fromEntries(rows.map((row) => [row.id, displayName(row)]));
}

/** The records a panel rule can name, in a scope, each with its region's name. */
async function ruleRecords(db: DB, scope: ListScope) {
  const regionId = scope === "all" ? null : scope.regionId;
  const [bodies, subregions, themes, plans, sectors] = await Promise.all([
    db
      .selectFrom("bodies")
      .innerJoin("regions", "regions.id", "bodies.region_id")
      .select(["bodies.id", "bodies.name", "bodies.level", "bodies.archived_at", "regions.name as region_name"])
      .$if(regionId !== null, (q) => q.where("bodies.region_id", "=", regionId!))
      .orderBy(ignoringCase(db, "bodies.name"))
      .execute(),
    db
      .selectFrom("subregions")
      .innerJoin("regions", "regions.id", "subregions.region_id")
      .select(["subregions.id", "subregions.name", "regions.name as region_name"])
      .$if(regionId !== null, (q) => q.where("subregions.region_id", "=", regionId!))
      .orderBy("regions.name")
      .orderBy("subregions.name")
      .execute(),
    db
      .selectFrom("themes")
      .innerJoin("regions", "regions.id", "themes.region_id")
      .select(["themes.id", "themes.name", "themes.archived_at", "regions.name as region_name"])
      .$if(regionId !== null, (q) => q.where("themes.region_id", "=", regionId!))
      .orderBy(ignoringCase(db, "themes.name"))
      .execute(),
    db
      .selectFrom("plans")
      .innerJoin("regions", "regions.id", "plans.region_id")
      .select(["plans.id", "plans.name", "plans.archived_at", "regions.name as region_name"])
      .$if(regionId !== null, (q) => q.where("plans.region_id", "=", regionId!))
      .orderBy(ignoringCase(db, "plans.name"))
      .execute(),
    db.selectFrom("sectors").select(["id", "name_nl", "name_en"]).orderBy("sort_order").execute(),
  ]);
  return { bodies, subregions, themes, plans, sectors };
}

/**
 * Names a rule's record as the wave's readers tell it apart: in a network-wide wave with its region
 * ("Noord- en Midden-Limburg — Noord"), where two regions may each have a Stuurgroep.
 */
const namedFor =
  (scope: ListScope) =>
  <T extends { name: string; region_name: string }>({ region_name, ...row }: T) => ({
    ...row,
    name: scope === "all" ? `${region_name} — ${row.name}` : row.name,
  });

/**
 * What the rules form of a wave offers: the records of the wave's region, every region's for a
 * network-wide wave (decision 046), so a regional wave's rule never names a record it cannot draw from.
 */
export async function ruleChoices(db: DB, scope: ListScope) {
  return namedRecords(await ruleRecords(db, scope), scope);
}

function namedRecords(records: Awaited<ReturnType<typeof ruleRecords>>, scope: ListScope) {
  const named = namedFor(scope);
  return {
    bodies: records.bodies.map(named),
    subregions: records.subregions.map(named),
    themes: records.themes.map(named),
    plans: records.plans.map(named),
    sectors: records.sectors,
  };
}

/** The names the rules in words need: every chosen record by id (sectors in the reader's language). */
export async function ruleNamesFor(
  db: DB,
  rules: PanelRules,
  language: Language,
  scope: ListScope,
): Promise<RuleNames> {
  // every record, so that a rule saved before the form was narrowed still reads in words
  const choices = namedRecords(await ruleRecords(db, "all"), scope);
  const byId = (rows: readonly { id: number; name: string }[]) =>
    Object.fromEntries(rows.map((row) => [row.id, row.name]));
  return {
    bodies: byId(choices.bodies),
    subregions: byId(choices.subregions),
    themes: byId(choices.themes),
    plans: byId(choices.plans),
    sectors: Object.fromEntries(choices.sectors.map((s) => [s.id, language === "en" ? s.name_en : s.name_nl])),
    people: await peopleNames(
      db,
      rules.exclude.manual.map((m) => m.personId),
    ),
  };
}
