import type { ListScope } from "../services/region-choice";
import type { DB } from "../../db/index";
import { containsText } from "../../db/dialect";
import type { BodyLevel } from "../../db/schema";
import { paging } from "../services/list-params";
import { compareByDutchName } from "../services/names";
import { comparePanels, type PanelComparison, type PanelStrata } from "../services/panel-draw";
import type { ExclusionReason, PanelAttributes, PanelReason } from "../services/panel-rules-schema";
import { RegisterError } from "./editing.server";
import { getWave } from "./survey-waves.server";

/**
 * Reading frozen panels: a wave's members a page at a time (a panel may hold 20 000 people, so
 * filtering and paging happen in SQL), the counts stored when it froze, and two panels compared.
 */

export const PANEL_PAGE_SIZE = 50;

/** What freezing stored in `frozen_counts`. */
export type FrozenCounts = PanelStrata & {
  excluded: number;
  exclusionsByReason: Partial<Record<ExclusionReason, number>>;
};

export interface PanelMemberFilter {
  /** part of the name or e-mail address */
  q?: string;
  /** only members excluded after freezing */
  excludedOnly: boolean;
  page: number;
}

function memberQuery(db: DB, waveId: number, filter: Omit<PanelMemberFilter, "page">) {
  let query = db.selectFrom("panel_members").where("panel_members.wave_id", "=", waveId);
  if (filter.excludedOnly) query = query.where("panel_members.excluded_at", "is not", null);
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) =>
      eb.or([
        containsText(eb.ref("panel_members.last_name"), text),
        containsText(eb.ref("panel_members.first_name"), text),
        containsText(
          eb.fn("concat_ws", [
            eb.val(" "),
            "panel_members.first_name",
            "panel_members.infix",
            "panel_members.last_name",
          ]),
          text,
        ),
        containsText(eb.ref("panel_members.email"), text),
      ]),
    );
  }
  return query;
}

/** One page of a frozen panel's members, in name order, with their attributes and reasons parsed. */
export async function listPanelMembers(db: DB, waveId: number, filter: PanelMemberFilter) {
  const { n } = await memberQuery(db, waveId, filter)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const page = paging(Number(n), filter.page, PANEL_PAGE_SIZE);
  const rows = await memberQuery(db, waveId, filter)
    .leftJoin("users", "users.id", "panel_members.excluded_by")
    .select([
      "panel_members.person_id",
      "panel_members.first_name",
      "panel_members.infix",
      "panel_members.last_name",
      "panel_members.email",
      "panel_members.level",
      "panel_members.attributes",
      "panel_members.reasons",
      "panel_members.excluded_at",
      "panel_members.exclusion_reason",
      "users.name as excluded_by_name",
    ])
    .orderBy((eb) => eb.fn("lower", ["panel_members.last_name"]))
    .orderBy((eb) => eb.fn("lower", ["panel_members.first_name"]))
    .orderBy("panel_members.person_id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    page,
    rows: rows.map(({ attributes, reasons, ...row }) => ({
      ...row,
      attributes: JSON.parse(attributes) as PanelAttributes,
      reasons: JSON.parse(reasons) as PanelReason[],
    })),
  };
}

