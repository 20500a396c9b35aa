import { type ExpressionBuilder, type Selectable, sql } from "kysely";
import { containsText, idList, joinedText } from "../../db/dialect";
import type { DB } from "../../db/index";
import type { ConsentPurpose, ConsentStatus, Database, IsoDate, Language, PeopleTable } from "../../db/schema";
import { todayInAmsterdam } from "../i18n/format";
import { auditDiff, type FieldChange, parseSnapshot } from "../services/audit-diff";
import { messageKey } from "../services/form-data";
import { paging } from "../services/list-params";
import type { PeopleSort } from "../services/people-list";
import { displayName } from "../services/names";
import { suppressedAmong } from "./address-suppression.server";
import type { ListScope } from "../services/region-choice";
import { personInRegion } from "./record-regions.server";
import { type Actor, type Trx } from "./audit.server";
import {
  type ChildRows,
  inTransaction,
  insertAudited,
  loadForUpdate,
  RegisterError,
  updateAudited,
} from "./editing.server";

/**
 * People: their names, e-mail addresses and consents. A person's row is versioned and edited
 * through updateAudited; e-mail addresses and consents have no version of their own, so they are
 * changed inside a transaction on the person and logged under the person (entity "people", with a
 * summary saying what happened), which puts them in the person's history.
 */

export type Person = Selectable<PeopleTable>;

/** What the person forms edit (everything but the e-mail addresses and consents). */
export interface PersonFields {
  first_name: string | null;
  infix: string | null;
  last_name: string;
  initials: string | null;
  salutation: string | null;
  title: string | null;
  phone: string | null;
  preferred_language: Language;
  notes: string | null;
}

const PERSON_FIELDS = [
  "first_name",
  "infix",
  "last_name",
  "initials",
  "salutation",
  "title",
  "phone",
  "preferred_language",
  "notes",
] as const satisfies readonly (keyof PersonFields)[];

/** What the audit entries of e-mail and consent changes say, also the keys the history page translates. */
export const PERSON_AUDIT_SUMMARIES = {
  emailAdded: "email_added",
  emailRemoved: "email_removed",
  emailPrimary: "email_primary",
  consentRecorded: "consent_recorded",
  /** mail to an address bounced: flagged, not deleted (app/models/bounces.server.ts) */
  emailBounced: "email_bounced",
  /** a flagged address works after all */
  emailBounceCleared: "email_bounce_cleared",
} as const;

/** Only the person's own columns, whatever else the caller's object carries (a form's intent, say). */
function personColumns(input: PersonFields): PersonFields {
  return {
    first_name: input.first_name,
    infix: input.infix,
    last_name: input.last_name,
    initials: input.initials,
    salutation: input.salutation,
    title: input.title,
    phone: input.phone,
    preferred_language: input.preferred_language,
    notes: input.notes,
  };
}

const nowIso = () => new Date().toISOString();

/* ---------- e-mail addresses and consents: child rows of the person ---------- */

/**
 * Refuses an address that is already in the register. On another person the message names them
 * and links to them (the user may have found a duplicate person rather than a typo).
 */
async function assertEmailFree(trx: Trx, email: string, personId: number | null, field: string) {
  const owner = await trx
    .selectFrom("person_emails")
    .innerJoin("people", "people.id", "person_emails.person_id")
    .select(["people.id", "people.first_name", "people.infix", "people.last_name", "people.initials", "people.title"])
    .where("person_emails.email", "=", email)
    .executeTakeFirst();
  if (!owner) {
    // an erased person's address: they asked to be forgotten, so nobody may put it back
    if ((await suppressedAmong(trx, [email])).size > 0) throw new RegisterError("people.errors.emailErased", field);
    return;
  }
  if (owner.id === personId) throw new RegisterError("people.errors.emailAlreadyHere", field);
  const name = displayName(owner);
  throw new RegisterError(messageKey("people.errors.emailTaken", { name }), field, {
    href: `/personen/${owner.id}`,
    name,
  });
}

