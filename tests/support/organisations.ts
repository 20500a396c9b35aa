import type { Insertable, Selectable } from "kysely";
import type { DB } from "../../db/index";
import type { SubregionsTable } from "../../db/schema";
import { defaultRegionId, unique } from "./db";

/** A subregion, in the default region unless region_id is given. */
export async function makeSubregion(
  db: DB,
  overrides: Partial<Insertable<SubregionsTable>> = {},
): Promise<Selectable<SubregionsTable>> {
  const n = unique();
  const region_id = overrides.region_id ?? (await defaultRegionId(db));
  return db
    .insertInto("subregions")
    .values({ code: `subregio-${n}`, name: `Subregio ${n}`, ...overrides, region_id })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The fields of the organisation form as a browser sends them; empty optional fields, no subregions. */
export function organisationForm(
  sectorId: number,
  overrides: Record<string, string | number | readonly string[]> = {},
): Record<string, string | number | readonly string[]> {
  return {
    name: `Organisatie ${unique()}`,
    short_name: "",
    sector_id: sectorId,
    parent_id: "",
    website: "",
    email: "",
    phone: "",
    address: "",
    notes: "",
    ...overrides,
  };
}