/** One member of a wave's panel (for the exclusion form and its notice), or null. */
export async function panelMember(db: DB, waveId: number, personId: number) {
  const member = await db
    .selectFrom("panel_members")
    .select(["person_id", "first_name", "infix", "last_name", "excluded_at", "exclusion_reason"])
    .where("wave_id", "=", waveId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return member ?? null;
}

/** A frozen wave for its panel page: the wave, who froze it, the stored counts and how many were excluded later. */
export async function frozenPanel(db: DB, waveId: number) {
  const wave = await getWave(db, waveId);
  if (!wave) return null;
  const frozenBy =
    wave.frozen_by === null
      ? null
      : await db.selectFrom("users").select("name").where("id", "=", wave.frozen_by).executeTakeFirst();
  const { n } = await db
    .selectFrom("panel_members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("wave_id", "=", waveId)
    .where("excluded_at", "is not", null)
    .executeTakeFirstOrThrow();
  return {
    wave,
    frozenByName: frozenBy?.name ?? null,
    counts: wave.frozen_counts ? (JSON.parse(wave.frozen_counts) as FrozenCounts) : null,
    laterExcluded: Number(n),
  };
}

/** Waves whose panel is frozen (every status after draft), newest reference date first. */
export async function comparableWaves(db: DB, scope: ListScope) {
  // only the region looked at (decision 044): a wave id of another region is then never compared
  let query = db
    .selectFrom("survey_waves")
    .select(["id", "name", "reference_date", "status"])
    .where("status", "!=", "draft");
  if (scope !== "all") query = query.where("region_id", "=", scope.regionId);
  return query.orderBy("reference_date", "desc").orderBy("id", "desc").execute();
}

/** How many names of those who joined or left the comparison lists; the counts are always whole. */
export const COMPARISON_NAMES_SHOWN = 200;

export interface ComparedName {
  personId: number;
  first_name: string | null;
  infix: string | null;
  last_name: string;
  level: BodyLevel | null;
  organisationName: string | null;
}

async function frozenMembers(db: DB, waveId: number) {
  const rows = await db
    .selectFrom("panel_members")
    .select(["person_id", "first_name", "infix", "last_name", "attributes"])
    .where("wave_id", "=", waveId)
    .execute();
  return rows.map((row) => ({
    ...row,
    personId: row.person_id,
    attributes: JSON.parse(row.attributes) as PanelAttributes,
  }));
}

async function comparableWave(db: DB, waveId: number) {
  const wave = await db
    .selectFrom("survey_waves")
    .leftJoin("regions", "regions.id", "survey_waves.region_id")
    .select([
      "survey_waves.id",
      "survey_waves.name",
      "survey_waves.reference_date",
      "survey_waves.status",
      "regions.name as region_name",
    ])
    .where("survey_waves.id", "=", waveId)
    .executeTakeFirst();
  if (!wave) throw new RegisterError("panel.compare.errors.missing");
  if (wave.status === "draft") throw new RegisterError("panel.compare.errors.draft");
  return wave;
}

/**
 * The panels of wave `a` (before) and wave `b` (after) compared: who stayed, joined (in b only) and
 * left (in a only), by stratum, with the names of those who joined and left (the first
 * COMPARISON_NAMES_SHOWN of each, in name order). The drawn panels are compared: a later
 * exclusion does not take someone out of the panel they were drawn into.
 */
export async function compareWaves(db: DB, aId: number, bId: number) {
  if (aId === bId) throw new RegisterError("panel.compare.errors.same");
  const [a, b] = [await comparableWave(db, aId), await comparableWave(db, bId)];
  const [before, after] = [await frozenMembers(db, aId), await frozenMembers(db, bId)];
  const comparison: PanelComparison = comparePanels(before, after);
  const names = (ids: number[], from: typeof before) => {
    const wanted = new Set(ids);
    return from
      .filter((m) => wanted.has(m.personId))
      .sort((x, y) => compareByDutchName(x, y) || x.personId - y.personId)
      .slice(0, COMPARISON_NAMES_SHOWN)
      .map((m): ComparedName => ({
        personId: m.personId,
        first_name: m.first_name,
        infix: m.infix,
        last_name: m.last_name,
        level: m.attributes.level,
        organisationName: m.attributes.organisationName,
      }));
  };
  return {
    a: { ...a, size: before.length },
    b: { ...b, size: after.length },
    totals: { stayed: comparison.stayed.length, joined: comparison.joined.length, left: comparison.left.length },
    strata: comparison.strata,
    joined: names(comparison.joined, after),
    left: names(comparison.left, before),
  };
}

export type WaveComparison = Awaited<ReturnType<typeof compareWaves>>;

/**
 * The panels a person was drawn into, newest wave first: whether they answered, and a later
 * exclusion (an opt-out of that survey is one) with its reason — for the person's page.
 */
export async function panelMembershipsOf(db: DB, personId: number) {
  return (
    db
      .selectFrom("panel_members")
      .innerJoin("survey_waves", "survey_waves.id", "panel_members.wave_id")
      .leftJoin("panel_responses", "panel_responses.panel_member_id", "panel_members.id")
      .select([
        "survey_waves.id as wave_id",
        "survey_waves.name as wave_name",
        "survey_waves.reference_date",
        "panel_members.excluded_at",
        "panel_members.exclusion_reason",
        "panel_responses.completed_at",
      ])
      // a duplicate merged into the person keeps its places in frozen panels: they are the person's too
      .where((eb) =>
        eb.or([
          eb("panel_members.person_id", "=", personId),
          eb(
            "panel_members.person_id",
            "in",
            eb.selectFrom("people").select("id").where("merged_into_id", "=", personId),
          ),
        ]),
      )
      .orderBy("survey_waves.reference_date", "desc")
      .orderBy("survey_waves.id", "desc")
      .execute()
  );
}
