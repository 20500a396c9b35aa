import type { DB } from "../../db/index";
import { messageKey } from "../services/form-data";
import { paging } from "../services/list-params";
import { can, type WithRoles } from "../auth/permissions";
import type { Actor, Trx } from "./audit.server";
import { RegisterError } from "./editing.server";

/**
 * The regions an organisation works in (decision 040): chosen on its form with the subregions in
 * them, shown on its page, and — when there are none — the reason it is on the "te completeren"
 * list instead of being left out of every region's reports without a word.
 */

export async function regionIdsOf(db: DB | Trx, organisationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("organisation_regions")
    .select("region_id")
    .where("organisation_id", "=", organisationId)
    .orderBy("region_id")
    .execute();
  return rows.map((row) => row.region_id);
}

/** The organisation's regions by name, each with the subregions it works in there (none: the whole region). */
export async function regionsOfOrganisation(db: DB, organisationId: number) {
  const rows = await db
    .selectFrom("organisation_regions")
    .innerJoin("regions", "regions.id", "organisation_regions.region_id")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("organisation_subregions")
          .innerJoin("subregions", "subregions.id", "organisation_subregions.subregion_id")
          .select(["subregions.name", "subregions.region_id"])
          .where("organisation_subregions.organisation_id", "=", organisationId)
          .as("places"),
      (join) => join.onRef("places.region_id", "=", "regions.id"),
    )
    .select(["regions.id", "regions.name", "places.name as subregion"])
    .where("organisation_regions.organisation_id", "=", organisationId)
    .orderBy("regions.name")
    .orderBy("regions.id")
    .orderBy("places.name")
    .execute();
  const regions: { id: number; name: string; subregions: string[] }[] = [];
  for (const row of rows) {
    const last = regions.at(-1);
    const region = last?.id === row.id ? last : { id: row.id, name: row.name, subregions: [] };
    if (region !== last) regions.push(region);
    if (row.subregion !== null) region.subregions.push(row.subregion);
  }
  return regions;
}

/**
 * The chosen regions exist, and every chosen subregion lies in one of them: a subregion without its
 * region would leave the organisation out of that region while saying it works there.
 */
export async function checkRegionChoice(trx: Trx, regionIds: number[], subregionIds: number[]): Promise<void> {
  if (regionIds.length > 0) {
    const found = await trx.selectFrom("regions").select("id").where("id", "in", regionIds).execute();
    if (found.length !== regionIds.length) throw new RegisterError("regions.errors.chooseRegion", "region_ids");
  }
  if (subregionIds.length === 0) return;
  const outside = await trx
    .selectFrom("subregions")
    .innerJoin("regions", "regions.id", "subregions.region_id")
    .select(["subregions.name", "regions.name as region_name"])
    .where("subregions.id", "in", subregionIds)
    .where("subregions.region_id", "not in", regionIds.length ? regionIds : [0])
    .orderBy("subregions.name")
    .executeTakeFirst();
  if (outside) {
    throw new RegisterError(
      messageKey("organisations.errors.subregionOutsideRegions", {
        subregion: outside.name,
        region: outside.region_name,
      }),
      "region_ids",
    );
  }
}

/**
 * A user may link an organisation to, or unlink it from, only the regions where their roles let them
 * edit (decision 047): a redacteur of Zuid-Limburg does not decide where a party works in Noord- en
 * Midden-Limburg. `changed` are the regions added or taken away; an actor without roles (a script) is
 * not asked.
 */
export async function checkRegionsOfActor(
  trx: Trx,
  actor: Actor | (Actor & WithRoles),
  changed: readonly number[],
): Promise<void> {
  if (!("roles" in actor)) return;
  const notTheirs = changed.filter((regionId) => !can(actor, "register.edit", regionId));
  if (notTheirs.length === 0) return;
  const region = await trx
    .selectFrom("regions")
    .select("name")
    .where("id", "in", notTheirs)
    .orderBy("name")
    .executeTakeFirst();
  // a region that does not exist is checkRegionChoice's to refuse
  if (region)
    throw new RegisterError(messageKey("organisations.errors.regionNotYours", { region: region.name }), "region_ids");
}

/** Current organisations linked to no region (merged and archived ones are not the register's to complete). */
function withoutRegion(db: DB) {
  return db
    .selectFrom("organisations")
    .where("organisations.merged_into_id", "is", null)
    .where("organisations.archived_at", "is", null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("organisation_regions")
            .select((s) => s.lit(1).as("found"))
            .whereRef("organisation_regions.organisation_id", "=", "organisations.id"),
        ),
      ),
    );
}

export async function countOrganisationsWithoutRegion(db: DB): Promise<number> {
  const row = await withoutRegion(db)
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The "te completeren" list: organisations without a region, by name, a page at a time. */
export async function organisationsWithoutRegion(db: DB, pageNumber: number) {
  const page = paging(await countOrganisationsWithoutRegion(db), pageNumber);
  const rows = await withoutRegion(db)
    .innerJoin("sectors", "sectors.id", "organisations.sector_id")
    .select([
      "organisations.id",
      "organisations.name",
      "organisations.updated_at",
      "sectors.name_nl as sector_nl",
      "sectors.name_en as sector_en",
    ])
    .orderBy("organisations.name")
    .orderBy("organisations.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, page };
}
