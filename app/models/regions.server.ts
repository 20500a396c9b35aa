import { type Selectable, sql } from "kysely";
import type { DB } from "../../db/index";
import type { RegionsTable } from "../../db/schema";
import { type Actor, recordAudit, type Trx } from "./audit.server";
import {
  assertVersion,
  type ChildRows,
  insertAudited,
  loadForUpdate,
  RecordNotFoundError,
  RegisterError,
  updateAudited,
} from "./editing.server";
import { inTransaction } from "../../db/transaction";
import type { ListScope } from "../services/region-choice";
import type { UseCounts } from "../services/region-forms";

/**
 * Regions and their subregions (decisions 040 and 041): the choices of every create form, the
 * header's name and tagline, and the beheerder's management of both. A region or subregion still
 * named by a record is never removed: the refusal counts what uses it, per kind.
 */

export type Region = Selectable<RegionsTable>;
export interface RegionChoice {
  id: number;
  name: string;
}

/** Every region by name: the create forms' choice (shown only when there is more than one). */
export async function regionChoices(db: DB | Trx): Promise<RegionChoice[]> {
  return db.selectFrom("regions").select(["id", "name"]).orderBy("name").orderBy("id").execute();
}

/** The subregions a list can be filtered on, by name: the scope's region's, or every region's with its name. */
export async function subregionsIn(db: DB, scope: ListScope) {
  let query = db
    .selectFrom("subregions")
    .innerJoin("regions", "regions.id", "subregions.region_id")
    .select(["subregions.id", "subregions.name", "regions.name as region_name"]);
  if (scope !== "all") query = query.where("subregions.region_id", "=", scope.regionId);
  return query.orderBy("subregions.name").orderBy("regions.name").execute();
}

/**
 * The region the header, footer and home page name: the one the reader chose in the switcher, else
 * (signed out, or the cross-region view) the first by name (decision 041); null without regions.
 */