/** The person's addresses, primary first, then in the order they were added. */
async function emailsOf(trx: Trx, personId: number) {
  return trx
    .selectFrom("person_emails")
    .select(["id", "email", "is_primary", "bounced_at", "bounce_reason"])
    .where("person_id", "=", personId)
    .orderBy("is_primary", "desc")
    .orderBy("id")
    .execute();
}

/**
 * The addresses as the person's audit entry shows them. The bounced ones (with the server's reason)
 * only when there are any, so that entries of people whose mail arrives do not list an empty field.
 */
const emailRows = (write: ChildRows<"people">["write"]): ChildRows<"people"> => ({
  read: async (trx, personId) => {
    const emails = await emailsOf(trx, personId);
    const bounced = emails
      .filter((e) => e.bounced_at !== null)
      .map((e) => (e.bounce_reason ? `${e.email} (${e.bounce_reason})` : e.email));
    return {
      emails: emails.map((e) => e.email),
      primary_email: emails.find((e) => e.is_primary)?.email ?? null,
      ...(bounced.length > 0 ? { bounced_emails: bounced } : {}),
    };
  },
  write,
});

/**
 * Changes the person's addresses under the person's version, logged as one change of the person.
 * `version` null and `actor` null: the system records what it learnt (a bounce), no editor saw a version.
 */
export function changeEmails(
  trx: Trx,
  actor: Actor | null,
  personId: number,
  version: number | null,
  summary: (typeof PERSON_AUDIT_SUMMARIES)[keyof typeof PERSON_AUDIT_SUMMARIES],
  write: () => Promise<void>,
) {
  return updateAudited(trx, actor, "people", personId, version, {}, { summary, children: emailRows(write) });
}

/** Adds an address; the first one, or one asked to be, becomes the primary one (one per person). */
async function insertEmail(trx: Trx, personId: number, email: string, primary: boolean) {
  const makePrimary = primary || (await emailsOf(trx, personId)).length === 0;
  // the partial unique index allows one primary per person: clear the old one first
  if (makePrimary)
    await trx.updateTable("person_emails").set({ is_primary: 0 }).where("person_id", "=", personId).execute();
  await trx
    .insertInto("person_emails")
    .values({ person_id: personId, email, is_primary: makePrimary ? 1 : 0 })
    .execute();
}

/**
 * Adds an address to a person, if the person is still at `version`. The first address becomes the
 * primary one; a later one only when asked. `email` is expected in lower case (the form schema does that).
 */
export async function addPersonEmail(
  db: DB,
  actor: Actor,
  personId: number,
  version: number,
  email: string,
  makePrimary = false,
) {
  return inTransaction(db, async (trx) => {
    await assertEmailFree(trx, email, personId, "email");
    const write = () => insertEmail(trx, personId, email, makePrimary);
    return (await changeEmails(trx, actor, personId, version, PERSON_AUDIT_SUMMARIES.emailAdded, write)).after;
  });
}

/**
 * Removes an address. When it was the primary one, the oldest remaining address takes over, so a
 * person with addresses always has exactly one primary. Returns the id of the audit entry, which
 * is what undoEmailRemoval needs (the address itself stays out of URLs).
 */
export async function removePersonEmail(
  db: DB,
  actor: Actor,
  personId: number,
  version: number,
  emailId: number,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const { auditId } = await changeEmails(
      trx,
      actor,
      personId,
      version,
      PERSON_AUDIT_SUMMARIES.emailRemoved,
      async () => {
        const emails = await emailsOf(trx, personId);
        const removed = emails.find((e) => e.id === emailId);
        if (!removed) throw new RegisterError("people.errors.emailGone");
        await trx.deleteFrom("person_emails").where("id", "=", emailId).execute();
        const successor = emails.filter((e) => e.id !== emailId).sort((a, b) => a.id - b.id)[0];
        if (removed.is_primary && successor) {
          await trx.updateTable("person_emails").set({ is_primary: 1 }).where("id", "=", successor.id).execute();
        }
      },
    );
    return auditId;
  });
}

