import { sql } from "kysely";
import { containsText, idList, ignoringCase, joinedText } from "../../db/dialect";
import type { DB } from "../../db/index";
import { FUNDING_STATUSES, type FundingStatus } from "../../db/schema";
import { paging } from "../services/list-params";
import { foldForComparison } from "../services/names";
import type { PlanSort } from "../services/plan-sorts";
import type { ListScope } from "../services/region-choice";
import type { Actor, Trx } from "./audit.server";
import { rosterOnDay } from "./bodies.server";
import { inTransaction, insertAudited, loadForUpdate, RegisterError, updateAudited } from "./editing.server";
import { assertRegion, subregionsIn } from "./regions.server";
import { assertOrganisationInRegion, assertSameRegion } from "./region-references.server";
import {
  assertSubregionsIn,
  bodySubregionRows,
  markersOfPlans,
  planGovernanceRows,
  subregionsOfPlans,
} from "./governance.server";

/**
 * Plans: the network's transformation plans, each under a theme, with one or more funding markers,
 * the subregions they span (decision 038) and a lead organisation. A plan's people are not stored on the plan: its team is a body of kind
 * projectteam, so project leaders and members are seats like any other, with their history.
 */

export interface PlanInput {
  name: string;
  theme_id: number;
  /** at least one, in the design's order */
  funding_markers: FundingStatus[];
  lead_organisation_id: number | null;
  /** none: the whole region */
  subregion_ids: number[];
  description: string | null;
}

/** The plan's own columns, without its child rows. */
function planColumns(input: PlanInput) {
  return {
    name: input.name,
    theme_id: input.theme_id,
    lead_organisation_id: input.lead_organisation_id,
    description: input.description,
  };
}

export interface PlanListFilter {
  q?: string;
  themeId?: number;
  fundingStatus?: FundingStatus;
  subregionId?: number;
  includeArchived?: boolean;
  sort?: PlanSort;
  page: number;
}

/** A plan's first funding marker in the order the design lists them, not alphabetically. */
const fundingOrder = sql<number>`(select min(case plan_funding_markers.marker ${sql.join(
  FUNDING_STATUSES.map((status, rank) => sql`when ${sql.lit(status)} then ${sql.lit(rank)}`),
  sql` `,
)} end) from plan_funding_markers where plan_funding_markers.plan_id = plans.id)`;

export async function listPlans(db: DB, scope: ListScope, filter: PlanListFilter) {
  let query = db
    .selectFrom("plans")
    .leftJoin("themes", "themes.id", "plans.theme_id")
    .leftJoin("organisations", "organisations.id", "plans.lead_organisation_id")
    .innerJoin("regions", "regions.id", "plans.region_id");
  if (scope !== "all") query = query.where("plans.region_id", "=", scope.regionId);
  if (!filter.includeArchived) query = query.where("plans.archived_at", "is", null);
  if (filter.themeId) query = query.where("plans.theme_id", "=", filter.themeId);
  const { fundingStatus, subregionId } = filter;
  if (fundingStatus) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("plan_funding_markers")
          .select("plan_funding_markers.plan_id")
          .whereRef("plan_funding_markers.plan_id", "=", "plans.id")
          .where("plan_funding_markers.marker", "=", fundingStatus),
      ),
    );
  }
  if (subregionId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("plan_subregions")
          .select("plan_subregions.plan_id")
          .whereRef("plan_subregions.plan_id", "=", "plans.id")
          .where("plan_subregions.subregion_id", "=", subregionId),
      ),
    );
  }
  const text = filter.q;
  if (text) query = query.where((eb) => containsText(eb.ref("plans.name"), text));

  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const page = paging(Number(total), filter.page);
  let rows = query.select((eb) => [
    "plans.id",
    "plans.name",
    "plans.archived_at",
    "plans.theme_id",
    "plans.lead_organisation_id",
    "themes.name as theme_name",
    "organisations.name as lead_organisation_name",
    eb
      .selectFrom("plan_subregions")
      .innerJoin("subregions", "subregions.id", "plan_subregions.subregion_id")
      .whereRef("plan_subregions.plan_id", "=", "plans.id")
      .select((s) => joinedText(s.ref("subregions.name"), ", ").as("names"))
      .as("subregion_name"),
    "regions.name as region_name",
  ]);
  const byName = ignoringCase(db, "plans.name");
  // empty values last, whatever the column
  switch (filter.sort ?? "naam") {
    case "thema":
      rows = rows.orderBy(sql`themes.name is null`).orderBy(ignoringCase(db, "themes.name"));
      break;
    case "financiering":
      rows = rows.orderBy(fundingOrder);
      break;
    case "organisatie":
      rows = rows.orderBy(sql`organisations.name is null`).orderBy(ignoringCase(db, "organisations.name"));
      break;
    case "naam":
      break;
  }
  const found = await rows.orderBy(byName).orderBy("plans.id").limit(page.limit).offset(page.offset).execute();
  const markers = await markersOfPlans(
    db,
    found.map((plan) => plan.id),
  );
  return { rows: found.map((plan) => ({ ...plan, funding_markers: markers.get(plan.id) ?? [] })), page };
}