export async function shownRegion(
  db: DB,
  chosenId: number | null,
): Promise<Pick<Region, "id" | "name" | "tagline"> | null> {
  const regions = db.selectFrom("regions").select(["id", "name", "tagline"]);
  const row = await (
    chosenId === null
      ? regions.orderBy(startRegionLast).orderBy("name").orderBy("id")
      : regions.where("id", "=", chosenId)
  )
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

const START_REGION = "start_region" as const;

/**
 * 0 for the region a view starts on (the beheerder's start region, decision 050), 1 for the others:
 * the first key of every "which region first" order, so that one statement answers it.
 */
export const startRegionLast = sql<number>`case when cast(regions.id as text) = (select value from settings where key = ${START_REGION}) then 0 else 1 end`;

/** The start region, else the first by name (what a choice starts on); 0 in a register without regions. */
export async function firstRegionId(db: DB | Trx): Promise<number> {
  const row = await db
    .selectFrom("regions")
    .select("id")
    .orderBy(startRegionLast)
    .orderBy("name")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? 0;
}

/**
 * Makes a region the one every view starts on until a user chooses another (decision 050): one
 * `settings` row, replaced, audited with the region before and after.
 */
export async function makeStartRegion(db: DB, actor: Actor, regionId: number): Promise<void> {
  await inTransaction(db, (trx) => writeStartRegion(trx, actor, regionId));
}

/** `makeStartRegion` inside a transaction already open: the demo loader's. */
export async function writeStartRegion(trx: Trx, actor: Actor | null, regionId: number): Promise<void> {
  await assertRegion(trx, regionId);
  const before = await trx.selectFrom("settings").selectAll().where("key", "=", START_REGION).executeTakeFirst();
  const after = { key: START_REGION, value: String(regionId) };
  if (before?.value === after.value) return;
  await trx.deleteFrom("settings").where("key", "=", START_REGION).execute();
  await trx.insertInto("settings").values(after).execute();
  await recordAudit(trx, actor, {
    action: before ? "update" : "create",
    entity: "settings",
    entityId: START_REGION,
    before,
    after,
    summary: "start_region",
  });
}

/** The region a form chose, or the first by name when it chose none; 0 in a register without regions. */
export async function regionOrFirst(db: DB, chosen: number | null): Promise<number> {
  if (chosen !== null) return chosen;
  return firstRegionId(db);
}

/** Refuses a region that is not there: a create form's region_id, checked in the create's transaction. */
export async function assertRegion(trx: Trx, regionId: number): Promise<void> {
  const row = await trx.selectFrom("regions").select("id").where("id", "=", regionId).executeTakeFirst();
  if (row) return;
  const any = await trx.selectFrom("regions").select("id").limit(1).executeTakeFirst();
  throw new RegisterError(any ? "regions.errors.chooseRegion" : "regions.errors.noRegionYet", "region_id");
}

export interface RegionListItem extends Region {
  /** the region every view starts on (decision 050) */
  isStart: boolean;
  subregions: { id: number; code: string; name: string }[];
}

/** The management page: every region with its subregions, by name. */
export async function listRegions(db: DB): Promise<RegionListItem[]> {
  const [regions, subregions] = await Promise.all([
    db
      .selectFrom("regions")
      .selectAll()
      .select(startRegionLast.as("start_order"))
      .orderBy("name")
      .orderBy("id")
      .execute(),
    db.selectFrom("subregions").select(["id", "code", "name", "region_id"]).orderBy("name").execute(),
  ]);
  return regions.map(({ start_order, ...region }) => ({
    ...region,
    isStart: Number(start_order) === 0,
    subregions: subregions
      .filter((subregion) => subregion.region_id === region.id)
      .map(({ id, code, name }) => ({ id, code, name })),
  }));
}

/** Every region with its subregions, id and name only: the organisation form's choice of where it works. */
export async function regionsWithSubregions(db: DB) {
  return (await listRegions(db)).map(({ id, name, subregions }) => ({
    id,
    name,
    subregions: subregions.map((subregion) => ({ id: subregion.id, name: subregion.name })),
  }));
}

export async function regionById(db: DB, id: number): Promise<RegionListItem> {
  const region = (await listRegions(db)).find((candidate) => candidate.id === id);
  if (!region) throw new RecordNotFoundError("regions", id);
  return region;
}

export interface RegionFields {
  name: string;
  code: string;
  tagline: string | null;
}

async function refuseTaken(
  trx: Trx,
  table: "regions" | "subregions",
  fields: { name?: string; code: string },
  exceptId: number | null,
  sameRegion: number | null,
) {
  const rows = await trx
    .selectFrom(table)
    .selectAll()
    .where("id", "!=", exceptId ?? 0)
    .execute();
  const folded = (text: string) => text.trim().toLocaleLowerCase("nl");
  if (rows.some((row) => folded(row.code) === folded(fields.code))) {
    throw new RegisterError("regions.errors.codeTaken", "code");
  }
  const sameName = (row: (typeof rows)[number]) =>
    fields.name !== undefined &&
    folded(row.name) === folded(fields.name) &&
    (sameRegion === null || ("region_id" in row && row.region_id === sameRegion));
  if (rows.some(sameName)) throw new RegisterError("regions.errors.nameTaken", "name");
}

export async function createRegion(db: DB, actor: Actor, fields: RegionFields): Promise<Region> {
  return inTransaction(db, async (trx) => {
    await refuseTaken(trx, "regions", fields, null, null);
    return insertAudited(trx, actor, "regions", { ...fields, updated_at: new Date().toISOString() });
  });
}

export async function updateRegion(
  db: DB,
  actor: Actor,
  id: number,
  version: number,
  fields: RegionFields,
): Promise<Region> {
  return inTransaction(db, async (trx) => {
    await refuseTaken(trx, "regions", fields, id, null);
    return (await updateAudited(trx, actor, "regions", id, version, fields)).after;
  });
}

/**
 * What names a region: its records per kind, the organisations working there, its subregions, and
 * the users holding a role in it (a user with two roles there counted once): removing the region
 * would otherwise take their access with it, or be refused by the foreign key without a name.
 */
export async function regionUses(db: DB | Trx, id: number): Promise<UseCounts> {
  const tables = ["bodies", "themes", "plans", "meetings", "survey_waves", "saved_searches"] as const;
  const counted = await Promise.all([
    ...tables.map(async (kind) => ({ kind, count: await countWhere(db, kind, "region_id", id) })),
    (async () => ({
      kind: "organisations" as const,
      count: await countWhere(db, "organisation_regions", "region_id", id),
    }))(),
    (async () => ({ kind: "subregions" as const, count: await countWhere(db, "subregions", "region_id", id) }))(),
    (async () => ({ kind: "users" as const, count: await usersWithRoleIn(db, id) }))(),
  ]);
  return counted.filter((use) => use.count > 0);
}

/** Removes a region nothing names; refused with what uses it otherwise (the page names the counts). */
export async function removeRegion(db: DB, actor: Actor, id: number, version: number): Promise<UseCounts> {
  return inTransaction(db, async (trx) => {
    const before = await loadForUpdate(trx, "regions", id);
    await assertVersion(trx, "regions", id, before.version, version);
    const uses = await regionUses(trx, id);
    if (uses.length > 0) return uses;
    await trx.deleteFrom("regions").where("id", "=", id).execute();
    await recordAudit(trx, actor, { action: "delete", entity: "regions", entityId: id, before });
    // a removed start region hands the start to the first by name
    const start = await trx
      .selectFrom("settings")
      .selectAll()
      .where("key", "=", START_REGION)
      .where("value", "=", String(id))
      .executeTakeFirst();
    if (start) {
      await trx.deleteFrom("settings").where("key", "=", START_REGION).execute();
      await recordAudit(trx, actor, { action: "delete", entity: "settings", entityId: START_REGION, before: start });
    }
    return [];
  });
}

export interface SubregionFields {
  name: string;
  code: string;
}

/**
 * A region's subregions are child rows: every change to them is saved against the region's version
 * (a stale page is refused like any other edit) and logged in the region's history.
 */
function subregionChange(write: (trx: Trx, region: Region) => Promise<void>): ChildRows<"regions"> {
  return {
    read: async (trx, regionId) => ({
      subregions: (
        await trx
          .selectFrom("subregions")
          .select(["id", "code", "name"])
          .where("region_id", "=", regionId)
          .orderBy("id")
          .execute()
      ).map((subregion) => `${subregion.name} (${subregion.code})`),
    }),
    write,
  };
}

const changeSubregions = (trx: Trx, actor: Actor, regionId: number, version: number, change: ChildRows<"regions">) =>
  updateAudited(trx, actor, "regions", regionId, version, {}, { children: change });

export async function addSubregion(
  db: DB,
  actor: Actor,
  regionId: number,
  version: number,
  fields: SubregionFields,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await refuseTaken(trx, "subregions", fields, null, regionId);
    const write = async (inner: Trx) => {
      await inner
        .insertInto("subregions")
        .values({ ...fields, region_id: regionId })
        .execute();
    };
    await changeSubregions(trx, actor, regionId, version, subregionChange(write));
  });
}

