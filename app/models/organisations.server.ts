import type { Selectable } from "kysely";
import { containsText, joinedText } from "../../db/dialect";
import type { DB } from "../../db/index";
import type { OrganisationsTable } from "../../db/schema";
import { auditDiff } from "../services/audit-diff";
import { messageKey } from "../services/form-data";
import { paging } from "../services/list-params";
import type { ListScope } from "../services/region-choice";
import { type Actor, listAuditEntries, type Trx } from "./audit.server";
import type { WithRoles } from "../auth/permissions";
import {
  checkRegionChoice,
  checkRegionsOfActor,
  regionIdsOf,
  regionsOfOrganisation,
} from "./organisation-regions.server";
import {
  type ChildRows,
  inTransaction,
  insertAudited,
  loadForUpdate,
  RegisterError,
  updateAudited,
} from "./editing.server";
import { organisationInRegion } from "./record-regions.server";

export type Organisation = Selectable<OrganisationsTable>;

export const ORGANISATION_SORTS = ["name", "sector", "changed"] as const;
export type OrganisationSort = (typeof ORGANISATION_SORTS)[number];

/** Which organisations a list shows by their archived state: the current ones, all, or only the archived. */
export const ARCHIVE_SCOPES = ["exclude", "include", "only"] as const;
export type ArchiveScope = (typeof ARCHIVE_SCOPES)[number];

export interface OrganisationListFilter {
  q?: string;
  sectorId?: number;
  subregionId?: number;
  archived?: ArchiveScope;
  /** only organisations holding a seat in this body on `seatDate` */
  bodyId?: number;
  /** ISO day on which the seat in `bodyId` must be active */
  seatDate?: string;
  /** the organisations of this region (decision 047); left out: every region's */
  scope?: ListScope;
  sort?: OrganisationSort;
  page: number;
}

export async function listOrganisations(db: DB, filter: OrganisationListFilter) {
  // a merged duplicate is listed as the organisation it went into, never on its own (decision 032)
  let query = db
    .selectFrom("organisations")
    .innerJoin("sectors", "sectors.id", "organisations.sector_id")
    .where("organisations.merged_into_id", "is", null);
  const archived = filter.archived ?? "exclude";
  if (archived === "exclude") query = query.where("organisations.archived_at", "is", null);
  if (archived === "only") query = query.where("organisations.archived_at", "is not", null);
  if (filter.sectorId) query = query.where("organisations.sector_id", "=", filter.sectorId);
  const { scope } = filter;
  if (scope && scope !== "all")
    query = query.where((eb) => organisationInRegion(eb.ref("organisations.id"), scope.regionId));
  if (filter.subregionId) {
    const subregionId = filter.subregionId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("organisation_subregions")
          .select((s) => s.lit(1).as("found"))
          .whereRef("organisation_subregions.organisation_id", "=", "organisations.id")
          .where("organisation_subregions.subregion_id", "=", subregionId),
      ),
    );
  }
  if (filter.bodyId && filter.seatDate) {
    const { bodyId, seatDate } = filter;
    // a vacant seat reserved for the organisation counts: the place is theirs to fill
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("seats")
          .select((s) => s.lit(1).as("found"))
          .whereRef("seats.organisation_id", "=", "organisations.id")
          .where("seats.body_id", "=", bodyId)
          .where("seats.start_date", "<=", seatDate)
          .where((s) => s.or([s("seats.end_date", "is", null), s("seats.end_date", ">=", seatDate)])),
      ),
    );
  }
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) =>
      eb.or([containsText(eb.ref("organisations.name"), text), containsText(eb.ref("organisations.short_name"), text)]),
    );
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const page = paging(Number(total), filter.page);
  let rows = query
    .select([
      "organisations.id",
      "organisations.name",
      "organisations.short_name",
      "organisations.iza_signatory",
      "organisations.archived_at",
      "organisations.updated_at",
      "sectors.code as sector_code",
      "sectors.name_nl as sector_nl",
      "sectors.name_en as sector_en",
    ])
    .select((eb) =>
      eb
        .selectFrom("organisation_subregions")
        .innerJoin("subregions", "subregions.id", "organisation_subregions.subregion_id")
        .whereRef("organisation_subregions.organisation_id", "=", "organisations.id")
        .select((s) => joinedText(s.ref("subregions.name"), ", ").as("names"))
        .as("subregion_names"),
    )
    .select((eb) =>
      eb
        .selectFrom("organisation_regions")
        .innerJoin("regions", "regions.id", "organisation_regions.region_id")
        .whereRef("organisation_regions.organisation_id", "=", "organisations.id")
        .select((s) => joinedText(s.ref("regions.name"), ", ").as("names"))
        .as("region_names"),
    );
  const sort = filter.sort ?? "name";
  if (sort === "sector") rows = rows.orderBy("sectors.sort_order").orderBy("sectors.name_nl");
  if (sort === "changed") rows = rows.orderBy("organisations.updated_at", "desc");
  const result = await rows
    .orderBy("organisations.name")
    .orderBy("organisations.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows: result, page };
}

