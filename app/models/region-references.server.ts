import { idList } from "../../db/dialect";
import type { Trx } from "./audit.server";
import { RegisterError } from "./editing.server";

/**
 * A record refers only to records of its own region (decision 048): a body's parent and theme, a plan's
 * theme and lead organisation, an event's invited bodies and saved searches. The forms offer only those;
 * these checks refuse what a hand-made post, an import or a stale form sends anyway, on the field that
 * chose it. A missing id stays the caller's own check (it has its own message).
 */

const MESSAGES = {
  bodies: "regions.errors.otherRegionBody",
  themes: "regions.errors.otherRegionTheme",
  saved_searches: "regions.errors.otherRegionSavedSearch",
} as const;

export async function assertSameRegion(
  trx: Trx,
  table: keyof typeof MESSAGES,
  ids: readonly (number | null)[],
  regionId: number,
  field: string,
) {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return;
  const elsewhere = await trx
    .selectFrom(table)
    .select("id")
    .where("id", "in", idList(trx, wanted))
    .where("region_id", "<>", regionId)
    .executeTakeFirst();
  if (elsewhere) throw new RegisterError(MESSAGES[table], field);
}

/**
 * An organisation works in the regions it is linked to; one linked to none is still to be completed
 * (decision 040) and is not refused, so an unfinished record does not block the register's work.
 */
export async function assertOrganisationInRegion(
  trx: Trx,
  organisationId: number | null,
  regionId: number,
  field: string,
) {
  if (organisationId === null) return;
  const links = await trx
    .selectFrom("organisation_regions")
    .select("region_id")
    .where("organisation_id", "=", organisationId)
    .execute();
  if (links.length > 0 && !links.some((link) => link.region_id === regionId)) {
    throw new RegisterError("regions.errors.otherRegionOrganisation", field);
  }
}
