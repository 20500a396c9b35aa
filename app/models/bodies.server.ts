import { type ExpressionBuilder, type Selectable } from "kysely";
import { equalsIgnoringCase, idList, joinedText } from "../../db/dialect";
import type { DB } from "../../db/index";
import {
  type BodiesTable,
  BODY_LEVELS,
  type Database,
  type BodyKind,
  type BodyLevel,
  type DecisionMode,
  type IsoDate,
  type SeatRole,
} from "../../db/schema";
import type { Actor, Trx } from "./audit.server";
import { inTransaction, insertAudited, loadForUpdate, RegisterError, updateAudited } from "./editing.server";
import { assertRegion } from "./regions.server";
import { assertSameRegion } from "./region-references.server";
import { assertSubregionsIn, bodySubregionRows, subregionsOfBodies } from "./governance.server";
import type { ConstituencyNames } from "../services/governance";
import type { BodySort } from "../services/body-list";
import type { ListScope } from "../services/region-choice";
import { paging } from "../services/list-params";
import { isActiveOn, neighbouringChanges, periodEvents } from "../services/periods";
import { compareRosterSeats } from "../services/roster";
import { displayName } from "../services/names";

export interface BodyListFilter {
  level?: BodyLevel;
  kind?: BodyKind;
  subregionId?: number;
  includeArchived?: boolean;
  /** by level (strategic first), then name (the default); or by name alone */
  sort?: BodySort;
}

/**
 * The scope's bodies by level (strategic first), then name; with the number of filled seats and
 * vacancies on the day.
 */
export async function listBodies(db: DB, scope: ListScope, onDay: string, filter: BodyListFilter = {}) {
  let query = db
    .selectFrom("bodies")
    .leftJoin("themes", "themes.id", "bodies.theme_id")
    .innerJoin("regions", "regions.id", "bodies.region_id")
    .select([
      "regions.name as region_name",
      "bodies.id",
      "bodies.name",
      "bodies.abbreviation",
      "bodies.kind",
      "bodies.level",
      "bodies.archived_at",
      "bodies.meetings_per_year",
      "themes.name as theme_name",
    ])
    .select((eb) => [
      subregionNames(eb),
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
  if (scope !== "all") query = query.where("bodies.region_id", "=", scope.regionId);
  if (!filter.includeArchived) query = query.where("bodies.archived_at", "is", null);
  if (filter.level) query = query.where("bodies.level", "=", filter.level);
  if (filter.kind) query = query.where("bodies.kind", "=", filter.kind);
  const subregionId = filter.subregionId;
  if (subregionId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("body_subregions")
          .select("body_subregions.body_id")
          .whereRef("body_subregions.body_id", "=", "bodies.id")
          .where("body_subregions.subregion_id", "=", subregionId),
      ),
    );
  }
  const rows = await query.orderBy("bodies.name").execute();
  const counted = rows.map((r) => ({ ...r, members: Number(r.members ?? 0), vacancies: Number(r.vacancies ?? 0) }));
  return filter.sort === "naam"
    ? counted
    : counted.sort((a, b) => BODY_LEVELS.indexOf(a.level) - BODY_LEVELS.indexOf(b.level));
}

/** One page of the list (the page number as the URL asks it, kept within range). */
export async function listBodiesPage(db: DB, scope: ListScope, onDay: string, filter: BodyListFilter, page: number) {
  const bodies = await listBodies(db, scope, onDay, filter);
  const paged = paging(bodies.length, page);
  return { rows: bodies.slice(paged.offset, paged.offset + paged.limit), page: paged };
}

/** The names of the subregions a body spans, joined ("Parkstad, Westelijke Mijnstreek"); null: the whole region. */
function subregionNames(eb: ExpressionBuilder<Database, "bodies">) {
  return eb
    .selectFrom("body_subregions")
    .innerJoin("subregions", "subregions.id", "body_subregions.subregion_id")
    .whereRef("body_subregions.body_id", "=", "bodies.id")
    .select((s) => joinedText(s.ref("subregions.name"), ", ").as("names"))
    .as("subregion_name");
}

export async function getBody(db: DB, id: number) {
  const body = await db
    .selectFrom("bodies")
    .leftJoin("themes", "themes.id", "bodies.theme_id")
    .leftJoin("bodies as parent", "parent.id", "bodies.parent_id")
    .innerJoin("regions", "regions.id", "bodies.region_id")
    .selectAll("bodies")
    .select(["regions.name as region_name", "themes.name as theme_name", "parent.name as parent_name"])
    .where("bodies.id", "=", id)
    .executeTakeFirst();
  if (!body) return undefined;
  const subregions = (await subregionsOfBodies(db, [id])).get(id) ?? [];
  return {
    ...body,
    subregion_ids: subregions.map((subregion) => subregion.id).sort((a, b) => a - b),
    /** the names in alphabetical order; null: the whole region */
    subregion_name: subregions.length === 0 ? null : subregions.map((subregion) => subregion.name).join(", "),
  };
}

