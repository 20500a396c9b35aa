import { type Selectable } from "kysely";
import { jsonInteger } from "../../db/dialect";
import type { DB } from "../../db/index";
import type { IsoDate, Language, SeatRole, SeatsTable } from "../../db/schema";
import { searchRegister } from "./search.server";
import { todayInAmsterdam } from "../i18n/format";
import { messageKey } from "../services/form-data";
import { displayName } from "../services/names";
import type { SearchRequest, SeatChoices } from "../services/seat-choices";
import { endRefusal, overlappingSeat, planSuccession, type SeatForOverlap } from "../services/seat-rules";
import type { Actor, Trx } from "./audit.server";
import { inTransaction, insertAudited, loadForUpdate, RegisterError, updateAudited } from "./editing.server";
import { assertSubregionsIn } from "./governance.server";
import { assertOrganisationInRegion } from "./region-references.server";
import type { MessageKey } from "../i18n/keys";

/**
 * Seats: who holds which role in which body, on behalf of which organisation, from when to when.
 * History is never overwritten: ending sets the last day, a move or a filled vacancy ends the old
 * seat and starts a new one. Refusals name days in ISO; the action writes them for the reader
 * (readableRefusal).
 */
export type Seat = Selectable<SeatsTable>;

export interface SeatFields {
  role: SeatRole;
  organisation_id: number | null;
  /** the achterban the seat represents instead of an organisation (decision 039); absent: none */
  constituency_sector_id?: number | null;
  constituency_subregion_id?: number | null;
  start_date: IsoDate;
  end_date: IsoDate | null;
  note: string | null;
}

export interface NewSeat extends SeatFields {
  /** null: a vacancy, an open place on the roster */
  person_id: number | null;
}

/** Why an audit entry of a seat was written, beyond its action (see admin.audit.summaries). */
export const SEAT_AUDIT_SUMMARIES = {
  ended: "seat_ended",
  endUndone: "end_undone",
  moved: "seat_moved",
  vacancyFilled: "vacancy_filled",
} as const;

function assertPeriod(start: IsoDate, end: IsoDate | null) {
  if (end !== null && end < start) throw new RegisterError("common.form.endBeforeStart", "end_date");
}

/** New seats go only into bodies that are not archived. */
/** Gives the body's region, which is the seat's (decision 044). */
async function assertBodyOpen(trx: Trx, bodyId: number): Promise<number> {
  const body = await loadForUpdate(trx, "bodies", bodyId);
  if (body.archived_at) throw new RegisterError(messageKey("bodies.errors.bodyArchived", { body: body.name }));
  return body.region_id;
}

/** What a seat speaks for lies in its body's region (decision 048): the organisation, the achterban's subregion. */
async function assertInBodyRegion(trx: Trx, fields: SeatFields, regionId: number) {
  await assertOrganisationInRegion(trx, fields.organisation_id, regionId, "organisation_id");
  const subregionId = fields.constituency_subregion_id ?? null;
  if (subregionId !== null) await assertSubregionsIn(trx, regionId, [subregionId], "constituency_subregion_id");
}

async function assertOrganisationOpen(trx: Trx, organisationId: number | null, field: string) {
  if (organisationId === null) return;
  const organisation = await trx
    .selectFrom("organisations")
    .select(["id", "name", "archived_at"])
    .where("id", "=", organisationId)
    .executeTakeFirst();
  if (!organisation) throw new RegisterError("common.form.invalid", field);
  if (organisation.archived_at) {
    throw new RegisterError(
      messageKey("bodies.errors.organisationArchived", { organisation: organisation.name }),
      field,
      {
        href: `/organisaties/${organisation.id}`,
        name: organisation.name,
      },
    );
  }
}

async function assertPersonOpen(trx: Trx, personId: number | null, field: string) {
  if (personId === null) return;
  const person = await trx
    .selectFrom("people")
    .select(["id", "first_name", "infix", "last_name", "initials", "title", "archived_at"])
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) throw new RegisterError("common.form.invalid", field);
  if (person.archived_at)
    throw new RegisterError(messageKey("bodies.errors.personArchived", { person: displayName(person) }), field);
}

