import type { Selectable } from "kysely";
import type { DB } from "../../db/index";
import type { IsoDate, ThemeLeadsTable } from "../../db/schema";
import { todayInAmsterdam } from "../i18n/format";
import { messageKey } from "../services/form-data";
import { displayName } from "../services/names";
import { periodsOverlap } from "../services/seat-rules";
import { type Actor, recordAudit } from "./audit.server";
import {
  assertVersion,
  inTransaction,
  insertAudited,
  loadForUpdate,
  RegisterError,
  updateAudited,
} from "./editing.server";

/**
 * Programme leads (decision 039, 048): a person who leads a theme or programme for a period, as a
 * seat is a person in a body for a period. Ending keeps the row as history; removing is for an entry
 * made by mistake, and the audit log keeps what it was.
 */

export type ThemeLead = Selectable<ThemeLeadsTable>;

export interface NewThemeLead {
  person_id: number;
  start_date: IsoDate;
  end_date: IsoDate | null;
}

const isCurrent = (lead: { end_date: string | null }, today: string) =>
  lead.end_date === null || lead.end_date >= today;

/** The theme's leads with their names, current first (by start), then past (latest end first). */
export async function leadsOfTheme(db: DB, themeId: number, today: IsoDate = todayInAmsterdam()) {
  const rows = await db
    .selectFrom("theme_leads")
    .innerJoin("people", "people.id", "theme_leads.person_id")
    .select([
      "theme_leads.id",
      "theme_leads.version",
      "theme_leads.person_id",
      "theme_leads.start_date",
      "theme_leads.end_date",
      "people.first_name",
      "people.infix",
      "people.last_name",
      "people.initials",
      "people.title",
    ])
    .where("theme_leads.theme_id", "=", themeId)
    .orderBy("theme_leads.start_date")
    .orderBy("theme_leads.id")
    .execute();
  const leads = rows.map(({ first_name, infix, last_name, initials, title, ...lead }) => ({
    ...lead,
    name: displayName({ first_name, infix, last_name, initials, title }),
  }));
  return {
    current: leads.filter((lead) => isCurrent(lead, today)),
    past: leads.filter((lead) => !isCurrent(lead, today)).reverse(),
  };
}

/** The themes a person leads or led, latest start first, for their page. */
export async function leadsOfPerson(db: DB, personId: number) {
  return db
    .selectFrom("theme_leads")
    .innerJoin("themes", "themes.id", "theme_leads.theme_id")
    .select([
      "theme_leads.id",
      "theme_leads.theme_id",
      "themes.name as theme_name",
      "theme_leads.start_date",
      "theme_leads.end_date",
    ])
    .where("theme_leads.person_id", "=", personId)
    .orderBy("theme_leads.start_date", "desc")
    .orderBy("theme_leads.id", "desc")
    .execute();
}

/**
 * Adds a lead to a theme that is not archived: a person not archived or erased, a period whose end
 * is not before its start, not sharing a day with the same person's other lead of the theme.
 */
export async function addThemeLead(db: DB, actor: Actor, themeId: number, fields: NewThemeLead): Promise<ThemeLead> {
  if (fields.end_date !== null && fields.end_date < fields.start_date)
    throw new RegisterError("common.form.endBeforeStart", "end_date");
  return inTransaction(db, async (trx) => {
    const theme = await loadForUpdate(trx, "themes", themeId);
    if (theme.archived_at) throw new RegisterError("themes.leads.errors.themeArchived");
    const person = await trx
      .selectFrom("people")
      .select(["first_name", "infix", "last_name", "initials", "title", "archived_at"])
      .where("id", "=", fields.person_id)
      .executeTakeFirst();
    if (!person) throw new RegisterError("themes.leads.errors.choosePerson", "person_id");
    if (person.archived_at)
      throw new RegisterError(messageKey("bodies.errors.personArchived", { person: displayName(person) }), "person_id");
    const others = await trx
      .selectFrom("theme_leads")
      .select(["start_date", "end_date"])
      .where("theme_id", "=", themeId)
      .where("person_id", "=", fields.person_id)
      .execute();
    const clash = others.find((other) => periodsOverlap(other, fields));
    if (clash)
      throw new RegisterError(
        messageKey("themes.leads.errors.overlap", { person: displayName(person), start: clash.start_date }),
        "start_date",
      );
    return insertAudited(trx, actor, "theme_leads", { theme_id: themeId, ...fields });
  });
}

/** Ends a lead: `endDate` becomes its last day, not before it began and only earlier than an end it has. */
export async function endThemeLead(
  db: DB,
  actor: Actor,
  id: number,
  version: number,
  endDate: IsoDate,
): Promise<ThemeLead> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "theme_leads", id);
    if (current.version === version) {
      if (endDate < current.start_date)
        throw new RegisterError(
          messageKey("themes.leads.errors.endBeforeStart", { start: current.start_date }),
          "end_date",
        );
      if (current.end_date !== null && current.end_date <= endDate)
        throw new RegisterError(messageKey("themes.leads.errors.alreadyEnded", { end: current.end_date }), "end_date");
    }
    return (await updateAudited(trx, actor, "theme_leads", id, version, { end_date: endDate })).after;
  });
}

/** Removes a lead entered by mistake; the audit log keeps the row as it was. */
export async function removeThemeLead(db: DB, actor: Actor, id: number, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "theme_leads", id);
    await assertVersion(trx, "theme_leads", id, current.version, version);
    await trx.deleteFrom("theme_leads").where("id", "=", id).execute();
    await recordAudit(trx, actor, { action: "delete", entity: "theme_leads", entityId: id, before: current });
  });
}