/** A subregion of this region, or RecordNotFoundError (a subregion id from another region's page included). */
async function subregionOf(trx: Trx, regionId: number, id: number) {
  const row = await trx
    .selectFrom("subregions")
    .selectAll()
    .where("id", "=", id)
    .where("region_id", "=", regionId)
    .executeTakeFirst();
  if (!row) throw new RecordNotFoundError("subregions", id);
  return row;
}

export async function renameSubregion(
  db: DB,
  actor: Actor,
  regionId: number,
  version: number,
  id: number,
  fields: SubregionFields,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await subregionOf(trx, regionId, id);
    await refuseTaken(trx, "subregions", fields, id, regionId);
    const write = async (inner: Trx) => {
      await inner.updateTable("subregions").set(fields).where("id", "=", id).execute();
    };
    await changeSubregions(trx, actor, regionId, version, subregionChange(write));
  });
}

/**
 * What names a subregion: organisations working there, bodies and plans spanning it (decision 038),
 * seats in those bodies or representing a constituency there.
 */
export async function subregionUses(db: DB | Trx, id: number): Promise<UseCounts> {
  const [organisations, bodies, plans, seats] = await Promise.all([
    countWhere(db, "organisation_subregions", "subregion_id", id),
    countWhere(db, "body_subregions", "subregion_id", id),
    countWhere(db, "plan_subregions", "subregion_id", id),
    db
      .selectFrom("seats")
      .select((s) => s.fn.countAll<number | string>().as("n"))
      .where((eb) =>
        eb.or([
          eb("seats.constituency_subregion_id", "=", id),
          eb(
            "seats.body_id",
            "in",
            eb
              .selectFrom("body_subregions")
              .select("body_subregions.body_id")
              .where("body_subregions.subregion_id", "=", id),
          ),
        ]),
      )
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n)),
  ]);
  const counts: UseCounts = [
    { kind: "organisations", count: organisations },
    { kind: "bodies", count: bodies },
    { kind: "plans", count: plans },
    { kind: "seats", count: seats },
  ];
  return counts.filter((use) => use.count > 0);
}

/** Removes a subregion nothing names; refused with what uses it otherwise. */
export async function removeSubregion(
  db: DB,
  actor: Actor,
  regionId: number,
  version: number,
  id: number,
): Promise<UseCounts> {
  return inTransaction(db, async (trx) => {
    await subregionOf(trx, regionId, id);
    const uses = await subregionUses(trx, id);
    if (uses.length > 0) return uses;
    const write = async (inner: Trx) => {
      await inner.deleteFrom("subregions").where("id", "=", id).execute();
    };
    await changeSubregions(trx, actor, regionId, version, subregionChange(write));
    return [];
  });
}

async function usersWithRoleIn(db: DB | Trx, regionId: number): Promise<number> {
  const row = await (db as DB)
    .selectFrom("user_roles")
    .select((s) => s.fn.count<number | string>("user_id").distinct().as("n"))
    .where("region_id", "=", regionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

type CountedTable =
  | "body_subregions"
  | "plan_subregions"
  | "bodies"
  | "themes"
  | "plans"
  | "meetings"
  | "survey_waves"
  | "saved_searches"
  | "organisation_regions"
  | "organisation_subregions"
  | "subregions";

async function countWhere(db: DB | Trx, table: CountedTable, column: string, id: number): Promise<number> {
  const row = await (db as DB)
    .selectFrom(table as "bodies")
    .select((s) => s.fn.countAll<number | string>().as("n"))
    .where(column as "region_id", "=", id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
