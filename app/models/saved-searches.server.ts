import { sql } from "kysely";
import type { Selectable } from "kysely";
import type { DB } from "../../db/index";
import type { IsoDate, SavedSearchesTable } from "../../db/schema";
import { messageKey } from "../services/form-data";
import type { ListScope } from "../services/region-choice";
import { type SavedSearchFilter, savedSearchFilterSchema } from "../services/saved-search-filter";
import type { Actor, Trx } from "./audit.server";
import { inTransaction, insertAudited, loadForUpdate, RegisterError, updateAudited } from "./editing.server";
import { assertRegion } from "./regions.server";
import { peopleMatchingQuery } from "./people.server";

/**
 * Saved searches: a named filter of the people list, which network events use to invite people.
 * Never deleted (invitations refer to them): archived and restored, each change logged.
 */

export type SavedSearch = Selectable<SavedSearchesTable>;

const NAME_MAX = 120;
const nowIso = () => new Date().toISOString();

/** Validates a filter (from a form or from the stored JSON); refuses an empty or malformed one. */
function validFilter(filter: unknown): SavedSearchFilter {
  const parsed = savedSearchFilterSchema.safeParse(filter);
  if (parsed.success) return parsed.data;
  const empty = parsed.error.issues.some((issue) => issue.message === "savedSearches.errors.filterEmpty");
  throw new RegisterError(empty ? "savedSearches.errors.filterEmpty" : "savedSearches.errors.filterInvalid");
}

/** The stored filter read back; a row written by hand that no longer parses finds nobody rather than everyone. */
export function storedFilter(json: string): SavedSearchFilter | null {
  try {
    const parsed = savedSearchFilterSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "") throw new RegisterError("common.form.required", "name");
  if (trimmed.length > NAME_MAX) throw new RegisterError(messageKey("common.form.tooLong", { max: NAME_MAX }), "name");
  return trimmed;
}

/**
 * Names are unique whatever their case ("CMO-leden" and "cmo-leden" would be confused in a list of
 * invitees), archived ones included: they may come back. Compared in JavaScript, because SQLite's
 * NOCASE folds only ASCII letters.
 */
async function assertNameFree(trx: Trx, name: string, exceptId: number | null) {
  const folded = name.toLocaleLowerCase("nl");
  const others = await trx.selectFrom("saved_searches").select(["id", "name", "archived_at"]).execute();
  const clash = others.find((other) => other.id !== exceptId && other.name.toLocaleLowerCase("nl") === folded);
  if (!clash) return;
  throw new RegisterError(
    messageKey(clash.archived_at ? "savedSearches.errors.nameTakenArchived" : "savedSearches.errors.nameTaken", {
      name: clash.name,
    }),
    "name",
    {
      href: `/personen/zoekopdrachten${clash.archived_at ? "?archief=1" : ""}#zoekopdracht-${clash.id}`,
      name: clash.name,
    },
  );
}

/** Refuses a filter naming an organisation the register does not have. */
async function assertOrganisationKnown(trx: Trx, filter: SavedSearchFilter) {
  if (filter.organisationId === undefined) return;
  const organisation = await trx
    .selectFrom("organisations")
    .select("id")
    .where("id", "=", filter.organisationId)
    .executeTakeFirst();
  if (!organisation) throw new RegisterError("savedSearches.errors.filterInvalid");
}

/** Saves the people list's current filter under a name. */
export async function saveSearch(
  db: DB,
  actor: Actor,
  name: string,
  filter: unknown,
  regionId: number,
): Promise<SavedSearch> {
  const checkedName = validName(name);
  const checkedFilter = validFilter(filter);
  return inTransaction(db, async (trx) => {
    await assertRegion(trx, regionId);
    await assertNameFree(trx, checkedName, null);
    await assertOrganisationKnown(trx, checkedFilter);
    return insertAudited(trx, actor, "saved_searches", {
      name: checkedName,
      filter: JSON.stringify(checkedFilter),
      created_by: actor.id,
      region_id: regionId,
    });
  });
}

export async function renameSavedSearch(
  db: DB,
  actor: Actor,
  id: number,
  version: number,
  name: string,
): Promise<SavedSearch> {
  const checkedName = validName(name);
  return inTransaction(db, async (trx) => {
    await loadForUpdate(trx, "saved_searches", id);
    await assertNameFree(trx, checkedName, id);
    return (await updateAudited(trx, actor, "saved_searches", id, version, { name: checkedName })).after;
  });
}

