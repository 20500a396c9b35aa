import type { DB } from "../../db/index";
import { BODY_LEVELS, type BodyLevel, type Language, type SeatRole } from "../../db/schema";
import { constituencyIn } from "../services/governance";
import { compareDutch, compareByDutchName, displayName } from "../services/names";
import { cellKey } from "../services/overview-tables";
import type { ListScope } from "../services/region-choice";

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

/**
 * A matrix row: an organisation, or an achterban (constituency) that seats represent instead of
 * one organisation (decision 039) — "Welzijn, Noord", read as "achterban Welzijn, Noord".
 */
export interface MatrixRow {
  /** the organisation's id as text, or "achterban-<sector>-<subregion>" */
  key: string;
  /** the organisation's id; null for an achterban */
  id: number | null;
  name: string;
  shortName: string | null;
  /** the organisation's sector, or the achterban's (empty when it is a whole subregion) */
  sector: string;
}

export interface MembershipMatrix {
  organisations: MatrixRow[];
  bodies: { id: number; name: string; abbreviation: string | null; level: BodyLevel }[];
  /** `${row key}:${bodyId}` → who represents the organisation or achterban in the body */
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

/**
 * The seats active on the day on behalf of an organisation or of an achterban: the matrix shows
 * both kinds of representation (decision 044).
 */
function matrixSeatRows(db: DB, date: string) {
  return db
    .selectFrom("seats")
    .innerJoin("bodies", "bodies.id", "seats.body_id")
    .leftJoin("organisations", "organisations.id", "seats.organisation_id")
    .leftJoin("sectors", "sectors.id", "organisations.sector_id")
    .leftJoin("sectors as constituency_sector", "constituency_sector.id", "seats.constituency_sector_id")
    .leftJoin("subregions as constituency_subregion", "constituency_subregion.id", "seats.constituency_subregion_id")
    .leftJoin("people", "people.id", "seats.person_id")
    .where((eb) =>
      eb.or([
        eb("seats.organisation_id", "is not", null),
        eb("seats.constituency_sector_id", "is not", null),
        eb("seats.constituency_subregion_id", "is not", null),
      ]),
    )
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
      "seats.constituency_sector_id",
      "seats.constituency_subregion_id",
      "constituency_sector.sort_order as constituency_sort_order",
      "constituency_sector.name_nl as constituency_sector_nl",
      "constituency_sector.name_en as constituency_sector_en",
      "constituency_subregion.name as constituency_subregion_name",
    ]);
}

type SeatRow = Awaited<ReturnType<ReturnType<typeof activeSeatRows>["execute"]>>[number];
type MatrixSeatRow = Awaited<ReturnType<ReturnType<typeof matrixSeatRows>["execute"]>>[number];
type Named = Pick<SeatRow, "seat_id" | "person_id" | "role" | "first_name" | "infix" | "last_name" | "initials">;

function representative(row: Named): Representative {
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
function compareRepresentatives(a: Named, b: Named): number {
  if (a.last_name === null || b.last_name === null)
    return (a.last_name === null ? 1 : 0) - (b.last_name === null ? 1 : 0);
  return compareByDutchName({ ...a, last_name: a.last_name }, { ...b, last_name: b.last_name });
}

/** The matrix row a seat fills: its organisation, else its achterban (after the organisations, by name). */
function matrixRowOf(
  row: MatrixSeatRow,
  language: Language,
): MatrixRow & { sortOrder: number; isConstituency: boolean } {
  if (row.organisation_id !== null)
    return {
      key: String(row.organisation_id),
      id: row.organisation_id,
      name: row.organisation_name ?? "",
      shortName: row.short_name,
      sector: (language === "en" ? row.sector_en : row.sector_nl) ?? "",
      sortOrder: row.sort_order ?? 0,
      isConstituency: false,
    };
  const sector = language === "en" ? row.constituency_sector_en : row.constituency_sector_nl;
  return {
    key: `achterban-${row.constituency_sector_id ?? ""}-${row.constituency_subregion_id ?? ""}`,
    id: null,
    name: constituencyIn({ ...row, constituency_sector_nl: sector, constituency_sector_en: sector }, language) ?? "",
    shortName: null,
    sector: sector ?? "",
    sortOrder: row.constituency_sort_order ?? 0,
    isConstituency: true,
  };
}

/**
 * Who sits where on the day, in the scope's region (every region's in the cross-region view): the
 * organisations, then the achterbannen, by sector and name; the bodies strategic first.
 */
export async function membershipMatrix(
  db: DB,
  filter: MatrixFilter,
  language: Language,
  scope: ListScope,
): Promise<MembershipMatrix> {
  let query = matrixSeatRows(db, filter.date);
  if (scope !== "all") query = query.where("bodies.region_id", "=", scope.regionId);
  if (filter.level) query = query.where("bodies.level", "=", filter.level);
  const sectorId = filter.sectorId;
  if (sectorId) {
    query = query.where((eb) =>
      eb.or([eb("organisations.sector_id", "=", sectorId), eb("seats.constituency_sector_id", "=", sectorId)]),
    );
  }
  const subregionId = filter.subregionId;
  if (subregionId) {
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("organisation_subregions")
            .select((s) => s.lit(1).as("found"))
            .whereRef("organisation_subregions.organisation_id", "=", "organisations.id")
            .where("organisation_subregions.subregion_id", "=", subregionId),
        ),
        eb("seats.constituency_subregion_id", "=", subregionId),
      ]),
    );
  }
  const rows = (await query.execute()).sort(compareRepresentatives);

  const organisations = new Map<string, ReturnType<typeof matrixRowOf>>();
  const bodies = new Map<number, MembershipMatrix["bodies"][number]>();
  const cells: MembershipMatrix["cells"] = {};
  for (const row of rows) {
    const matrixRow = matrixRowOf(row, language);
    organisations.set(matrixRow.key, matrixRow);
    bodies.set(row.body_id, {
      id: row.body_id,
      name: row.body_name,
      abbreviation: row.abbreviation,
      level: row.level,
    });
    (cells[cellKey(matrixRow.key, row.body_id)] ??= []).push(representative(row));
  }
  return {
    organisations: [...organisations.values()]
      .sort(
        (a, b) =>
          Number(a.isConstituency) - Number(b.isConstituency) ||
          a.sortOrder - b.sortOrder ||
          compareDutch(a.name, b.name),
      )
      .map(({ sortOrder: _sortOrder, isConstituency: _isConstituency, ...row }) => row),
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

/**
 * Every seat held on the organisation's behalf on the day in bodies of the scope's region (every
 * region's in the cross-region view): strategic bodies first, then by body and person.
 */
export async function organisationSeats(
  db: DB,
  organisationId: number,
  date: string,
  scope: ListScope,
): Promise<OrganisationSeat[]> {
  let query = activeSeatRows(db, date)
    .select(["seats.start_date", "seats.end_date"])
    .where("seats.organisation_id", "=", organisationId);
  if (scope !== "all") query = query.where("bodies.region_id", "=", scope.regionId);
  const rows = await query.execute();
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