/**
 * Every seat the body has had, oldest first: its period, role, holder and organisation, without
 * names. The roster on any day, its change days and its history are worked out from these
 * (roster.ts, periods.ts); only the seats shown are then named (seatsWithNames). A large body has had
 * thousands of seats, and naming them all cost more than the rest of the page.
 */
function seatsOfBody(db: DB, bodyId: number) {
  return db
    .selectFrom("seats")
    .select(["id", "role", "start_date", "end_date", "person_id", "organisation_id"])
    .where("body_id", "=", bodyId)
    .orderBy("id")
    .execute();
}

/** Seats with what the roster shows of them: the note, the holder's name parts and sort key, the organisation's name. */
function seatsWithNames(db: DB) {
  return db
    .selectFrom("seats")
    .leftJoin("people", "people.id", "seats.person_id")
    .leftJoin("organisations", "organisations.id", "seats.organisation_id")
    .leftJoin("sectors", "sectors.id", "seats.constituency_sector_id")
    .leftJoin("subregions", "subregions.id", "seats.constituency_subregion_id")
    .select([
      "seats.id",
      "seats.role",
      "seats.start_date",
      "seats.end_date",
      "seats.note",
      "seats.person_id",
      "seats.organisation_id",
    ])
    .select([
      "people.first_name",
      "people.infix",
      "people.last_name",
      "people.initials",
      "people.title",
      "people.sort_name",
    ])
    .select([
      "organisations.name as organisation_name",
      "sectors.name_nl as constituency_sector_nl",
      "sectors.name_en as constituency_sector_en",
      "subregions.name as constituency_subregion_name",
    ]);
}

type SeatWithNames = Awaited<ReturnType<ReturnType<typeof seatsWithNames>["execute"]>>[number];

/**
 * A seat as the roster and a plan's team show it: the holder named once, on the server, rather
 * than sent as name parts to every page that renders it.
 */
export interface NamedSeat extends ConstituencyNames {
  id: number;
  role: SeatRole;
  start_date: string;
  end_date: string | null;
  note: string | null;
  person_id: number | null;
  /** as people read it ("Anna van den Berg"); null for a vacancy */
  person_name: string | null;
  organisation_id: number | null;
  organisation_name: string | null;
}

function namedSeat(seat: SeatWithNames): NamedSeat {
  const { id, role, start_date, end_date, note, person_id, organisation_id, organisation_name } = seat;
  const { first_name, infix, last_name, initials, title } = seat;
  const person_name = last_name === null ? null : displayName({ first_name, infix, last_name, initials, title });
  return {
    id,
    role,
    start_date,
    end_date,
    note,
    person_id,
    person_name,
    organisation_id,
    organisation_name,
    ...constituencyNames(seat),
  };
}

const constituencyNames = (seat: ConstituencyNames): ConstituencyNames => ({
  constituency_sector_nl: seat.constituency_sector_nl,
  constituency_sector_en: seat.constituency_sector_en,
  constituency_subregion_name: seat.constituency_subregion_name,
});

/** A join or a departure as the history lists it: the day, the seat's role, who and on whose behalf. */
export interface SeatEvent extends ConstituencyNames {
  day: string;
  kind: "start" | "end";
  seat_id: number;
  role: SeatRole;
  person_name: string | null;
  organisation_name: string | null;
}

/**
 * The roster on a day: who held which role on behalf of which organisation, in roster order
 * (roster.ts); the neighbouring days on which it changed; and the history, newest first
 * (periods.ts): all of it, or the latest `historyLimit` changes (a large body has thousands),
 * with how many there are.
 */
export async function bodyRoster(db: DB, bodyId: number, onDay: string, historyLimit: number | null = null) {
  const seats = await seatsOfBody(db, bodyId);
  const onRoster = seats.filter((seat) => isActiveOn(seat, onDay));
  const events = periodEvents(seats);
  const shown = historyLimit === null ? events : events.slice(0, historyLimit);
  const shownIds = new Set([...onRoster, ...shown.map((event) => event.item)].map((seat) => seat.id));
  const named = new Map(
    shownIds.size === 0
      ? []
      : (
          await seatsWithNames(db)
            .where("seats.id", "in", idList(db, [...shownIds]))
            .execute()
        ).map((seat) => [seat.id, seat] as const),
  );
  const namedOf = (id: number) => named.get(id)!;
  return {
    roster: onRoster
      .map((seat) => namedOf(seat.id))
      .sort(compareRosterSeats)
      .map(namedSeat),
    changes: neighbouringChanges(seats, onDay),
    history: shown.map(({ day, kind, item }): SeatEvent => {
      const seat = namedOf(item.id);
      const { person_name, organisation_name } = namedSeat(seat);
      return {
        day,
        kind,
        seat_id: item.id,
        role: item.role,
        person_name,
        organisation_name,
        ...constituencyNames(seat),
      };
    }),
    historyTotal: events.length,
  };
}

