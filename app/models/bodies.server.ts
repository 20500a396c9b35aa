import type { DB } from "../../db/index";
import { BODY_LEVELS, type BodyLevel, SEAT_ROLES } from "../../db/schema";
import { compareByDutchName } from "../services/names";
import { isActiveOn, neighbouringChanges, periodEvents } from "../services/periods";

export interface BodyListFilter {
  level?: BodyLevel;
  subregionId?: number;
  includeArchived?: boolean;
}

/** Bodies by level (strategic first), then name; with the number of filled seats and vacancies on the day. */
export async function listBodies(db: DB, onDay: string, filter: BodyListFilter = {}) {
  let query = db
    .selectFrom("bodies")
    .leftJoin("subregions", "subregions.id", "bodies.subregion_id")
    .leftJoin("themes", "themes.id", "bodies.theme_id")
    .select([
      "bodies.id",
      "bodies.name",
      "bodies.abbreviation",
      "bodies.kind",
      "bodies.level",
      "bodies.archived_at",
      "bodies.meetings_per_year",
      "subregions.name as subregion_name",
      "themes.name as theme_name",
    ])
    .select((eb) => [
      eb
        .selectFrom("seats")
        .whereRef("seats.body_id", "=", "bodies.id")
        .where("seats.person_id", "is not", null)
        .where("seats.start_date", "<=", onDay)
        .where((w) => w.or([w("seats.end_date", "is", null), w("seats.end_date", ">=", onDay)]))
        .select((s) => s.fn.countAll<number>().as("n"))
        .as("members"),
      eb
        .selectFrom("seats")
        .whereRef("seats.body_id", "=", "bodies.id")
        .where("seats.person_id", "is", null)
        .where("seats.start_date", "<=", onDay)
        .where((w) => w.or([w("seats.end_date", "is", null), w("seats.end_date", ">=", onDay)]))
        .select((s) => s.fn.countAll<number>().as("n"))
        .as("vacancies"),
    ]);
  if (!filter.includeArchived) query = query.where("bodies.archived_at", "is", null);
  if (filter.level) query = query.where("bodies.level", "=", filter.level);
  if (filter.subregionId) query = query.where("bodies.subregion_id", "=", filter.subregionId);
  const rows = await query.orderBy("bodies.name").execute();
  return rows
    .map((r) => ({ ...r, members: Number(r.members ?? 0), vacancies: Number(r.vacancies ?? 0) }))
    .sort((a, b) => BODY_LEVELS.indexOf(a.level) - BODY_LEVELS.indexOf(b.level));
}

export async function getBody(db: DB, id: number) {
  return db
    .selectFrom("bodies")
    .leftJoin("subregions", "subregions.id", "bodies.subregion_id")
    .leftJoin("themes", "themes.id", "bodies.theme_id")
    .leftJoin("bodies as parent", "parent.id", "bodies.parent_id")
    .selectAll("bodies")
    .select(["subregions.name as subregion_name", "themes.name as theme_name", "parent.name as parent_name"])
    .where("bodies.id", "=", id)
    .executeTakeFirst();
}

/** Every seat the body has ever had, with its holder and the organisation represented. */
async function seatsOfBody(db: DB, bodyId: number) {
  return db
    .selectFrom("seats")
    .leftJoin("people", "people.id", "seats.person_id")
    .leftJoin("organisations", "organisations.id", "seats.organisation_id")
    .select([
      "seats.id",
      "seats.role",
      "seats.start_date",
      "seats.end_date",
      "seats.note",
      "seats.person_id",
      "seats.organisation_id",
      "people.first_name",
      "people.infix",
      "people.last_name",
      "people.initials",
      "people.title",
      "organisations.name as organisation_name",
    ])
    .where("seats.body_id", "=", bodyId)
    .execute();
}

const roleRank = (role: string) => SEAT_ROLES.indexOf(role as (typeof SEAT_ROLES)[number]);

/**
 * The roster on a day: who held which role on behalf of which organisation, vacancies last
 * within their role; the neighbouring days on which it changed; and the full history.
 */
export async function bodyRoster(db: DB, bodyId: number, onDay: string) {
  const seats = await seatsOfBody(db, bodyId);
  const roster = seats
    .filter((s) => isActiveOn(s, onDay))
    .sort((a, b) => {
      const byRole = roleRank(a.role) - roleRank(b.role);
      if (byRole) return byRole;
      if (!a.last_name || !b.last_name) return a.last_name ? -1 : b.last_name ? 1 : 0;
      return compareByDutchName(
        { first_name: a.first_name, infix: a.infix, last_name: a.last_name },
        { first_name: b.first_name, infix: b.infix, last_name: b.last_name },
      );
    });
  return { roster, changes: neighbouringChanges(seats, onDay), history: periodEvents(seats) };
}