/** Takes a search out of the lists (events that invited with it keep it). */
export async function archiveSavedSearch(db: DB, actor: Actor, id: number, version: number): Promise<SavedSearch> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "saved_searches", id);
    if (current.archived_at) throw new RegisterError("savedSearches.errors.alreadyArchived");
    return (
      await updateAudited(trx, actor, "saved_searches", id, version, { archived_at: nowIso() }, { action: "archive" })
    ).after;
  });
}

export async function restoreSavedSearch(db: DB, actor: Actor, id: number, version: number): Promise<SavedSearch> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "saved_searches", id);
    if (!current.archived_at) throw new RegisterError("savedSearches.errors.notArchived");
    return (
      await updateAudited(trx, actor, "saved_searches", id, version, { archived_at: null }, { action: "restore" })
    ).after;
  });
}

/** A search whose stored filter reads; one that does not finds nobody. */
export interface ReadableSearch {
  id: number;
  filter: SavedSearchFilter;
}

/** The stored searches whose filter reads, in the order given, with the filter read. */
export function readableSearches(searches: readonly { id: number; filter: string }[]): ReadableSearch[] {
  return searches.flatMap((search) => {
    const filter = storedFilter(search.filter);
    return filter ? [{ id: search.id, filter }] : [];
  });
}

/** SQLite allows at most 500 parts in one compound select: searches are combined this many at a time. */
const SEARCHES_PER_STATEMENT = 200;

/**
 * Whom each search finds on the day: search id → the ids of the people found, ascending. The
 * searches are combined into one statement (`union all`), not run one by one.
 */
export async function peopleFoundBy(
  db: DB,
  searches: readonly ReadableSearch[],
  day: IsoDate,
): Promise<Map<number, number[]>> {
  const found = new Map(searches.map((search) => [search.id, [] as number[]]));
  for (let start = 0; start < searches.length; start += SEARCHES_PER_STATEMENT) {
    const parts = searches.slice(start, start + SEARCHES_PER_STATEMENT).map((search) =>
      // typed, or PostgreSQL hands a bare parameter back as text
      peopleMatchingQuery(db, search.filter, day).select([
        sql<number>`cast(${search.id} as integer)`.as("search_id"),
        "people.id as person_id",
      ]),
    );
    const rows = await parts
      .reduce((combined, part) => combined.unionAll(part))
      .orderBy("search_id")
      .orderBy("person_id")
      .execute();
    for (const row of rows) found.get(row.search_id)?.push(row.person_id);
  }
  return found;
}

export interface SavedSearchListing extends SavedSearch {
  /** null when the stored filter cannot be read (it then finds nobody) */
  parsedFilter: SavedSearchFilter | null;
  /** the name of the filter's organisation, if it has one */
  organisation_name: string | null;
  /** how many people the search finds on the day asked */
  matches: number;
  region_name: string;
}

/** The scope's saved searches by name, current or archived ones, each with its region and what it finds on `day`. */
export async function listSavedSearches(
  db: DB,
  scope: ListScope,
  day: IsoDate,
  options: { archived?: boolean } = {},
): Promise<SavedSearchListing[]> {
  let query = db
    .selectFrom("saved_searches")
    .innerJoin("regions", "regions.id", "saved_searches.region_id")
    .selectAll("saved_searches")
    .select("regions.name as region_name")
    .where("saved_searches.archived_at", options.archived ? "is not" : "is", null);
  if (scope !== "all") query = query.where("saved_searches.region_id", "=", scope.regionId);
  const rows = await query.execute();
  const organisationIds = [...new Set(rows.flatMap((row) => storedFilter(row.filter)?.organisationId ?? []))];
  const organisations =
    organisationIds.length === 0
      ? []
      : await db.selectFrom("organisations").select(["id", "name"]).where("id", "in", organisationIds).execute();
  const organisationName = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  const found = await peopleFoundBy(db, readableSearches(rows), day);
  const listed = rows.map((row) => {
    const parsedFilter = storedFilter(row.filter);
    return {
      ...row,
      parsedFilter,
      organisation_name: parsedFilter?.organisationId
        ? (organisationName.get(parsedFilter.organisationId) ?? null)
        : null,
      matches: found.get(row.id)?.length ?? 0,
    };
  });
  return listed.sort((a, b) => a.name.localeCompare(b.name, "nl", { sensitivity: "base" }) || a.id - b.id);
}

export async function getSavedSearch(db: DB, id: number): Promise<SavedSearch | undefined> {
  return db.selectFrom("saved_searches").selectAll().where("id", "=", id).executeTakeFirst();
}
