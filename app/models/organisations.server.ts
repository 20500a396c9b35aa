import { joinedText } from "../../db/dialect";
import type { DB } from "../../db/index";
import { paging } from "../services/list-params";

export interface OrganisationListFilter {
  q?: string;
  sectorId?: number;
  subregionId?: number;
  includeArchived?: boolean;
  page: number;
}

export async function listOrganisations(db: DB, filter: OrganisationListFilter) {
  let query = db.selectFrom("organisations").innerJoin("sectors", "sectors.id", "organisations.sector_id");
  if (!filter.includeArchived) query = query.where("organisations.archived_at", "is", null);
  if (filter.sectorId) query = query.where("organisations.sector_id", "=", filter.sectorId);
  if (filter.subregionId) {
    const subregionId = filter.subregionId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("organisation_subregions")
          .whereRef("organisation_subregions.organisation_id", "=", "organisations.id")
          .where("organisation_subregions.subregion_id", "=", subregionId),
      ),
    );
  }
  if (filter.q) {
    const pattern = `%${filter.q}%`;
    query = query.where((eb) =>
      eb.or([eb("organisations.name", "like", pattern), eb("organisations.short_name", "like", pattern)]),
    );
  }
  const { total } = await query
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const page = paging(Number(total), filter.page);
  const rows = await query
    .select([
      "organisations.id",
      "organisations.name",
      "organisations.short_name",
      "organisations.iza_signatory",
      "organisations.archived_at",
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
    .orderBy("organisations.name")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, page };
}

export async function getOrganisation(db: DB, id: number) {
  const organisation = await db
    .selectFrom("organisations")
    .innerJoin("sectors", "sectors.id", "organisations.sector_id")
    .leftJoin("organisations as parent", "parent.id", "organisations.parent_id")
    .selectAll("organisations")
    .select(["sectors.name_nl as sector_nl", "sectors.name_en as sector_en", "parent.name as parent_name"])
    .where("organisations.id", "=", id)
    .executeTakeFirst();
  if (!organisation) return null;
  const [subregions, children, affiliations, seats] = await Promise.all([
    db
      .selectFrom("organisation_subregions")
      .innerJoin("subregions", "subregions.id", "organisation_subregions.subregion_id")
      .select(["subregions.id", "subregions.name"])
      .where("organisation_subregions.organisation_id", "=", id)
      .orderBy("subregions.name")
      .execute(),
    db
      .selectFrom("organisations")
      .select(["id", "name"])
      .where("parent_id", "=", id)
      .orderBy("name")
      .execute(),
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
  return { organisation, subregions, children, affiliations, seats };
}

/** The choices for list filters: sectors and subregions. */
export async function organisationFilterOptions(db: DB) {
  const [sectors, subregions] = await Promise.all([
    db.selectFrom("sectors").select(["id", "code", "name_nl", "name_en"]).orderBy("sort_order").orderBy("name_nl").execute(),
    db.selectFrom("subregions").select(["id", "name"]).orderBy("name").execute(),
  ]);
  return { sectors, subregions };
}