/** Who sat in the body on the day (first and last day included), in roster order. */
export async function rosterOnDay(db: DB, bodyId: number, onDay: string): Promise<NamedSeat[]> {
  const seats = await seatsWithNames(db)
    .where("seats.body_id", "=", bodyId)
    .where("seats.start_date", "<=", onDay)
    .where((w) => w.or([w("seats.end_date", "is", null), w("seats.end_date", ">=", onDay)]))
    .execute();
  return seats.sort(compareRosterSeats).map(namedSeat);
}

/* ---------- editing ---------- */

export type Body = Selectable<BodiesTable>;

/** What the body form edits: every column of the design except the bookkeeping ones. */
export interface BodyFields {
  name: string;
  abbreviation: string | null;
  kind: BodyKind;
  level: BodyLevel;
  parent_id: number | null;
  /** the subregions it spans (child rows); none: the whole region */
  subregion_ids: number[];
  theme_id: number | null;
  description: string | null;
  active_from: IsoDate | null;
  active_to: IsoDate | null;
  meetings_per_year: number | null;
  meeting_interval_min_weeks: number | null;
  meeting_interval_max_weeks: number | null;
  decision_mode: DecisionMode | null;
}

/** Only the body's own columns, whatever else the caller's object carries (a form's intent, say). */
function bodyColumns(fields: BodyFields): Omit<BodyFields, "subregion_ids"> {
  return {
    name: fields.name,
    abbreviation: fields.abbreviation,
    kind: fields.kind,
    level: fields.level,
    parent_id: fields.parent_id,
    theme_id: fields.theme_id,
    description: fields.description,
    active_from: fields.active_from,
    active_to: fields.active_to,
    meetings_per_year: fields.meetings_per_year,
    meeting_interval_min_weeks: fields.meeting_interval_min_weeks,
    meeting_interval_max_weeks: fields.meeting_interval_max_weeks,
    decision_mode: fields.decision_mode,
  };
}

async function assertNameFree(trx: Trx, name: string, ownId: number | null, regionId: number) {
  let query = trx
    .selectFrom("bodies")
    .select(["id", "name"])
    .where("region_id", "=", regionId)
    .where(equalsIgnoringCase(trx, "name", name));
  if (ownId !== null) query = query.where("id", "<>", ownId);
  const taken = await query.executeTakeFirst();
  if (taken)
    throw new RegisterError("bodies.errors.nameTaken", "name", { href: `/gremia/${taken.id}`, name: taken.name });
}

/** The parent must exist and may not be the body itself or lie below it: the tree of bodies has no loops. */
async function assertParentAllowed(trx: Trx, parentId: number | null, ownId: number | null) {
  if (parentId === null) return;
  const seen = new Set<number>();
  let current: number | null = parentId;
  while (current !== null && !seen.has(current)) {
    if (current === ownId) throw new RegisterError("bodies.errors.parentCycle", "parent_id");
    seen.add(current);
    const row: { parent_id: number | null } | undefined = await trx
      .selectFrom("bodies")
      .select("parent_id")
      .where("id", "=", current)
      .executeTakeFirst();
    if (!row) throw new RegisterError("common.form.invalid", "parent_id");
    current = row.parent_id;
  }
}

async function assertThemeExists(trx: Trx, id: number | null, field: string) {
  if (id === null) return;
  const row = await trx.selectFrom("themes").select("id").where("id", "=", id).executeTakeFirst();
  if (!row) throw new RegisterError("common.form.invalid", field);
}