/** The address a removal (by its audit entry) took away from the person, or null if it is not such an entry. */
export async function removedEmail(db: DB | Trx, personId: number, auditId: number) {
  const entry = await db
    .selectFrom("audit_log")
    .select(["before", "after"])
    .where("id", "=", auditId)
    .where("entity", "=", "people")
    .where("entity_id", "=", String(personId))
    .where("summary", "=", PERSON_AUDIT_SUMMARIES.emailRemoved)
    .executeTakeFirst();
  const addresses = (snapshot: string | null | undefined) => {
    const emails = parseSnapshot(snapshot)?.emails;
    return Array.isArray(emails) ? emails.filter((e): e is string => typeof e === "string") : [];
  };
  const after = new Set(addresses(entry?.after));
  const email = addresses(entry?.before).find((address) => !after.has(address));
  if (!email) return null;
  return { email, wasPrimary: parseSnapshot(entry?.before)?.primary_email === email };
}

/**
 * Puts a removed address back (as primary if it was), unless it is back already or taken meanwhile.
 * `version` null (the undo offered right after the removal) skips the version check: putting back
 * what the user just took away changes nothing anyone else typed.
 */
export async function undoEmailRemoval(
  db: DB,
  actor: Actor,
  personId: number,
  version: number | null,
  auditId: number,
) {
  return inTransaction(db, async (trx) => {
    const removed = await removedEmail(trx, personId, auditId);
    if (!removed) throw new RegisterError("people.errors.nothingToUndo");
    await assertEmailFree(trx, removed.email, personId, "email");
    const write = () => insertEmail(trx, personId, removed.email, removed.wasPrimary);
    return (await changeEmails(trx, actor, personId, version, PERSON_AUDIT_SUMMARIES.emailAdded, write)).after;
  });
}

/** Makes one of the person's addresses the primary one (the one mailings use). */
export async function makePrimaryEmail(db: DB, actor: Actor, personId: number, version: number, emailId: number) {
  await inTransaction(db, async (trx) => {
    const emails = await emailsOf(trx, personId);
    const target = emails.find((e) => e.id === emailId);
    if (!target) throw new RegisterError("people.errors.emailGone");
    const current = await loadForUpdate(trx, "people", personId);
    if (target.is_primary && current.version === version) return;
    await changeEmails(trx, actor, personId, version, PERSON_AUDIT_SUMMARIES.emailPrimary, async () => {
      await trx.updateTable("person_emails").set({ is_primary: 0 }).where("person_id", "=", personId).execute();
      await trx.updateTable("person_emails").set({ is_primary: 1 }).where("id", "=", emailId).execute();
    });
  });
}

/* ---------- the person ---------- */

export interface NewPerson extends PersonFields {
  /** the primary e-mail address, lower case; null when the person has none (yet) */
  email: string | null;
}

export async function createPerson(db: DB, actor: Actor, input: NewPerson): Promise<Person> {
  return inTransaction(db, (trx) => createPersonIn(trx, actor, input));
}

/**
 * createPerson inside the caller's transaction (an import creates many); `summary` says why.
 * `emailChecked`: the caller has itself found the address free and not suppressed, in the same
 * transaction (an import asks for all its addresses in one statement instead of four per person).
 */
export async function createPersonIn(
  trx: Trx,
  actor: Actor,
  input: NewPerson,
  options: { summary?: string; emailChecked?: boolean } = {},
): Promise<Person> {
  const email = input.email;
  if (email && !options.emailChecked) await assertEmailFree(trx, email, null, "email");
  return insertAudited(
    trx,
    actor,
    "people",
    { ...personColumns(input), archived_at: null },
    {
      summary: options.summary,
      children: emailRows(async (_trx, person) => {
        if (email) await insertEmail(trx, person.id, email, true);
      }),
    },
  );
}

/**
 * Saves the edit form, if the person is still at `version` (else StaleVersionError with what
 * others changed). Saving without any change writes nothing.
 */