/**
 * A seat speaks for one organisation or for an achterban, never both (the database checks it too);
 * the sector and subregion named must exist.
 */
async function assertRepresents(trx: Trx, fields: SeatFields) {
  const sectorId = fields.constituency_sector_id ?? null;
  const subregionId = fields.constituency_subregion_id ?? null;
  if (sectorId === null && subregionId === null) return;
  if (fields.organisation_id !== null)
    throw new RegisterError("governance.errors.organisationAndConstituency", "organisation_id");
  if (sectorId !== null) {
    const sector = await trx.selectFrom("sectors").select("id").where("id", "=", sectorId).executeTakeFirst();
    if (!sector) throw new RegisterError("common.form.invalid", "constituency_sector_id");
  }
  if (subregionId !== null) {
    const subregion = await trx.selectFrom("subregions").select("id").where("id", "=", subregionId).executeTakeFirst();
    if (!subregion) throw new RegisterError("common.form.invalid", "constituency_subregion_id");
  }
}

const constituencyColumns = (fields: SeatFields) => ({
  constituency_sector_id: fields.constituency_sector_id ?? null,
  constituency_subregion_id: fields.constituency_subregion_id ?? null,
});

/** Refuses a seat that would share a day with another seat of the same person in the same role and body, naming that seat. */
async function assertNoOverlap(trx: Trx, candidate: SeatForOverlap, field: string) {
  if (candidate.person_id === null) return;
  const others = await trx
    .selectFrom("seats")
    .select(["id", "body_id", "person_id", "role", "start_date", "end_date"])
    .where("body_id", "=", candidate.body_id)
    .where("person_id", "=", candidate.person_id)
    .where("role", "=", candidate.role as SeatRole)
    .orderBy("start_date")
    .execute();
  const clash = overlappingSeat(candidate, others);
  if (!clash) return;
  const person = await trx
    .selectFrom("people")
    .select(["first_name", "infix", "last_name", "initials", "title"])
    .where("id", "=", candidate.person_id)
    .executeTakeFirstOrThrow();
  const values = {
    person: displayName(person),
    start: clash.start_date,
    ...(clash.end_date ? { end: clash.end_date } : {}),
  };
  throw new RegisterError(
    messageKey(clash.end_date ? "bodies.errors.overlapRange" : "bodies.errors.overlapOngoing", values),
    field,
    {
      href: `/zetels/${clash.id}`,
      name: "bodies.errors.existingSeat",
    },
  );
}

/** Adds a seat (or a vacancy) to a body. */
export async function addSeat(db: DB, actor: Actor, bodyId: number, fields: NewSeat): Promise<Seat> {
  assertPeriod(fields.start_date, fields.end_date);
  return inTransaction(db, async (trx) => {
    const regionId = await assertBodyOpen(trx, bodyId);
    await assertPersonOpen(trx, fields.person_id, "person");
    await assertOrganisationOpen(trx, fields.organisation_id, "organisation_id");
    await assertRepresents(trx, fields);
    await assertInBodyRegion(trx, fields, regionId);
    await assertNoOverlap(trx, { body_id: bodyId, ...fields }, "start_date");
    return insertAudited(trx, actor, "seats", {
      body_id: bodyId,
      person_id: fields.person_id,
      role: fields.role,
      organisation_id: fields.organisation_id,
      ...constituencyColumns(fields),
      start_date: fields.start_date,
      end_date: fields.end_date,
      note: fields.note,
    });
  });
}

/**
 * Corrects a seat: role, organisation or achterban, period, note. The person stays: another person is another
 * seat (fill a vacancy, or end this one and add theirs).
 */
