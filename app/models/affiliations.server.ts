import type { Selectable } from "kysely";
import type { DB } from "../../db/index";
import type { AffiliationsTable, IsoDate } from "../../db/schema";
import { FIELD_MESSAGES, messageKey } from "../services/form-data";
import type { Actor, Trx } from "./audit.server";
import {
  inTransaction,
  insertAudited,
  loadForUpdate,
  RecordNotFoundError,
  RegisterError,
  updateAudited,
} from "./editing.server";

/**
 * Affiliations: a person works at an organisation as (function title), from–to. Several at once
 * are allowed. History is kept: a job that stops is ended (its end date set), never deleted, and
 * an end can be undone.
 */

export type Affiliation = Selectable<AffiliationsTable>;

export interface AffiliationFields {
  organisation_id: number;
  function_title: string | null;
  start_date: IsoDate | null;
  /** the last day in the job (inclusive); null while it lasts */
  end_date: IsoDate | null;
}

/** The summary of the audit entry an undone end writes. */
export const END_UNDONE = "end_undone";

/** A new job cannot be at an organisation that left the network (archived). */
async function assertOrganisationOpen(trx: Trx, organisationId: number) {
  const organisation = await trx
    .selectFrom("organisations")
    .select(["id", "name", "archived_at"])
    .where("id", "=", organisationId)
    .executeTakeFirst();
  if (!organisation) throw new RegisterError(FIELD_MESSAGES.invalid, "organisation_id");
  if (organisation.archived_at) {
    throw new RegisterError(
      messageKey("people.errors.organisationArchived", { name: organisation.name }),
      "organisation_id",
      {
        href: `/organisaties/${organisation.id}`,
        name: organisation.name,
      },
    );
  }
}

/** The end is the last day in the job, so it may equal the start but not precede it. */
function assertPeriod(start: IsoDate | null, end: IsoDate | null) {
  if (start && end && end < start) throw new RegisterError(FIELD_MESSAGES.endBeforeStart, "end_date");
}

/** The affiliation, if it is this person's; else RecordNotFoundError (a 404, not someone else's job). */
async function loadOwnAffiliation(trx: Trx, personId: number, affiliationId: number): Promise<Affiliation> {
  const affiliation = await loadForUpdate(trx, "affiliations", affiliationId);
  if (affiliation.person_id !== personId) throw new RecordNotFoundError("affiliations", affiliationId);
  return affiliation;
}

const columns = (fields: AffiliationFields) => ({
  organisation_id: fields.organisation_id,
  function_title: fields.function_title,
  start_date: fields.start_date,
  end_date: fields.end_date,
});

export async function addAffiliation(
  db: DB,
  actor: Actor,
  personId: number,
  fields: AffiliationFields,
): Promise<Affiliation> {
  assertPeriod(fields.start_date, fields.end_date);
  return inTransaction(db, async (trx) => {
    const person = await loadForUpdate(trx, "people", personId);
    if (person.archived_at) throw new RegisterError("people.errors.personArchived");
    await assertOrganisationOpen(trx, fields.organisation_id);
    return insertAudited(trx, actor, "affiliations", { ...columns(fields), person_id: personId });
  });
}

/**
 * Corrects a job (title, dates, organisation) if it is still at `version`. Only a change of
 * organisation is checked against archiving: an old job at an organisation that has since been
 * archived can still have its dates corrected.
 */
export async function updateAffiliation(
  db: DB,
  actor: Actor,
  personId: number,
  affiliationId: number,
  version: number,
  fields: AffiliationFields,
): Promise<Affiliation> {
  assertPeriod(fields.start_date, fields.end_date);
  return inTransaction(db, async (trx) => {
    const current = await loadOwnAffiliation(trx, personId, affiliationId);
    if (current.organisation_id !== fields.organisation_id) await assertOrganisationOpen(trx, fields.organisation_id);
    return (await updateAudited(trx, actor, "affiliations", affiliationId, version, columns(fields))).after;
  });
}

/** Ends an ongoing job on `endDate` (its last day). The row stays, with its whole history. */
export async function endAffiliation(
  db: DB,
  actor: Actor,
  personId: number,
  affiliationId: number,
  version: number,
  endDate: IsoDate,
): Promise<Affiliation> {
  return inTransaction(db, async (trx) => {
    const current = await loadOwnAffiliation(trx, personId, affiliationId);
    if (current.end_date !== null && current.version === version)
      throw new RegisterError("people.errors.alreadyEnded", "end_date");
    assertPeriod(current.start_date, endDate);
    return (
      await updateAudited(trx, actor, "affiliations", affiliationId, version, { end_date: endDate }, { action: "end" })
    ).after;
  });
}

/**
 * Takes back an end: the job is ongoing again. `version` is the one the end produced, so an undo
 * after someone else changed the job is refused (StaleVersionError) rather than overwriting them.
 */
export async function undoAffiliationEnd(
  db: DB,
  actor: Actor,
  personId: number,
  affiliationId: number,
  version: number,
) {
  return inTransaction(db, async (trx) => {
    const current = await loadOwnAffiliation(trx, personId, affiliationId);
    if (current.end_date === null && current.version === version)
      throw new RegisterError("people.errors.nothingToUndo");
    return (
      await updateAudited(
        trx,
        actor,
        "affiliations",
        affiliationId,
        version,
        { end_date: null },
        { summary: END_UNDONE },
      )
    ).after;
  });
}

/** Organisations a job can be at: those not archived, by name, plus `keepIds` (the jobs' current ones) even if archived. */
export async function organisationChoices(db: DB, keepIds: readonly number[] = []) {
  return db
    .selectFrom("organisations")
    .select(["id", "name", "archived_at"])
    .where((eb) =>
      keepIds.length
        ? eb.or([eb("archived_at", "is", null), eb("id", "in", [...keepIds])])
        : eb("archived_at", "is", null),
    )
    .orderBy("name")
    .execute();
}