export async function updatePerson(
  db: DB,
  actor: Actor,
  personId: number,
  version: number,
  input: PersonFields,
): Promise<Person> {
  const fields = personColumns(input);
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "people", personId);
    if (current.erased_at) throw new RegisterError("rights.errors.erased");
    const unchanged = PERSON_FIELDS.every((field) => (current[field] ?? null) === (fields[field] ?? null));
    if (unchanged && current.version === version) return current;
    return (await updateAudited(trx, actor, "people", personId, version, fields)).after;
  });
}

/** Hides the person from lists and pickers; nothing is deleted, restorePerson brings them back. */
export async function archivePerson(db: DB, actor: Actor, personId: number, version: number): Promise<Person> {
  return inTransaction(db, (trx) => archivePersonIn(trx, actor, personId, version));
}

/** archivePerson inside a transaction of the caller's, for archiving many people in one (the retention page). */
export async function archivePersonIn(trx: Trx, actor: Actor, personId: number, version: number): Promise<Person> {
  const current = await loadForUpdate(trx, "people", personId);
  if (current.archived_at && current.version === version) return current;
  return (
    await updateAudited(trx, actor, "people", personId, version, { archived_at: nowIso() }, { action: "archive" })
  ).after;
}

export async function restorePerson(db: DB, actor: Actor, personId: number, version: number): Promise<Person> {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "people", personId);
    if (current.erased_at) throw new RegisterError("rights.errors.erased");
    // a merged duplicate stays archived: back in the lists it would be the same person twice
    if (current.merged_into_id !== null)
      throw new RegisterError(messageKey("merge.errors.alreadyMerged", { name: displayName(current) }));
    if (!current.archived_at && current.version === version) return current;
    return (await updateAudited(trx, actor, "people", personId, version, { archived_at: null }, { action: "restore" }))
      .after;
  });
}

/* ---------- consent ---------- */

export interface ConsentState {
  status: ConsentStatus;
  recorded_on: IsoDate;
  source: string | null;
}

/**
 * The person's consent for a purpose as it stands: the newest recorded row (latest `recorded_on`,
 * then the latest entry on that day), or null when nothing was ever recorded.
 *
 * Every mailing and panel asks this (or uses currentConsentStatus in its query) before including
 * someone. Null is "not asked": the design excludes those who opted out ("withdrawn"); whether a
 * purpose also needs an explicit "given" is the caller's rule, not this function's.
 */
