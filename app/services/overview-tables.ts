import type { TFunction } from "i18next";
import { BODY_LEVELS } from "../../db/schema";
import type { MatrixFilter } from "../models/overviews.server";
import { oneOf, positiveIntFrom } from "./list-params";
import { isIsoDay } from "./periods";
import type { MatrixRow, MembershipMatrix, OrganisationSeat, Representative } from "../models/overviews.server";
import type { ExportTable } from "./table-export.server";

/**
 * The overviews as tables "as shown": the page and its CSV/XLSX downloads are built from the same
 * rows and headers, so a download never says something the page does not.
 */

/** The reference date asked for in the URL (`datum`), or `today` when missing or not a day. */
export function referenceDate(search: URLSearchParams, today: string): { date: string; invalid: string | null } {
  const asked = search.get("datum");
  const date = asked && isIsoDay(asked) ? asked : today;
  return { date, invalid: asked && asked !== date ? asked : null };
}

/** The matrix filters as the page's GET form puts them in the URL. */
export function matrixFilterFrom(
  search: URLSearchParams,
  today: string,
): MatrixFilter & { invalidDate: string | null } {
  const { date, invalid } = referenceDate(search, today);
  return {
    date,
    invalidDate: invalid,
    level: oneOf(search, "niveau", BODY_LEVELS),
    subregionId: positiveIntFrom(search, "subregio"),
    sectorId: positiveIntFrom(search, "sector"),
  };
}

/** The matrix needs a narrowing: the whole national network is thousands of organisations × bodies. */
export const matrixNarrowed = (filter: MatrixFilter) =>
  filter.level !== undefined || filter.subregionId !== undefined || filter.sectorId !== undefined;

/**
 * One page of the matrix: its organisations, and as columns only the bodies in which they have a
 * seat, so a page never carries columns that would be empty on every row.
 */
export function matrixPage(matrix: MembershipMatrix, offset: number, limit: number): MembershipMatrix {
  const organisations = matrix.organisations.slice(offset, offset + limit);
  const cells: MembershipMatrix["cells"] = {};
  const shown = new Set<number>();
  for (const organisation of organisations) {
    for (const body of matrix.bodies) {
      const key = cellKey(organisation.key, body.id);
      const people = matrix.cells[key];
      if (people) {
        cells[key] = people;
        shown.add(body.id);
      }
    }
  }
  return { organisations, bodies: matrix.bodies.filter((body) => shown.has(body.id)), cells };
}

/** The key of a matrix cell: which organisation or achterban (its row key) in which body (shared by the model and the page). */
export const cellKey = (rowKey: string, bodyId: number) => `${rowKey}:${bodyId}`;

/** A matrix row's name as shown: the organisation's, or "achterban Welzijn, Noord". */
export const matrixRowName = (row: Pick<MatrixRow, "id" | "name">, t: TFunction): string =>
  row.id === null ? t("governance.constituency.onBehalf", { what: row.name }) : row.name;

/** "Anna van den Berg (voorzitter)", a vacancy as "Vacature (lid)". */
export function representativeText(representative: Representative, t: TFunction): string {
  const role = t(`register.roles.${representative.role}`).toLowerCase();
  return `${representative.name ?? t("register.vacant")} (${role})`;
}

export function matrixTable(matrix: MembershipMatrix, t: TFunction, dateText: string): ExportTable {
  const bodyColumn = (id: number) => `body-${id}`;
  return {
    title: t("overviews.matrix.fileTitle", { date: dateText }),
    columns: [
      { key: "organisation", header: t("overviews.matrix.organisation") },
      { key: "sector", header: t("overviews.matrix.sector") },
      ...matrix.bodies.map((body) => ({ key: bodyColumn(body.id), header: body.abbreviation ?? body.name })),
    ],
    rows: matrix.organisations.map((organisation) => {
      const row: Record<string, string> = { organisation: matrixRowName(organisation, t), sector: organisation.sector };
      for (const body of matrix.bodies) {
        const people = matrix.cells[cellKey(organisation.key, body.id)];
        if (people) row[bodyColumn(body.id)] = people.map((p) => representativeText(p, t)).join("\n");
      }
      return row;
    }),
  };
}

export function organisationSeatsTable(
  seats: readonly OrganisationSeat[],
  t: TFunction,
  organisationName: string,
  dateText: string,
  formatDay: (day: string | null) => string,
): ExportTable {
  return {
    title: t("overviews.organisation.fileTitle", { name: organisationName, date: dateText }),
    columns: [
      { key: "body", header: t("overviews.organisation.body") },
      { key: "level", header: t("overviews.organisation.level") },
      { key: "person", header: t("overviews.organisation.person") },
      { key: "role", header: t("overviews.organisation.role") },
      { key: "since", header: t("overviews.organisation.since") },
      { key: "until", header: t("overviews.organisation.until") },
    ],
    rows: seats.map((seat) => ({
      body: seat.bodyName,
      level: t(`register.levels.${seat.level}`),
      person: seat.name ?? t("register.vacant"),
      role: t(`register.roles.${seat.role}`),
      since: formatDay(seat.since),
      until: seat.until ? formatDay(seat.until) : "",
    })),
  };
}