async function assertBodyFields(trx: Trx, fields: BodyFields, ownId: number | null, regionId: number) {
  if (fields.active_from && fields.active_to && fields.active_to < fields.active_from) {
    throw new RegisterError("common.form.endBeforeStart", "active_to");
  }
  await assertNameFree(trx, fields.name, ownId, regionId);
  await assertParentAllowed(trx, fields.parent_id, ownId);
  const { meeting_interval_min_weeks: fewest, meeting_interval_max_weeks: most } = fields;
  if ((fewest === null) !== (most === null)) {
    throw new RegisterError(
      "governance.errors.intervalIncomplete",
      fewest === null ? "meeting_interval_min_weeks" : "meeting_interval_max_weeks",
    );
  }
  if (fewest !== null && most !== null && fewest > most) {
    throw new RegisterError("governance.errors.intervalReversed", "meeting_interval_max_weeks");
  }
  await assertSubregionsIn(trx, regionId, fields.subregion_ids, "subregion_ids");
  await assertThemeExists(trx, fields.theme_id, "theme_id");
  await assertSameRegion(trx, "bodies", [fields.parent_id], regionId, "parent_id");
  await assertSameRegion(trx, "themes", [fields.theme_id], regionId, "theme_id");
}

export async function createBody(db: DB, actor: Actor, fields: BodyFields, regionId: number): Promise<Body> {
  return inTransaction(db, async (trx) => {
    await assertRegion(trx, regionId);
    await assertBodyFields(trx, fields, null, regionId);
    return insertAudited(
      trx,
      actor,
      "bodies",
      { ...bodyColumns(fields), archived_at: null, region_id: regionId },
      { children: bodySubregionRows(fields.subregion_ids) },
    );
  });
}

/** Saves the form against the version the editor saw; a newer version is refused with what changed. */
export async function updateBody(db: DB, actor: Actor, id: number, version: number, fields: BodyFields): Promise<Body> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "bodies", id);
    // a stale form is answered with what changed (updateAudited), not with rules others' changes broke
    if (current.version === version) await assertBodyFields(trx, fields, id, current.region_id);
    const children = bodySubregionRows(fields.subregion_ids);
    return (await updateAudited(trx, actor, "bodies", id, version, bodyColumns(fields), { children })).after;
  });
}

/** Archives a body: it leaves lists and takes no new seats, but its roster and history stay. */
export async function archiveBody(db: DB, actor: Actor, id: number, version: number): Promise<Body> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "bodies", id);
    if (current.version === version && current.archived_at) throw new RegisterError("bodies.errors.alreadyArchived");
    return (
      await updateAudited(
        trx,
        actor,
        "bodies",
        id,
        version,
        { archived_at: new Date().toISOString() },
        { action: "archive" },
      )
    ).after;
  });
}

export async function restoreBody(db: DB, actor: Actor, id: number, version: number): Promise<Body> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "bodies", id);
    if (current.version === version && !current.archived_at) throw new RegisterError("bodies.errors.notArchived");
    return (await updateAudited(trx, actor, "bodies", id, version, { archived_at: null }, { action: "restore" })).after;
  });
}

/**
 * The choices of the body form: possible parents (bodies not archived, never the body itself or
 * one below it, plus its current parent even if archived), subregions and themes.
 */
export async function bodyFormChoices(db: DB, regionIds: readonly number[], bodyId: number | null = null) {
  const inRegions = idList(db, regionIds.length > 0 ? [...regionIds] : [0]);
  const [bodies, subregions, themes] = await Promise.all([
    db
      .selectFrom("bodies")
      .select(["id", "name", "parent_id", "archived_at", "region_id"])
      .where("region_id", "in", inRegions)
      .orderBy("name")
      .execute(),
    db
      .selectFrom("subregions")
      .select(["id", "name", "region_id"])
      .where("region_id", "in", inRegions)
      .orderBy("name")
      .execute(),
    db
      .selectFrom("themes")
      .select(["id", "name", "archived_at", "region_id"])
      .where("region_id", "in", inRegions)
      .orderBy("name")
      .execute(),
  ]);
  const below = bodyId === null ? new Set<number>() : descendants(bodies, bodyId);
  const own = bodies.find((b) => b.id === bodyId);
  return {
    parents: bodies
      .filter((b) => b.id !== bodyId && !below.has(b.id) && (!b.archived_at || b.id === own?.parent_id))
      .map((b) => ({ id: b.id, name: b.name, region_id: b.region_id })),
    /** every body by id, to name a parent in the notice of a conflicting save */
    allBodies: bodies.map((b) => ({ id: b.id, name: b.name })),
    subregions,
    themes: themes.map((theme) => ({ id: theme.id, name: theme.name, region_id: theme.region_id })),
  };
}

/** Every body that lies (directly or further) below the given one. */
function descendants(bodies: readonly { id: number; parent_id: number | null }[], rootId: number): Set<number> {
  const found = new Set<number>();
  let frontier = [rootId];
  while (frontier.length > 0) {
    const next = bodies
      .filter((b) => b.parent_id !== null && frontier.includes(b.parent_id) && !found.has(b.id))
      .map((b) => b.id);
    next.forEach((id) => found.add(id));
    frontier = next;
  }
  return found;
}