export async function updateSeat(
  db: DB,
  actor: Actor,
  seatId: number,
  version: number,
  fields: SeatFields,
): Promise<Seat> {
  assertPeriod(fields.start_date, fields.end_date);
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "seats", seatId);
    if (current.version === version) {
      // an organisation archived since the seat began may stay on it; a new choice must be open
      if (fields.organisation_id !== current.organisation_id)
        await assertOrganisationOpen(trx, fields.organisation_id, "organisation_id");
      await assertRepresents(trx, fields);
      const body = await trx
        .selectFrom("bodies")
        .select("region_id")
        .where("id", "=", current.body_id)
        .executeTakeFirstOrThrow();
      await assertInBodyRegion(trx, fields, body.region_id);
      await assertNoOverlap(trx, { ...current, ...fields }, "start_date");
    }
    const values = {
      role: fields.role,
      organisation_id: fields.organisation_id,
      ...constituencyColumns(fields),
      start_date: fields.start_date,
      end_date: fields.end_date,
      note: fields.note,
    };
    return (await updateAudited(trx, actor, "seats", seatId, version, values)).after;
  });
}

/** Ends a seat: `endDate` (today unless given) becomes its last day. The seat stays, with its history. */
export async function endSeat(
  db: DB,
  actor: Actor,
  seatId: number,
  version: number,
  endDate: IsoDate = todayInAmsterdam(),
): Promise<Seat> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "seats", seatId);
    const refusal = current.version === version ? endRefusal(current, endDate) : null;
    if (refusal === "endBeforeStart")
      throw new RegisterError(
        messageKey("bodies.errors.endBeforeSeatStart", { start: current.start_date }),
        "end_date",
      );
    if (refusal === "alreadyEnded")
      throw new RegisterError(messageKey("bodies.errors.alreadyEnded", { end: current.end_date ?? "" }), "end_date");
    const { after } = await updateAudited(
      trx,
      actor,
      "seats",
      seatId,
      version,
      { end_date: endDate },
      { action: "end", summary: SEAT_AUDIT_SUMMARIES.ended },
    );
    return after;
  });
}

/**
 * Takes back an end: the seat gets the end date it had before (none, or one planned further on).
 * `version` is the one the end produced: an undo after anyone changed the seat since is refused
 * (StaleVersionError) instead of overwriting their change.
 */
export async function undoSeatEnd(db: DB, actor: Actor, seatId: number, version: number): Promise<Seat> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "seats", seatId);
    const entry = await trx
      .selectFrom("audit_log")
      .select("before")
      .where("entity", "=", "seats")
      .where("entity_id", "=", String(seatId))
      .where("action", "=", "end")
      .where("summary", "=", SEAT_AUDIT_SUMMARIES.ended)
      .where(jsonInteger(db, "after", "version"), "=", version)
      .executeTakeFirst();
    if (!entry?.before) throw new RegisterError("bodies.errors.nothingToUndo");
    const previousEnd = (JSON.parse(entry.before) as { end_date: IsoDate | null }).end_date;
    if (current.version === version) await assertNoOverlap(trx, { ...current, end_date: previousEnd }, "end_date");
    const { after } = await updateAudited(
      trx,
      actor,
      "seats",
      seatId,
      version,
      { end_date: previousEnd },
      { action: "restore", summary: SEAT_AUDIT_SUMMARIES.endUndone },
    );
    return after;
  });
}

function successionRefusal(
  reason: "notAfterStart" | "endedBefore",
  seat: Seat,
  keys: { notAfterStart: MessageKey; endedBefore: MessageKey },
  field: string,
) {
  return reason === "notAfterStart"
    ? new RegisterError(messageKey(keys.notAfterStart, { start: seat.start_date }), field)
    : new RegisterError(messageKey(keys.endedBefore, { end: seat.end_date ?? "" }), field);
}

export interface SeatMove {
  /** the organisation the person now represents */
  organisation_id: number;
  /** the first day on behalf of it; the old seat's last day is the day before */
  move_date: IsoDate;
}

/**
 * The person changed jobs and keeps the seat on behalf of the new organisation: in one
 * transaction the old seat ends the day before `move_date` and a new seat (same body, person,
 * role and note, any planned end) starts on it. Both changes are in the audit log.
 */
