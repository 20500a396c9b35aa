import { sql } from "kysely";
import { joinedText } from "../../db/dialect";
import type { DB } from "../../db/index";
import type { IsoDate, IsoMoment } from "../../db/schema";
import { todayInAmsterdam } from "../i18n/format";
import type { ListScope } from "../services/region-choice";
import { personInRegion } from "./record-regions.server";
import { normalAddress } from "../services/bounce-addresses";
import { paging } from "../services/list-params";
import { displayName } from "../services/names";
import type { Actor, Trx } from "./audit.server";
import { inTransaction, loadForUpdate, RecordNotFoundError, RegisterError } from "./editing.server";
import { changeEmails, PERSON_AUDIT_SUMMARIES } from "./people.server";

/**
 * Bounces: an address mail did not reach is flagged in the register (bounced_at, bounce_reason),
 * never deleted. Its person's primary address flagged, the person is on the "to correct" list and
 * mailings hold them back, until an editor removes the address, adds a new primary one or says it
 * works after all. Flagging is a change of the person (the address is a child row), logged in the
 * person's history; the system's flags (after an SMTP refusal) carry no user and no version.
 */

/** An address of the register a bounce was about, with whose it is. */
export interface BouncedAddress {
  email: string;
  personId: number;
  name: string;
}

/** What a list of bounced addresses did. */
export interface BounceResult {
  /** flagged now */
  flagged: BouncedAddress[];
  /** flagged before: left as they were (the first bounce's moment and reason stay) */
  alreadyFlagged: BouncedAddress[];
  /** in no one's record: nothing done */
  unknown: string[];
}

/** How many addresses one statement looks up. */
const LOOKUP_BATCH = 500;

/** The register's rows of these addresses (already normalised), compared trimmed and in lower case. */
async function registerRows(trx: Trx, addresses: readonly string[]) {
  const rows = [];
  for (let i = 0; i < addresses.length; i += LOOKUP_BATCH) {
    rows.push(
      ...(await trx
        .selectFrom("person_emails")
        .innerJoin("people", "people.id", "person_emails.person_id")
        .select([
          "person_emails.id",
          "person_emails.email",
          "person_emails.bounced_at",
          "people.id as person_id",
          "people.first_name",
          "people.infix",
          "people.last_name",
        ])
        .where(sql<string>`lower(trim(${sql.ref("person_emails.email")}))`, "in", addresses.slice(i, i + LOOKUP_BATCH))
        .execute()),
    );
  }
  return rows;
}

/** Flags some of a person's addresses (those not flagged yet), as one change of the person. */
async function flagAddressesIn(
  trx: Trx,
  actor: Actor | null,
  personId: number,
  emailIds: readonly number[],
  reason: string | null,
  now: IsoMoment,
) {
  await changeEmails(trx, actor, personId, null, PERSON_AUDIT_SUMMARIES.emailBounced, async () => {
    await trx
      .updateTable("person_emails")
      .set({ bounced_at: now, bounce_reason: reason })
      .where("id", "in", [...emailIds])
      .where("bounced_at", "is", null)
      .execute();
  });
}

/**
 * Flags a list of bounced addresses (pasted or uploaded), in one transaction: which were flagged
 * now, which were already, and which are in no one's record. Each address counts once, compared
 * trimmed and in lower case; one entry in the history per person whatever the number of addresses.
 */
export async function markAddressesBounced(
  db: DB,
  actor: Actor | null,
  addresses: readonly string[],
  reason: string | null,
  now: IsoMoment = new Date().toISOString(),
): Promise<BounceResult> {
  const wanted = [...new Set(addresses.map(normalAddress).filter((address) => address !== ""))];
  return inTransaction(db, async (trx) => {
    const rows = await registerRows(trx, wanted);
    const byAddress = new Map(rows.map((row) => [normalAddress(row.email), row]));
    const result: BounceResult = { flagged: [], alreadyFlagged: [], unknown: [] };
    const toFlag = new Map<number, number[]>();
    for (const address of wanted) {
      const row = byAddress.get(address);
      if (!row) {
        result.unknown.push(address);
        continue;
      }
      const found = { email: row.email, personId: row.person_id, name: displayName(row) };
      if (row.bounced_at !== null) {
        result.alreadyFlagged.push(found);
        continue;
      }
      result.flagged.push(found);
      toFlag.set(row.person_id, [...(toFlag.get(row.person_id) ?? []), row.id]);
    }
    for (const [personId, emailIds] of toFlag) await flagAddressesIn(trx, actor, personId, emailIds, reason, now);
    return result;
  });
}

/** What marking one sent message bounced did to the register. */
export type MessageBounceOutcome = "flagged" | "alreadyFlagged" | "notInRegister";

/**
 * markMessageBounced inside the caller's transaction (the sender's record of a refusal): the
 * outbox row's `bounced_at`, and the address it was sent to flagged if it is still in the register.
 */