export async function getOrganisation(db: DB, id: number) {
  const organisation = await db
    .selectFrom("organisations")
    .innerJoin("sectors", "sectors.id", "organisations.sector_id")
    .leftJoin("organisations as parent", "parent.id", "organisations.parent_id")
    .selectAll("organisations")
    .select([
      "sectors.name_nl as sector_nl",
      "sectors.name_en as sector_en",
      "parent.name as parent_name",
      "parent.archived_at as parent_archived_at",
    ])
    .where("organisations.id", "=", id)
    .executeTakeFirst();
  if (!organisation) return null;
  const [regions, children, affiliations, seats] = await Promise.all([
    regionsOfOrganisation(db, id),
    db.selectFrom("organisations").select(["id", "name"]).where("parent_id", "=", id).orderBy("name").execute(),
    db
      .selectFrom("affiliations")
      .innerJoin("people", "people.id", "affiliations.person_id")
      .select([
        "affiliations.id",
        "affiliations.function_title",
        "affiliations.start_date",
        "affiliations.end_date",
        "people.id as person_id",
        "people.first_name",
        "people.infix",
        "people.last_name",
        "people.initials",
        "people.title",
      ])
      .where("affiliations.organisation_id", "=", id)
      .orderBy("people.last_name")
      .orderBy("people.first_name")
      .execute(),
    db
      .selectFrom("seats")
      .innerJoin("bodies", "bodies.id", "seats.body_id")
      .leftJoin("people", "people.id", "seats.person_id")
      .select([
        "seats.id",
        "seats.role",
        "seats.start_date",
        "seats.end_date",
        "bodies.id as body_id",
        "bodies.name as body_name",
        "bodies.level as body_level",
        "people.id as person_id",
        "people.first_name",
        "people.infix",
        "people.last_name",
        "people.initials",
        "people.title",
      ])
      .where("seats.organisation_id", "=", id)
      .orderBy("bodies.name")
      .orderBy("seats.start_date", "desc")
      .execute(),
  ]);
  return { organisation, regions, children, affiliations, seats };
}

/** The choices for list filters: sectors and subregions. */
/**
 * The sectors and subregions a list or overview filters organisations on: the scope's subregions,
 * or every region's in the cross-region view (and on the forms, which group them per region).
 */
export async function organisationFilterOptions(db: DB, scope: ListScope = "all") {
  const regionId = scope === "all" ? null : scope.regionId;
  const [sectors, subregions] = await Promise.all([
    db
      .selectFrom("sectors")
      .select(["id", "code", "name_nl", "name_en"])
      .orderBy("sort_order")
      .orderBy("name_nl")
      .execute(),
    db
      .selectFrom("subregions")
      .select(["id", "name"])
      .$if(regionId !== null, (q) => q.where("region_id", "=", regionId!))
      .orderBy("name")
      .execute(),
  ]);
  return { sectors, subregions };
}

/** An organisation as its edit form starts: the row and the ids of its regions and subregions. */
export async function getOrganisationForEdit(db: DB, id: number) {
  const organisation = await db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
  if (!organisation) return null;
  const [subregion_ids, region_ids] = await Promise.all([subregionIdsOf(db, id), regionIdsOf(db, id)]);
  return { ...organisation, subregion_ids, region_ids };
}