export async function currentConsent(
  db: DB | Trx,
  personId: number,
  purpose: ConsentPurpose,
): Promise<ConsentState | null> {
  const row = await db
    .selectFrom("consents")
    .select(["status", "recorded_on", "source"])
    .where("person_id", "=", personId)
    .where("purpose", "=", purpose)
    .orderBy("recorded_on", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Whose addresses and consents a `people` row has: its own, or for a merged duplicate (still named by
 * a frozen panel) the survivor's, which hold them since the merge (decision 032).
 */
function ownerOf(eb: ExpressionBuilder<Database, "people">) {
  return eb.fn.coalesce("people.merged_into_id", "people.id");
}

/**
 * currentConsent as a subquery on `people`, for queries over many people at once (lists, panel
 * rules, mailings): `.where((eb) => eb(currentConsentStatus(eb, "research"), "=", "given"))`.
 * It yields null for a person without any record for the purpose.
 */
export function currentConsentStatus(eb: ExpressionBuilder<Database, "people">, purpose: ConsentPurpose) {
  return eb
    .selectFrom("consents")
    .select("consents.status")
    .where("consents.person_id", "=", ownerOf(eb))
    .where("consents.purpose", "=", purpose)
    .orderBy("consents.recorded_on", "desc")
    .orderBy("consents.id", "desc")
    .limit(1);
}

/**
 * A column of the person's primary address (the one lists show and mailings use) as a subquery on
 * `people`: `primaryEmailOf(eb).as("email")`, or `primaryEmailOf(eb, "bounced_at")`.
 */
export function primaryEmailOf(eb: ExpressionBuilder<Database, "people">, column: "email" | "bounced_at" = "email") {
  return eb
    .selectFrom("person_emails")
    .select(`person_emails.${column}`)
    .where("person_emails.person_id", "=", ownerOf(eb))
    .where("person_emails.is_primary", "=", 1);
}

export interface ConsentInput extends ConsentState {
  purpose: ConsentPurpose;
}

/**
 * Records a consent given or withdrawn. Rows are never changed: each record is a line of history,
 * and the newest is the current state. A day in the future is refused (consent is recorded after
 * the fact); an earlier day than the current record's goes into the history without changing the
 * current state.
 */
export async function recordConsent(db: DB, actor: Actor, personId: number, version: number, input: ConsentInput) {
  return inTransaction(db, (trx) => recordConsentIn(trx, actor, personId, version, input));
}

/**
 * recordConsent inside the caller's transaction, for a change of which the consent is one part (an
 * opt-out also withdraws the waiting mail); a null actor is the system acting on the person's request.
 */
export async function recordConsentIn(
  trx: Trx,
  actor: Actor | null,
  personId: number,
  version: number,
  input: ConsentInput,
) {
  if (input.recorded_on > todayInAmsterdam()) throw new RegisterError("people.errors.consentInFuture", "recorded_on");
  const key = `consent_${input.purpose}`;
  // the purpose's current consent as the person's entry shows it (a record dated earlier goes into
  // the history below it and changes none of these)
  const read = async () => {
    const current = await currentConsent(trx, personId, input.purpose);
    return {
      [key]: current?.status ?? null,
      recorded_on: current?.recorded_on ?? null,
      source: current?.source ?? null,
    };
  };
  const write = async () => {
    await trx
      .insertInto("consents")
      .values({
        person_id: personId,
        purpose: input.purpose,
        status: input.status,
        recorded_on: input.recorded_on,
        source: input.source,
      })
      .execute();
  };
  await updateAudited(
    trx,
    actor,
    "people",
    personId,
    version,
    {},
    {
      summary: PERSON_AUDIT_SUMMARIES.consentRecorded,
      children: { read, write },
    },
  );
}

/* ---------- reading ---------- */

export interface PeopleListFilter {
  q?: string;
  /** works at this organisation on the list's day */
  organisationId?: number;
  /** the current research consent is "given" */
  researchConsent?: boolean;
  includeArchived?: boolean;
  /** the people of this region on the list's day (decision 047); left out: everyone */
  scope?: ListScope;
  sort?: PeopleSort;
  page: number;
}

/**
 * Everyone the people list's filter selects (all pages, unsorted), as a query to select from: the
 * list pages through it, and saved searches count and invite with it (several in one statement).
 */
export function peopleMatchingQuery(db: DB, filter: Omit<PeopleListFilter, "sort" | "page">, onDay: string) {
  // a merged duplicate is listed as the person it went into, never on its own (decision 032)
  let query = db.selectFrom("people").where("people.merged_into_id", "is", null);
  if (!filter.includeArchived) query = query.where("people.archived_at", "is", null);
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) =>
      eb.or([
        containsText(eb.ref("people.last_name"), text),
        containsText(eb.ref("people.first_name"), text),
        containsText(eb.fn("concat_ws", [eb.val(" "), "people.first_name", "people.infix", "people.last_name"]), text),
        eb.exists(
          eb
            .selectFrom("person_emails")
            .select("person_emails.id")
            .whereRef("person_emails.person_id", "=", "people.id")
            .where((w) => containsText(w.ref("person_emails.email"), text)),
        ),
      ]),
    );
  }
  if (filter.organisationId) {
    const organisationId = filter.organisationId;
    // "in" rather than a correlated "exists": the organisation's staff is read once, whatever the
    // number of people the list walks through in name order.
    query = query.where("people.id", "in", (eb) =>
      eb
        .selectFrom("affiliations")
        .select("affiliations.person_id")
        .where("affiliations.organisation_id", "=", organisationId)
        .where((w) => w.or([w("affiliations.start_date", "is", null), w("affiliations.start_date", "<=", onDay)]))
        .where((w) => w.or([w("affiliations.end_date", "is", null), w("affiliations.end_date", ">=", onDay)])),
    );
  }
  if (filter.researchConsent) query = query.where((eb) => eb(currentConsentStatus(eb, "research"), "=", "given"));
  const { scope } = filter;
  if (scope && scope !== "all") query = query.where((eb) => personInRegion(eb.ref("people.id"), scope.regionId, onDay));
  return query;
}