export async function moveSeat(
  db: DB,
  actor: Actor,
  seatId: number,
  version: number,
  move: SeatMove,
): Promise<{ ended: Seat; seat: Seat }> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "seats", seatId);
    const plan = planSuccession(current, move.move_date);
    if (current.version === version) {
      if (current.person_id === null) throw new RegisterError("bodies.errors.moveVacancy");
      if (!plan.ok) {
        throw successionRefusal(
          plan.reason,
          current,
          { notAfterStart: "bodies.errors.moveNotAfterStart", endedBefore: "bodies.errors.moveAfterEnd" },
          "move_date",
        );
      }
      if (move.organisation_id === current.organisation_id)
        throw new RegisterError("bodies.errors.sameOrganisation", "organisation_id");
      await assertBodyOpen(trx, current.body_id);
      await assertOrganisationOpen(trx, move.organisation_id, "organisation_id");
    }
    // a plan that does not hold was refused above, unless the version is stale: updateAudited refuses that
    const { after: ended } = await updateAudited(
      trx,
      actor,
      "seats",
      seatId,
      version,
      { end_date: plan.ok ? plan.previousEnds : null },
      { action: "end", summary: SEAT_AUDIT_SUMMARIES.moved },
    );
    const successor = {
      body_id: current.body_id,
      person_id: current.person_id,
      role: current.role,
      organisation_id: move.organisation_id,
      start_date: move.move_date,
      end_date: plan.ok ? plan.nextEnds : null,
      note: current.note,
    };
    await assertNoOverlap(trx, successor, "move_date");
    const seat = await insertAudited(trx, actor, "seats", successor, { summary: SEAT_AUDIT_SUMMARIES.moved });
    return { ended, seat };
  });
}

export interface VacancyFill {
  person_id: number;
  organisation_id: number | null;
  /** the person's first day; the vacancy's last day is the day before */
  start_date: IsoDate;
}

/**
 * A vacancy gets a person: in one transaction the vacancy ends the day before `start_date` and
 * the person's seat (same body and role, any planned end) starts on it.
 */
export async function fillVacancy(
  db: DB,
  actor: Actor,
  seatId: number,
  version: number,
  fill: VacancyFill,
): Promise<{ vacancy: Seat; seat: Seat }> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "seats", seatId);
    const plan = planSuccession(current, fill.start_date);
    if (current.version === version) {
      if (current.person_id !== null) throw new RegisterError("bodies.errors.notVacant");
      if (!plan.ok) {
        throw successionRefusal(
          plan.reason,
          current,
          { notAfterStart: "bodies.errors.fillNotAfterStart", endedBefore: "bodies.errors.vacancyClosed" },
          "start_date",
        );
      }
      await assertBodyOpen(trx, current.body_id);
      await assertPersonOpen(trx, fill.person_id, "person_id");
      await assertOrganisationOpen(trx, fill.organisation_id, "organisation_id");
    }
    // as in moveSeat: past this point the plan holds, or updateAudited refuses the stale version
    const { after: vacancy } = await updateAudited(
      trx,
      actor,
      "seats",
      seatId,
      version,
      { end_date: plan.ok ? plan.previousEnds : null },
      { action: "end", summary: SEAT_AUDIT_SUMMARIES.vacancyFilled },
    );
    const successor = {
      body_id: current.body_id,
      person_id: fill.person_id,
      role: current.role,
      organisation_id: fill.organisation_id,
      // a place kept for an achterban is filled on its behalf, unless the person comes for an organisation
      constituency_sector_id: fill.organisation_id === null ? current.constituency_sector_id : null,
      constituency_subregion_id: fill.organisation_id === null ? current.constituency_subregion_id : null,
      start_date: fill.start_date,
      end_date: plan.ok ? plan.nextEnds : null,
      note: null,
    };
    await assertNoOverlap(trx, successor, "start_date");
    const seat = await insertAudited(trx, actor, "seats", successor, { summary: SEAT_AUDIT_SUMMARIES.vacancyFilled });
    return { vacancy, seat };
  });
}