/**
 * A plan with its theme, lead organisation and subregion, and its team on the day: project
 * leaders apart from the other members (vacancies included, as open places).
 */
export async function getPlan(db: DB, id: number, onDay: string) {
  const found = await db
    .selectFrom("plans")
    .leftJoin("themes", "themes.id", "plans.theme_id")
    .leftJoin("organisations", "organisations.id", "plans.lead_organisation_id")
    .leftJoin("bodies", "bodies.id", "plans.team_body_id")
    .innerJoin("regions", "regions.id", "plans.region_id")
    .selectAll("plans")
    .select([
      "themes.name as theme_name",
      "themes.archived_at as theme_archived_at",
      "organisations.name as lead_organisation_name",
      "organisations.archived_at as lead_organisation_archived_at",
      "regions.name as region_name",
      "bodies.name as team_name",
    ])
    .where("plans.id", "=", id)
    .executeTakeFirst();
  if (!found) return null;
  const [subregions, markers] = await Promise.all([subregionsOfPlans(db, [id]), markersOfPlans(db, [id])]);
  const spanned = subregions.get(id) ?? [];
  const plan = {
    ...found,
    subregion_ids: spanned.map((subregion) => subregion.id),
    subregion_name: spanned.length === 0 ? null : spanned.map((subregion) => subregion.name).join(", "),
    funding_markers: markers.get(id) ?? [],
  };
  const roster = plan.team_body_id ? await rosterOnDay(db, plan.team_body_id, onDay) : [];
  return {
    plan,
    projectLeaders: roster.filter((seat) => seat.role === "projectleider"),
    members: roster.filter((seat) => seat.role !== "projectleider"),
  };
}

/** The choices of the list's filters in the scope: every theme (archived ones have plans too) and the subregions. */
export async function planFilterOptions(db: DB, scope: ListScope) {
  let themes = db
    .selectFrom("themes")
    .innerJoin("regions", "regions.id", "themes.region_id")
    .select(["themes.id", "themes.name", "themes.archived_at", "regions.name as region_name"])
    .orderBy(ignoringCase(db, "themes.name"));
  if (scope !== "all") themes = themes.where("themes.region_id", "=", scope.regionId);
  const [themeRows, subregions] = await Promise.all([themes.execute(), subregionsIn(db, scope)]);
  return { themes: themeRows, subregions };
}

/**
 * What the plan form offers in the given regions (decision 048): their current themes, the organisations
 * that work in one of them or are not yet linked to any region (and the plan's own, even if archived
 * since), their subregions.
 */
export async function planChoices(
  db: DB,
  regionIds: readonly number[],
  keep: { themeId?: number | null; leadOrganisationId?: number | null } = {},
) {
  const inRegions = idList(db, regionIds.length > 0 ? [...regionIds] : [0]);
  const [themes, organisations, subregions] = await Promise.all([
    db
      .selectFrom("themes")
      .select(["id", "name", "archived_at", "region_id"])
      .where("region_id", "in", inRegions)
      .where((eb) => eb.or([eb("archived_at", "is", null), eb("id", "=", keep.themeId ?? 0)]))
      .orderBy(ignoringCase(db, "name"))
      .execute(),
    db
      .selectFrom("organisations")
      .select(["id", "name", "archived_at"])
      .where((eb) => eb.or([eb("archived_at", "is", null), eb("id", "=", keep.leadOrganisationId ?? 0)]))
      .where((eb) =>
        eb.or([
          eb(
            "id",
            "in",
            eb.selectFrom("organisation_regions").select("organisation_id").where("region_id", "in", inRegions),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom("organisation_regions")
                .select("organisation_id")
                .whereRef("organisation_id", "=", "organisations.id"),
            ),
          ),
        ]),
      )
      .orderBy(ignoringCase(db, "name"))
      .execute(),
    db
      .selectFrom("subregions")
      .select(["id", "name", "region_id"])
      .where("region_id", "in", inRegions)
      .orderBy("name")
      .execute(),
  ]);
  return { themes, organisations, subregions };
}

const sameName = (a: string, b: string) => foldForComparison(a.trim()) === foldForComparison(b.trim());

/** Refuses a plan name another plan already has (ignoring case and accents), with a link to it. */
async function refuseDuplicateName(trx: Trx, name: string, regionId: number, exceptId?: number) {
  const rows = await trx.selectFrom("plans").select(["id", "name"]).where("region_id", "=", regionId).execute();
  const existing = rows.find((row) => row.id !== exceptId && sameName(row.name, name));
  if (existing) {
    throw new RegisterError("themes.errors.duplicatePlan", "name", {
      href: `/plannen/${existing.id}`,
      name: existing.name,
    });
  }
}