/**
 * The organisations that may become the parent of `organisationId` (null: a new one): those not
 * archived, minus the organisation itself and everything under it (that would close a circle).
 * The current parent stays in the list even when archived, so the form does not drop it.
 */
export async function parentChoices(db: DB, organisationId: number | null) {
  const all = await db
    .selectFrom("organisations")
    .select(["id", "name", "parent_id", "archived_at"])
    .orderBy("name")
    .execute();
  const excluded = new Set<number>();
  if (organisationId !== null) {
    excluded.add(organisationId);
    let added = true;
    while (added) {
      added = false;
      for (const org of all) {
        if (org.parent_id !== null && excluded.has(org.parent_id) && !excluded.has(org.id)) {
          excluded.add(org.id);
          added = true;
        }
      }
    }
  }
  const currentParent = all.find((org) => org.id === organisationId)?.parent_id ?? null;
  return all
    .filter((org) => !excluded.has(org.id) && (org.archived_at === null || org.id === currentParent))
    .map((org) => ({ id: org.id, name: org.name, archived: org.archived_at !== null }));
}

/** What still points at an organisation on `day`: said before it is archived (they stay as they are). */
export async function organisationReferences(db: DB, id: number, day: string) {
  const [seats, affiliations, children] = await Promise.all([
    db
      .selectFrom("seats")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organisation_id", "=", id)
      .where("start_date", "<=", day)
      .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", day)]))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("affiliations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("organisation_id", "=", id)
      .where((eb) => eb.or([eb("start_date", "is", null), eb("start_date", "<=", day)]))
      .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", day)]))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("parent_id", "=", id)
      .where("archived_at", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  return { seats: Number(seats.n), affiliations: Number(affiliations.n), children: Number(children.n) };
}

export interface OrganisationInput {
  name: string;
  short_name: string | null;
  sector_id: number;
  region_ids: number[];
  subregion_ids: number[];
  iza_signatory: boolean;
  parent_id: number | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
}

async function subregionIdsOf(db: DB | Trx, organisationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("organisation_subregions")
    .select("subregion_id")
    .where("organisation_id", "=", organisationId)
    .orderBy("subregion_id")
    .execute();
  return rows.map((row) => row.subregion_id);
}

/**
 * Another organisation with the same name, ignoring case. The unique index (collate nocase) folds
 * ASCII letters only, so "SANTÉ" and "Santé" are compared here, on every name.
 */
async function findNamesake(trx: Trx, name: string, exceptId: number | null) {
  const wanted = name.toLocaleLowerCase("nl");
  const all = await trx.selectFrom("organisations").select(["id", "name"]).execute();
  return all.find((org) => org.id !== exceptId && org.name.toLocaleLowerCase("nl") === wanted);
}

/** The refusals that do not depend on the organisation's parent: sector, subregions, name. */
async function checkInput(trx: Trx, input: OrganisationInput, organisationId: number | null) {
  const sector = await trx.selectFrom("sectors").select("id").where("id", "=", input.sector_id).executeTakeFirst();
  if (!sector) throw new RegisterError("organisations.errors.sectorMissing", "sector_id");
  const wanted = [...new Set(input.subregion_ids)];
  if (wanted.length > 0) {
    const found = await trx.selectFrom("subregions").select("id").where("id", "in", wanted).execute();
    if (found.length !== wanted.length)
      throw new RegisterError("organisations.errors.subregionMissing", "subregion_ids");
  }
  await checkRegionChoice(trx, sortedIds(input.region_ids), wanted);
  const namesake = await findNamesake(trx, input.name, organisationId);
  if (namesake) {
    throw new RegisterError("organisations.errors.nameTaken", "name", {
      href: `/organisaties/${namesake.id}`,
      name: namesake.name,
    });
  }
}

/**
 * The parent must exist, must not be archived (when newly chosen), and must not be the
 * organisation itself or lie under it.
 */
export async function checkParent(
  trx: Trx,
  parentId: number | null,
  organisationId: number | null,
  previousParentId: number | null,
) {
  if (parentId === null) return;
  if (parentId === organisationId) throw new RegisterError("organisations.errors.ownParent", "parent_id");
  const parent = await trx
    .selectFrom("organisations")
    .select(["id", "name", "archived_at"])
    .where("id", "=", parentId)
    .executeTakeFirst();
  if (!parent) throw new RegisterError("organisations.errors.parentMissing", "parent_id");
  // an existing link to a parent archived since is left alone; only a new choice is refused
  if (parent.archived_at && parentId !== previousParentId) {
    throw new RegisterError(messageKey("organisations.errors.parentArchived", { name: parent.name }), "parent_id", {
      href: `/organisaties/${parent.id}`,
      name: parent.name,
    });
  }
  if (organisationId === null) return;
  const seen = new Set<number>();
  let cursor: number | null = parentId;
  while (cursor !== null && !seen.has(cursor)) {
    seen.add(cursor);
    const row: { parent_id: number | null } | undefined = await trx
      .selectFrom("organisations")
      .select("parent_id")
      .where("id", "=", cursor)
      .executeTakeFirst();
    cursor = row?.parent_id ?? null;
    if (cursor === organisationId) {
      throw new RegisterError(messageKey("organisations.errors.parentCycle", { name: parent.name }), "parent_id", {
        href: `/organisaties/${parent.id}`,
        name: parent.name,
      });
    }
  }
}

function rowValues(input: OrganisationInput) {
  return {
    name: input.name,
    short_name: input.short_name,
    sector_id: input.sector_id,
    iza_signatory: input.iza_signatory ? (1 as const) : (0 as const),
    parent_id: input.parent_id,
    website: input.website,
    email: input.email,
    phone: input.phone,
    address: input.address,
    notes: input.notes,
  };
}

/**
 * The regions and subregions an organisation works in are child rows: changed under its version,
 * logged in its entry.
 */
function placeRows(regionIds: number[], subregionIds: number[]): ChildRows<"organisations"> {
  return {
    read: async (trx, organisationId) => ({
      region_ids: await regionIdsOf(trx, organisationId),
      subregion_ids: await subregionIdsOf(trx, organisationId),
    }),
    write: async (trx, organisation) => {
      const organisation_id = organisation.id;
      await trx.deleteFrom("organisation_subregions").where("organisation_id", "=", organisation_id).execute();
      await trx.deleteFrom("organisation_regions").where("organisation_id", "=", organisation_id).execute();
      if (regionIds.length > 0) {
        await trx
          .insertInto("organisation_regions")
          .values(regionIds.map((region_id) => ({ organisation_id, region_id })))
          .execute();
      }
      if (subregionIds.length > 0) {
        await trx
          .insertInto("organisation_subregions")
          .values(subregionIds.map((subregion_id) => ({ organisation_id, subregion_id })))
          .execute();
      }
    },
  };
}

const sortedIds = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

export async function createOrganisation(
  db: DB,
  actor: Actor | (Actor & WithRoles),
  input: OrganisationInput,
): Promise<Organisation> {
  return inTransaction(db, async (trx) => {
    await checkInput(trx, input, null);
    await checkRegionsOfActor(trx, actor, input.region_ids);
    await checkParent(trx, input.parent_id, null, null);
    return insertAudited(trx, actor, "organisations", rowValues(input), {
      children: placeRows(sortedIds(input.region_ids), sortedIds(input.subregion_ids)),
    });
  });
}

/**
 * Saves the form over the organisation if nobody saved it since `version` (else
 * StaleVersionError with what they changed). A save that changes nothing writes nothing.
 */
export async function updateOrganisation(
  db: DB,
  actor: Actor | (Actor & WithRoles),
  id: number,
  version: number,
  input: OrganisationInput,
): Promise<Organisation> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "organisations", id);
    const values = rowValues(input);
    const subregionIds = sortedIds(input.subregion_ids);
    const regionIds = sortedIds(input.region_ids);
    const [previousSubregions, previousRegions] = await Promise.all([subregionIdsOf(trx, id), regionIdsOf(trx, id)]);
    const unchanged =
      current.version === version &&
      Object.entries(values).every(([field, value]) => current[field as keyof Organisation] === value) &&
      JSON.stringify(previousSubregions) === JSON.stringify(subregionIds) &&
      JSON.stringify(previousRegions) === JSON.stringify(regionIds);
    if (unchanged) return current;
    if (current.version === version) {
      await checkInput(trx, input, id);
      await checkRegionsOfActor(
        trx,
        actor,
        [...regionIds, ...previousRegions].filter(
          (regionId) => regionIds.includes(regionId) !== previousRegions.includes(regionId),
        ),
      );
      await checkParent(trx, input.parent_id, id, current.parent_id);
    }
    const { after } = await updateAudited(trx, actor, "organisations", id, version, values, {
      children: placeRows(regionIds, subregionIds),
    });
    return after;
  });
}