/** Everyone the people list's filter selects (all pages, unsorted). */
export async function peopleMatching(db: DB, filter: Omit<PeopleListFilter, "sort" | "page">, onDay: string) {
  return peopleMatchingQuery(db, filter, onDay)
    .select([
      "people.id",
      "people.first_name",
      "people.infix",
      "people.last_name",
      "people.initials",
      "people.updated_at",
    ])
    .execute();
}

/**
 * People matching the filter, one page, in Dutch list order: on the achternaam without its
 * tussenvoegsel (so "van den Berg" files under B) and without accents ("Özdemir" under O), through
 * the stored key `sort_name` (see dutchSortKey), so the database pages and nobody sorts everyone.
 */
export async function listPeople(db: DB, filter: PeopleListFilter, onDay: string) {
  const matching = peopleMatchingQuery(db, filter, onDay);
  const { total } = await matching.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const page = paging(total, filter.page);
  if (total === 0) return { rows: [], page };

  const sort = filter.sort ?? "naam";
  const ordered =
    sort === "gewijzigd"
      ? matching.orderBy("people.updated_at", "desc").orderBy("people.id", "desc")
      : matching
          .orderBy("people.sort_name", sort === "naam" ? "asc" : "desc")
          .orderBy("people.id", sort === "naam" ? "asc" : "desc");
  const rows = await ordered
    .select([
      "people.id",
      "people.first_name",
      "people.infix",
      "people.last_name",
      "people.initials",
      "people.title",
      "people.archived_at",
    ])
    .select((eb) => [
      primaryEmailOf(eb).as("email"),
      eb
        .selectFrom("affiliations")
        .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
        .whereRef("affiliations.person_id", "=", "people.id")
        .where((w) => w.or([w("affiliations.start_date", "is", null), w("affiliations.start_date", "<=", onDay)]))
        .where((w) => w.or([w("affiliations.end_date", "is", null), w("affiliations.end_date", ">=", onDay)]))
        .select((s) => joinedText(s.ref("organisations.name"), ", ").as("names"))
        .as("organisations"),
    ])
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, page };
}

export async function getPerson(db: DB, id: number) {
  const person = await db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst();
  if (!person) return null;
  const [emails, consents, affiliations, seats] = await Promise.all([
    db
      .selectFrom("person_emails")
      .select(["id", "email", "is_primary", "bounced_at", "bounce_reason"])
      .where("person_id", "=", id)
      .orderBy("is_primary", "desc")
      .orderBy("email")
      .execute(),
    db
      .selectFrom("consents")
      .select(["id", "purpose", "status", "recorded_on", "source", "created_at"])
      .where("person_id", "=", id)
      .orderBy("recorded_on", "desc")
      .orderBy("id", "desc")
      .execute(),
    db
      .selectFrom("affiliations")
      .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
      .select([
        "affiliations.id",
        "affiliations.version",
        "affiliations.function_title",
        "affiliations.start_date",
        "affiliations.end_date",
        "organisations.id as organisation_id",
        "organisations.name as organisation_name",
        "organisations.archived_at as organisation_archived_at",
      ])
      .where("affiliations.person_id", "=", id)
      .orderBy("affiliations.start_date", "desc")
      .orderBy("affiliations.id", "desc")
      .execute(),
    db
      .selectFrom("seats")
      .innerJoin("bodies", "bodies.id", "seats.body_id")
      .leftJoin("organisations", "organisations.id", "seats.organisation_id")
      .leftJoin("sectors", "sectors.id", "seats.constituency_sector_id")
      .leftJoin("subregions", "subregions.id", "seats.constituency_subregion_id")
      .select([
        "seats.id",
        "seats.role",
        "seats.start_date",
        "seats.end_date",
        "bodies.id as body_id",
        "bodies.name as body_name",
        "organisations.id as organisation_id",
        "organisations.name as organisation_name",
        "sectors.name_nl as constituency_sector_nl",
        "sectors.name_en as constituency_sector_en",
        "subregions.name as constituency_subregion_name",
      ])
      .where("seats.person_id", "=", id)
      .orderBy("seats.start_date", "desc")
      .execute(),
  ]);
  return { person, emails, consents, affiliations, seats };
}

