import type { DB } from "../../db/index";
import { FUNDING_STATUSES, type FundingStatus, THEME_KINDS, type ThemeKind } from "../../db/schema";
import { foldForComparison } from "../services/names";
import type { ListScope } from "../services/region-choice";
import type { Actor, Trx } from "./audit.server";
import { inTransaction, insertAudited, loadForUpdate, RegisterError, updateAudited } from "./editing.server";
import { assertRegion } from "./regions.server";
import { markersOfPlans } from "./governance.server";

/**
 * Themes: the network's inhoudelijke and randvoorwaardelijke thema's, under which bodies work
 * and plans are made. Archived, never deleted: bodies and plans keep pointing at them.
 */

export interface ThemeInput {
  name: string;
  kind: ThemeKind;
  description: string | null;
}

export interface ThemeListFilter {
  kind?: ThemeKind;
  /** only the plans with this funding marker (among others), and only the themes that have one */
  fundingStatus?: FundingStatus;
  includeArchived?: boolean;
}

/** A plan ranks by its first funding marker in the design's order (decision 038). */
const fundingRank = (markers: readonly FundingStatus[]) =>
  markers.length === 0 ? FUNDING_STATUSES.length : FUNDING_STATUSES.indexOf(markers[0]!);

/** The plans with their funding markers, only those carrying `marker` when one is asked. */
async function withMarkers<P extends { id: number }>(db: DB, plans: P[], marker?: FundingStatus) {
  const markers = await markersOfPlans(
    db,
    plans.map((plan) => plan.id),
  );
  return plans
    .map((plan) => ({ ...plan, funding_markers: markers.get(plan.id) ?? [] }))
    .filter((plan) => !marker || plan.funding_markers.includes(marker));
}

/**
 * The scope's themes by kind (inhoudelijk first), then name; each with its region, the number of its
 * current bodies and plans and its plans (by funding status, then name).
 */
export async function listThemes(db: DB, scope: ListScope, filter: ThemeListFilter = {}) {
  let themes = db
    .selectFrom("themes")
    .innerJoin("regions", "regions.id", "themes.region_id")
    .select(["themes.id", "themes.name", "themes.kind", "themes.description", "themes.archived_at"])
    .select("regions.name as region_name")
    .select((eb) => [
      eb
        .selectFrom("bodies")
        .whereRef("bodies.theme_id", "=", "themes.id")
        .where("bodies.archived_at", "is", null)
        .select((s) => s.fn.countAll<number>().as("n"))
        .as("body_count"),
      eb
        .selectFrom("plans")
        .whereRef("plans.theme_id", "=", "themes.id")
        .where("plans.archived_at", "is", null)
        .select((s) => s.fn.countAll<number>().as("n"))
        .as("plan_count"),
    ]);
  if (scope !== "all") themes = themes.where("themes.region_id", "=", scope.regionId);
  if (filter.kind) themes = themes.where("themes.kind", "=", filter.kind);
  if (!filter.includeArchived) themes = themes.where("themes.archived_at", "is", null);

  let plans = db
    .selectFrom("plans")
    .select(["plans.id", "plans.name", "plans.theme_id", "plans.archived_at"])
    .where("plans.theme_id", "is not", null);
  if (!filter.includeArchived) plans = plans.where("plans.archived_at", "is", null);
  if (scope !== "all") {
    // a plan is listed under its theme, which may be of another region than the plan (decision 040)
    const regionId = scope.regionId;
    plans = plans.where((eb) =>
      eb("plans.theme_id", "in", eb.selectFrom("themes").select("themes.id").where("themes.region_id", "=", regionId)),
    );
  }

  const [themeRows, planRows] = await Promise.all([
    themes.execute(),
    plans.execute().then((rows) => withMarkers(db, rows, filter.fundingStatus)),
  ]);
  const byName = (a: { name: string }, b: { name: string }) =>
    a.name.localeCompare(b.name, "nl", { sensitivity: "base" });
  const sortedPlans = planRows.sort(
    (a, b) => fundingRank(a.funding_markers) - fundingRank(b.funding_markers) || byName(a, b),
  );
  return themeRows
    .map(({ body_count, plan_count, ...theme }) => ({
      ...theme,
      bodyCount: Number(body_count ?? 0),
      planCount: Number(plan_count ?? 0),
      plans: sortedPlans.filter((plan) => plan.theme_id === theme.id).map(({ theme_id: _theme, ...plan }) => plan),
    }))
    .filter((theme) => !filter.fundingStatus || theme.plans.length > 0)
    .sort((a, b) => THEME_KINDS.indexOf(a.kind) - THEME_KINDS.indexOf(b.kind) || byName(a, b));
}

