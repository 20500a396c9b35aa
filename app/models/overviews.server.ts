import type { DB } from "../../db/index";
import { BODY_LEVELS, type BodyLevel, type Language, type SeatRole } from "../../db/schema";
import { compareDutch, compareByDutchName, displayName } from "../services/names";
import { cellKey } from "../services/overview-tables";

/**
 * "Who represents whom where" on a day: the organisations × bodies matrix and the per-organisation
 * list. Both read the seats active on the day in one query; grouping happens here.
 */

export interface MatrixFilter {
  date: string;
  level?: BodyLevel;
  /** organisations working in this subregion */
  subregionId?: number;
  sectorId?: number;
}

export interface Representative {
  seatId: number;
  personId: number | null;
  /** null for a vacancy reserved for the organisation */
  name: string | null;
  role: SeatRole;
}

export interface MembershipMatrix {
  organisations: { id: number; name: string; shortName: string | null; sector: string }[];
  bodies: { id: number; name: string; abbreviation: string | null; level: BodyLevel }[];
  /** `${organisationId}:${bodyId}` → who represents the organisation in the body */
  cells: Record<string, Representative[]>;
}

const levelOrder = (level: BodyLevel) => BODY_LEVELS.indexOf(level);

function activeSeatRows(db: DB, date: string) {
  return db
    .selectFrom("seats")
    .innerJoin("bodies", "bodies.id", "seats.body_id")
    .innerJoin("organisations", "organisations.id", "seats.organisation_id")
    .innerJoin("sectors", "sectors.id", "organisations.sector_id")
    .leftJoin("people", "people.id", "seats.person_id")
    .where("seats.start_date", "<=", date)
    .where((eb) => eb.or([eb("seats.end_date", "is", null), eb("seats.end_date", ">=", date)]))
    .where("bodies.archived_at", "is", null)
    .select([
      "seats.id as seat_id",
      "seats.role",
      "seats.person_id",
      "bodies.id as body_id",
      "bodies.name as body_name",
      "bodies.abbreviation",
      "bodies.level",
      "organisations.id as organisation_id",
      "organisations.name as organisation_name",
      "organisations.short_name",
      "sectors.sort_order",
      "sectors.name_nl as sector_nl",
      "sectors.name_en as sector_en",
      "people.first_name",
      "people.infix",
      "people.last_name",
      "people.initials",
    ]);
}

type SeatRow = Awaited<ReturnType<ReturnType<typeof activeSeatRows>["execute"]>>[number];

function representative(row: SeatRow): Representative {
  return {
    seatId: row.seat_id,
    personId: row.person_id,
    name:
      row.last_name === null
        ? null
        : displayName({
            first_name: row.first_name,
            infix: row.infix,
            last_name: row.last_name,
            initials: row.initials,
          }),
    role: row.role,
  };
}

/** Vacancies after people, people in Dutch list order. */
function compareRepresentatives(a: SeatRow, b: SeatRow): number {
  if (a.last_name === null || b.last_name === null)
    return (a.last_name === null ? 1 : 0) - (b.last_name === null ? 1 : 0);
  return compareByDutchName({ ...a, last_name: a.last_name }, { ...b, last_name: b.last_name });
}

export async function membershipMatrix(db: DB, filter: MatrixFilter, language: Language): Promise<MembershipMatrix> {
  let query = activeSeatRows(db, filter.date);
  if (filter.level) query = query.where("bodies.level", "=", filter.level);
  if (filter.sectorId) query = query.where("organisations.sector_id", "=", filter.sectorId);
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
  const rows = (await query.execute()).sort(compareRepresentatives);

  const organisations = new Map<number, MembershipMatrix["organisations"][number] & { sortOrder: number }>();
  const bodies = new Map<number, MembershipMatrix["bodies"][number]>();
  const cells: MembershipMatrix["cells"] = {};
  for (const row of rows) {
    organisations.set(row.organisation_id, {
      id: row.organisation_id,
      name: row.organisation_name,
      shortName: row.short_name,
      sector: language === "en" ? row.sector_en : row.sector_nl,
      sortOrder: row.sort_order,
    });
    bodies.set(row.body_id, {
      id: row.body_id,
      name: row.body_name,
      abbreviation: row.abbreviation,
      level: row.level,
    });
    (cells[cellKey(row.organisation_id, row.body_id)] ??= []).push(representative(row));
  }
  return {
    organisations: [...organisations.values()]
      .sort((a, b) => a.sortOrder - b.sortOrder || compareDutch(a.name, b.name))
      .map(({ sortOrder: _sortOrder, ...organisation }) => organisation),
    bodies: [...bodies.values()].sort(
      (a, b) => levelOrder(a.level) - levelOrder(b.level) || compareDutch(a.name, b.name),
    ),
    cells,
  };
}

export interface OrganisationSeat extends Representative {
  bodyId: number;
  bodyName: string;
  level: BodyLevel;
  since: string;
  until: string | null;
}

/** Every seat held on the organisation's behalf on the day: strategic bodies first, then by body and person. */
export async function organisationSeats(db: DB, organisationId: number, date: string): Promise<OrganisationSeat[]> {
  const rows = await activeSeatRows(db, date)
    .select(["seats.start_date", "seats.end_date"])
    .where("seats.organisation_id", "=", organisationId)
    .execute();
  return rows
    .sort(
      (a, b) =>
        levelOrder(a.level) - levelOrder(b.level) ||
        compareDutch(a.body_name, b.body_name) ||
        compareRepresentatives(a, b),
    )
    .map((row) => ({
      ...representative(row),
      bodyId: row.body_id,
      bodyName: row.body_name,
      level: row.level,
      since: row.start_date,
      until: row.end_date,
    }));
}

/** The organisation an overview is about (id and name), if it exists. */
export async function overviewOrganisation(db: DB, id: number): Promise<{ id: number; name: string } | undefined> {
  return db.selectFrom("organisations").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
}