/** One seat with its body, holder and organisation, for the seat's page. */
export async function getSeat(db: DB, seatId: number) {
  return db
    .selectFrom("seats")
    .innerJoin("bodies", "bodies.id", "seats.body_id")
    .leftJoin("people", "people.id", "seats.person_id")
    .leftJoin("organisations", "organisations.id", "seats.organisation_id")
    .leftJoin("sectors", "sectors.id", "seats.constituency_sector_id")
    .leftJoin("subregions", "subregions.id", "seats.constituency_subregion_id")
    .selectAll("seats")
    .select([
      "bodies.name as body_name",
      "bodies.region_id as body_region_id",
      "bodies.archived_at as body_archived_at",
      "bodies.region_id",
      "people.first_name",
      "people.infix",
      "people.last_name",
      "people.initials",
      "people.title",
      "organisations.name as organisation_name",
      "organisations.archived_at as organisation_archived_at",
      "sectors.name_nl as constituency_sector_nl",
      "sectors.name_en as constituency_sector_en",
      "subregions.name as constituency_subregion_name",
    ])
    .where("seats.id", "=", seatId)
    .executeTakeFirst();
}

/** The most people or organisations a search offers: a name narrows it further. */
export const SEARCH_LIMIT = 10;

const unique = (ids: readonly number[]) => [...new Set(ids)];

/**
 * What a seat form offers to choose from, without listing the whole register: the people and
 * organisations already chosen (`personIds`, `organisationIds`, kept even when archived: a seat's
 * current organisation), and what a search found (people and organisations not archived, best
 * match first, at most `SEARCH_LIMIT`). Each person comes with their organisations on `onDay`
 * (jobs at organisations not archived), which the form offers first.
 */
export async function seatChoices(
  db: DB,
  wanted: {
    personIds: readonly number[];
    organisationIds: readonly number[];
    search: SearchRequest | null;
    onDay: IsoDate;
    language: Language;
  },
): Promise<SeatChoices> {
  const { search } = wanted;
  const hits = search?.query
    ? await searchRegister(db, search.query, { limit: 100, onDay: wanted.onDay, language: wanted.language })
    : [];
  const foundIds = hits
    .filter((hit) => hit.kind === search?.kind && !hit.archived)
    .slice(0, SEARCH_LIMIT)
    .map((hit) => hit.id);
  const personIds = unique([...wanted.personIds, ...(search?.kind === "person" ? foundIds : [])]);
  const organisationIds = unique([...wanted.organisationIds, ...(search?.kind === "organisation" ? foundIds : [])]);
  const [people, jobs, organisations] = await Promise.all([
    personIds.length === 0
      ? []
      : db
          .selectFrom("people")
          .select(["id", "first_name", "infix", "last_name", "initials", "title"])
          .where("id", "in", personIds)
          .execute(),
    personIds.length === 0
      ? []
      : db
          .selectFrom("affiliations")
          .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
          .select(["affiliations.person_id", "organisations.id", "organisations.name"])
          .where("affiliations.person_id", "in", personIds)
          .where("organisations.archived_at", "is", null)
          .where((w) =>
            w.or([w("affiliations.start_date", "is", null), w("affiliations.start_date", "<=", wanted.onDay)]),
          )
          .where((w) => w.or([w("affiliations.end_date", "is", null), w("affiliations.end_date", ">=", wanted.onDay)]))
          .orderBy("organisations.name")
          .execute(),
    organisationIds.length === 0
      ? []
      : db
          .selectFrom("organisations")
          .select(["id", "name", "archived_at"])
          .where("id", "in", organisationIds)
          .execute(),
  ]);
  const byId = <T extends { id: number }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));
  const peopleById = byId(people);
  const organisationsById = byId(organisations);
  return {
    people: personIds.flatMap((id) => {
      const person = peopleById.get(id);
      if (!person) return [];
      const own = jobs.filter((job) => job.person_id === id).map((job) => ({ id: job.id, name: job.name }));
      return [
        {
          id,
          name: displayName(person),
          organisations: own.filter((job, index) => own.findIndex((o) => o.id === job.id) === index),
        },
      ];
    }),
    organisations: organisationIds.flatMap((id) => {
      const organisation = organisationsById.get(id);
      return organisation ? [{ id, name: organisation.name, archived: organisation.archived_at !== null }] : [];
    }),
    found: search ? { kind: search.kind, query: search.query, ids: foundIds } : null,
  };
}