/**
 * Checks what the plan refers to. A theme or organisation archived since the plan chose it
 * stays allowed (the plan can still be edited); choosing one that is archived is refused.
 */
async function refuseUnusableReferences(
  trx: Trx,
  input: PlanInput,
  regionId: number,
  current?: { theme_id: number | null; lead_organisation_id: number | null },
) {
  const theme = await trx
    .selectFrom("themes")
    .select(["archived_at"])
    .where("id", "=", input.theme_id)
    .executeTakeFirst();
  if (!theme) throw new RegisterError("common.form.invalid", "theme_id");
  if (theme.archived_at && input.theme_id !== current?.theme_id)
    throw new RegisterError("themes.errors.themeArchived", "theme_id");

  if (input.lead_organisation_id) {
    const organisation = await trx
      .selectFrom("organisations")
      .select(["archived_at"])
      .where("id", "=", input.lead_organisation_id)
      .executeTakeFirst();
    if (!organisation) throw new RegisterError("common.form.invalid", "lead_organisation_id");
    if (organisation.archived_at && input.lead_organisation_id !== current?.lead_organisation_id) {
      throw new RegisterError("themes.errors.organisationArchived", "lead_organisation_id");
    }
    await assertOrganisationInRegion(trx, input.lead_organisation_id, regionId, "lead_organisation_id");
  }
  await assertSameRegion(trx, "themes", [input.theme_id], regionId, "theme_id");

  await assertSubregionsIn(trx, regionId, input.subregion_ids, "subregion_ids");
  if (input.funding_markers.length === 0)
    throw new RegisterError("governance.errors.fundingRequired", "funding_markers");
}

/** The name a plan's team gets unless the editor gives one. */
function defaultTeamName(planName: string): string {
  return `Projectteam ${planName.trim()}`;
}

/**
 * Creates a plan and its team (a projectteam body at operational level, under the plan's theme
 * and subregion) in one transaction: both rows and both audit entries, or nothing.
 */
export async function createPlan(
  db: DB,
  actor: Actor,
  input: PlanInput & { teamName: string | null },
  regionId: number,
) {
  const { teamName, ...plan } = input;
  return inTransaction(db, async (trx) => {
    await assertRegion(trx, regionId);
    await refuseDuplicateName(trx, plan.name, regionId);
    await refuseUnusableReferences(trx, plan, regionId);
    const name = teamName ?? defaultTeamName(plan.name);
    const bodies = await trx.selectFrom("bodies").select(["id", "name"]).where("region_id", "=", regionId).execute();
    const taken = bodies.find((body) => sameName(body.name, name));
    if (taken)
      throw new RegisterError("themes.errors.duplicateTeam", "team_name", {
        href: `/gremia/${taken.id}`,
        name: taken.name,
      });

    const team = await insertAudited(
      trx,
      actor,
      "bodies",
      { name, kind: "projectteam", level: "operationeel", theme_id: plan.theme_id, region_id: regionId },
      { children: bodySubregionRows(plan.subregion_ids) },
    );
    const created = await insertAudited(
      trx,
      actor,
      "plans",
      { ...planColumns(plan), team_body_id: team.id, region_id: regionId },
      { children: planGovernanceRows(plan.subregion_ids, plan.funding_markers) },
    );
    return { plan: created, team };
  });
}

/**
 * Saves the editor's changes if the plan still has the version they saw. The team keeps its
 * own name: it is a body in its own right, renamed on its own page if at all.
 */
export async function updatePlan(db: DB, actor: Actor, id: number, version: number, input: PlanInput) {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "plans", id);
    await refuseDuplicateName(trx, input.name, current.region_id, id);
    await refuseUnusableReferences(trx, input, current.region_id, current);
    const { after } = await updateAudited(trx, actor, "plans", id, version, planColumns(input), {
      children: planGovernanceRows(input.subregion_ids, input.funding_markers),
    });
    return after;
  });
}

/** Archives a plan. Its team body stays as it is: its seats and their history belong to the body. */
export async function archivePlan(db: DB, actor: Actor, id: number, version: number) {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "plans", id);
    // a different version is a concurrent change, which updateAudited reports in full
    if (current.version === version && current.archived_at) throw new RegisterError("themes.errors.alreadyArchived");
    const { after } = await updateAudited(
      trx,
      actor,
      "plans",
      id,
      version,
      { archived_at: new Date().toISOString() },
      { action: "archive" },
    );
    return after;
  });
}

export async function restorePlan(db: DB, actor: Actor, id: number, version: number) {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "plans", id);
    if (current.version === version && !current.archived_at) throw new RegisterError("themes.errors.notArchived");
    const { after } = await updateAudited(
      trx,
      actor,
      "plans",
      id,
      version,
      { archived_at: null },
      { action: "restore" },
    );
    return after;
  });
}