/** Archives (never deletes): the organisation leaves lists and pickers; everything that refers to it stays. */
export async function archiveOrganisation(db: DB, actor: Actor, id: number, version: number): Promise<Organisation> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "organisations", id);
    if (current.archived_at !== null && current.version === version) {
      throw new RegisterError("organisations.errors.alreadyArchived");
    }
    const { after } = await updateAudited(
      trx,
      actor,
      "organisations",
      id,
      version,
      { archived_at: new Date().toISOString() },
      {
        action: "archive",
      },
    );
    return after;
  });
}

/**
 * Takes an organisation out of the archive. `version` null (the undo right after archiving)
 * skips the version check: restoring changes nothing anyone else typed. Restoring one that is
 * not archived changes nothing.
 */
export async function restoreOrganisation(
  db: DB,
  actor: Actor,
  id: number,
  version: number | null,
): Promise<Organisation> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "organisations", id);
    if (current.merged_into_id !== null)
      throw new RegisterError(messageKey("merge.errors.alreadyMerged", { name: current.name }));
    if (current.archived_at === null && (version === null || version === current.version)) return current;
    const { after } = await updateAudited(
      trx,
      actor,
      "organisations",
      id,
      version,
      { archived_at: null },
      { action: "restore" },
    );
    return after;
  });
}