export interface PersonHistoryEntry {
  id: number;
  at: string;
  user_name: string | null;
  action: string;
  entity: string;
  summary: string | null;
  /** for a job: the organisation's name */
  subject: string | null;
  changes: FieldChange[];
}

/**
 * The audit entries of a person, newest first: the person's own changes, their e-mail addresses
 * and consents (logged under the person) and their jobs. A job's organisation is shown by name.
 */
export async function personHistory(db: DB, personId: number, limit = 100): Promise<PersonHistoryEntry[]> {
  const entries = await db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.user_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.entity",
      "audit_log.summary",
      "audit_log.before",
      "audit_log.after",
      "users.name as user_name",
    ])
    // Two lookups of the (entity, entity_id) index, united: with one `or` over both, PostgreSQL
    // walked the whole log backwards by id looking for them (150 ms at the national scale).
    .where("audit_log.id", "in", (eb) =>
      eb
        .selectFrom("audit_log as own")
        .select("own.id")
        .where("own.entity", "=", "people")
        .where("own.entity_id", "=", String(personId))
        .unionAll(
          eb
            .selectFrom("audit_log as job")
            .select("job.id")
            .where("job.entity", "=", "affiliations")
            // jobs are never deleted, so the person's jobs name every job entry that concerns them
            .where("job.entity_id", "in", (sub) =>
              sub
                .selectFrom("affiliations")
                .select(sql<string>`cast(affiliations.id as text)`.as("id"))
                .where("affiliations.person_id", "=", personId),
            ),
        ),
    )
    .orderBy("audit_log.id", "desc")
    .limit(limit)
    .execute();

  // each snapshot read once: the diff, the job's organisation and the names all need it
  const parsed = entries.map(({ before, after, ...entry }) => ({
    entry,
    before: parseSnapshot(before),
    after: parseSnapshot(after),
  }));
  const organisationIds = new Set<number>();
  for (const { entry, before, after } of parsed) {
    if (entry.entity !== "affiliations") continue;
    for (const snapshot of [before, after]) {
      if (typeof snapshot?.organisation_id === "number") organisationIds.add(snapshot.organisation_id);
    }
  }
  const organisations = organisationIds.size
    ? await db
        .selectFrom("organisations")
        .select(["id", "name"])
        .where("id", "in", idList(db, [...organisationIds]))
        .execute()
    : [];
  const organisationName = new Map(organisations.map((o) => [o.id, o.name]));

  const organisationOf = (value: unknown) =>
    typeof value === "number" ? (organisationName.get(value) ?? String(value)) : null;
  return parsed.map(({ entry, before, after }) => {
    const changes = auditDiff(before, after);
    if (entry.entity !== "affiliations") return { ...entry, subject: null, changes };
    // which job it was matters even when its organisation did not change
    const job = after ?? before;
    return {
      ...entry,
      subject: organisationOf(job?.organisation_id),
      changes: changes
        .filter((change) => change.field !== "person_id")
        .map((change) =>
          change.field === "organisation_id"
            ? { field: "organisation", before: organisationOf(change.before), after: organisationOf(change.after) }
            : change,
        ),
    };
  });
}