/** A theme with the bodies that work on it and its plans; null when there is none. */
export async function getTheme(db: DB, id: number) {
  const theme = await db.selectFrom("themes").selectAll().where("id", "=", id).executeTakeFirst();
  if (!theme) return null;
  const [bodies, planRows] = await Promise.all([
    db
      .selectFrom("bodies")
      .select(["id", "name", "abbreviation", "kind", "level", "archived_at"])
      .where("theme_id", "=", id)
      .orderBy("archived_at")
      .orderBy("name")
      .execute(),
    db
      .selectFrom("plans")
      .leftJoin("organisations", "organisations.id", "plans.lead_organisation_id")
      .select([
        "plans.id",
        "plans.name",
        "plans.archived_at",
        "plans.lead_organisation_id",
        "organisations.name as lead_organisation_name",
      ])
      .where("plans.theme_id", "=", id)
      .execute(),
  ]);
  const plans = await withMarkers(db, planRows);
  plans.sort(
    (a, b) =>
      Number(!!a.archived_at) - Number(!!b.archived_at) ||
      fundingRank(a.funding_markers) - fundingRank(b.funding_markers) ||
      a.name.localeCompare(b.name, "nl", { sensitivity: "base" }),
  );
  return { theme, bodies, plans };
}

/**
 * Refuses a name another theme already has, ignoring case and accents ("mentale Gezondheid"
 * is "Mentale gezondheid"), and offers to open that theme.
 */
async function refuseDuplicateName(trx: Trx, name: string, regionId: number, exceptId?: number) {
  const wanted = foldForComparison(name.trim());
  const rows = await trx.selectFrom("themes").select(["id", "name"]).where("region_id", "=", regionId).execute();
  const existing = rows.find((row) => row.id !== exceptId && foldForComparison(row.name.trim()) === wanted);
  if (existing) {
    throw new RegisterError("themes.errors.duplicateTheme", "name", {
      href: `/themas/${existing.id}`,
      name: existing.name,
    });
  }
}

export async function createTheme(db: DB, actor: Actor, input: ThemeInput, regionId: number) {
  return inTransaction(db, async (trx) => {
    await assertRegion(trx, regionId);
    await refuseDuplicateName(trx, input.name, regionId);
    return insertAudited(trx, actor, "themes", { ...input, region_id: regionId });
  });
}

/** Saves the editor's changes if the theme still has the version they saw. */
export async function updateTheme(db: DB, actor: Actor, id: number, version: number, input: ThemeInput) {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "themes", id);
    await refuseDuplicateName(trx, input.name, current.region_id, id);
    const { after } = await updateAudited(trx, actor, "themes", id, version, input);
    return after;
  });
}

/** Archives a theme; its bodies and plans keep it (shown as archived). */
export async function archiveTheme(db: DB, actor: Actor, id: number, version: number) {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "themes", id);
    // a different version is a concurrent change, which updateAudited reports in full
    if (current.version === version && current.archived_at) throw new RegisterError("themes.errors.alreadyArchived");
    const { after } = await updateAudited(
      trx,
      actor,
      "themes",
      id,
      version,
      { archived_at: new Date().toISOString() },
      { action: "archive" },
    );
    return after;
  });
}

export async function restoreTheme(db: DB, actor: Actor, id: number, version: number) {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "themes", id);
    if (current.version === version && !current.archived_at) throw new RegisterError("themes.errors.notArchived");
    const { after } = await updateAudited(
      trx,
      actor,
      "themes",
      id,
      version,
      { archived_at: null },
      { action: "restore" },
    );
    return after;
  });
}