/** A list for `in (…)` that is never empty (an empty list is not valid SQL everywhere); 0 is no id. */
const orNone = (ids: number[]) => (ids.length ? ids : [0]);

/**
 * The audit entries of an organisation, newest first, each with the fields that changed; with
 * the names the page needs to show ids in them (sectors, subregions, parent organisations).
 */
export async function organisationHistory(db: DB, id: number) {
  const { entries, total, pageSize } = await listAuditEntries(db, { entity: "organisations", entityId: String(id) });
  const history = entries.map((entry) => ({
    id: entry.id,
    at: entry.at,
    action: entry.action,
    by: entry.user_name,
    byUserId: entry.user_id,
    changes: auditDiff(entry.before, entry.after),
  }));
  const referenced = (field: string) => [
    ...new Set(
      history.flatMap((entry) =>
        entry.changes
          .filter((change) => change.field === field)
          .flatMap((change) => [change.before, change.after])
          .flatMap((value): unknown[] => (Array.isArray(value) ? value : [value]))
          .filter((value): value is number => typeof value === "number"),
      ),
    ),
  ];
  const [sectorIds, regionIds, subregionIds, organisationIds] = [
    referenced("sector_id"),
    referenced("region_ids"),
    referenced("subregion_ids"),
    referenced("parent_id"),
  ];
  const [sectors, regions, subregions, organisations] = await Promise.all([
    db.selectFrom("sectors").select(["id", "name_nl", "name_en"]).where("id", "in", orNone(sectorIds)).execute(),
    db.selectFrom("regions").select(["id", "name"]).where("id", "in", orNone(regionIds)).execute(),
    db.selectFrom("subregions").select(["id", "name"]).where("id", "in", orNone(subregionIds)).execute(),
    db.selectFrom("organisations").select(["id", "name"]).where("id", "in", orNone(organisationIds)).execute(),
  ]);
  return {
    entries: history,
    total,
    shown: Math.min(total, pageSize),
    names: { sectors, regions, subregions, organisations },
  };
}