export async function markMessageBouncedIn(
  trx: Trx,
  actor: Actor | null,
  outboxId: number,
  reason: string | null,
  now: IsoMoment,
): Promise<{ email: string; outcome: MessageBounceOutcome }> {
  const row = await trx
    .selectFrom("mail_outbox")
    .select(["id", "email", "status", "bounced_at"])
    .where("id", "=", outboxId)
    .executeTakeFirst();
  if (!row) throw new RecordNotFoundError("mail_outbox", outboxId);
  // a message that never left cannot have bounced
  if (row.status !== "sent" && row.status !== "failed" && row.status !== "unknown")
    throw new RegisterError("mailings.errors.bounceNotSent");
  if (row.bounced_at === null)
    await trx.updateTable("mail_outbox").set({ bounced_at: now }).where("id", "=", outboxId).execute();
  const [address] = await registerRows(trx, [normalAddress(row.email)]);
  if (!address) return { email: row.email, outcome: "notInRegister" };
  if (address.bounced_at !== null) return { email: row.email, outcome: "alreadyFlagged" };
  await flagAddressesIn(trx, actor, address.person_id, [address.id], reason, now);
  return { email: row.email, outcome: "flagged" };
}

/**
 * A recipient's message came back: the outbox row is marked bounced, and the address it went to
 * is flagged in the register (whoever's it is now), unless it is no longer there.
 */
export async function markMessageBounced(
  db: DB,
  actor: Actor | null,
  outboxId: number,
  reason: string | null,
  now: IsoMoment = new Date().toISOString(),
) {
  return inTransaction(db, (trx) => markMessageBouncedIn(trx, actor, outboxId, reason, now));
}

/**
 * An address flagged as bounced works after all: an editor's decision, on the person's version as
 * they saw it (else StaleVersionError with what changed). Clearing an address that is not flagged
 * (any more) on the current version changes nothing.
 */
export async function clearBounce(db: DB, actor: Actor, personId: number, version: number, emailId: number) {
  return inTransaction(db, async (trx) => {
    const current = await loadForUpdate(trx, "people", personId);
    const address = await trx
      .selectFrom("person_emails")
      .select(["id", "bounced_at"])
      .where("id", "=", emailId)
      .where("person_id", "=", personId)
      .executeTakeFirst();
    if (!address) throw new RegisterError("people.errors.emailGone");
    if (address.bounced_at === null && current.version === version) return current;
    return (
      await changeEmails(trx, actor, personId, version, PERSON_AUDIT_SUMMARIES.emailBounceCleared, async () => {
        await trx
          .updateTable("person_emails")
          .set({ bounced_at: null, bounce_reason: null })
          .where("id", "=", emailId)
          .execute();
      })
    ).after;
  });
}

/**
 * Who is on the "to correct" list: people in the lists (not archived) whose primary address, the one
 * mailings use, bounced. A new primary address or the bounced one removed takes them off.
 */
function toCorrectQuery(db: DB, scope: ListScope, onDay: IsoDate) {
  const query = db
    .selectFrom("person_emails")
    .innerJoin("people", "people.id", "person_emails.person_id")
    .where("person_emails.is_primary", "=", 1)
    .where("person_emails.bounced_at", "is not", null)
    .where("people.archived_at", "is", null);
  return scope === "all" ? query : query.where((eb) => personInRegion(eb.ref("people.id"), scope.regionId, onDay));
}

/** How many people of the scope (decision 047) are on the "to correct" list. */
export async function countAddressesToCorrect(
  db: DB,
  scope: ListScope = "all",
  onDay: IsoDate = todayInAmsterdam(),
): Promise<number> {
  const { n } = await toCorrectQuery(db, scope, onDay)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * The "to correct" list, one page, the newest bounce first: each person with the bounced address,
 * when and why, and where they work on `onDay`.
 */
export async function addressesToCorrect(db: DB, page: number, onDay: IsoDate, scope: ListScope = "all") {
  const total = await countAddressesToCorrect(db, scope, onDay);
  const pages = paging(total, page);
  if (total === 0) return { rows: [], page: pages };
  const rows = await toCorrectQuery(db, scope, onDay)
    .select([
      "people.id",
      "people.first_name",
      "people.infix",
      "people.last_name",
      "people.initials",
      "people.title",
      "person_emails.id as email_id",
      "person_emails.email",
      "person_emails.bounced_at",
      "person_emails.bounce_reason",
    ])
    .select((eb) =>
      eb
        .selectFrom("affiliations")
        .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
        .whereRef("affiliations.person_id", "=", "people.id")
        .where((w) => w.or([w("affiliations.start_date", "is", null), w("affiliations.start_date", "<=", onDay)]))
        .where((w) => w.or([w("affiliations.end_date", "is", null), w("affiliations.end_date", ">=", onDay)]))
        .select((s) => joinedText(s.ref("organisations.name"), ", ").as("names"))
        .as("organisations"),
    )
    .orderBy("person_emails.bounced_at", "desc")
    .orderBy("people.id", "desc")
    .limit(pages.limit)
    .offset(pages.offset)
    .execute();
  return {
    rows: rows.map((row) => ({ ...row, bounced_at: row.bounced_at ?? "" })),
    page: pages,
  };
}
