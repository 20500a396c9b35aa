import type { SelectQueryBuilder } from "kysely";
import type { DB } from "../../db/index";
import { inTransaction } from "../../db/transaction";
import type { Database, DuplicateDismissalsTable, IsoDate } from "../../db/schema";
import { todayInAmsterdam } from "../i18n/format";
import type { ListScope } from "../services/region-choice";
import { organisationInRegion, personInRegion } from "./record-regions.server";
import {
  DUPLICATE_PAGE_SIZE,
  LIKELY_DUPLICATE,
  type Match,
  matchPreparedOrganisations,
  matchPreparedPeople,
  type OrganisationForMatching,
  type OrganisationMatchReason,
  type PersonForMatching,
  type PersonMatchReason,
  type PreparedOrganisation,
  type PreparedPerson,
  phoneKey,
  prepareOrganisation,
  preparePerson,
  surnameKey,
} from "../services/duplicate-matching";
import { listName } from "../services/names";
import { type Actor, recordAudit, type Trx } from "./audit.server";
import { RecordNotFoundError } from "./editing.server";

/**
 * Likely duplicates: of one person or organisation being created, of many rows being imported, and
 * across the whole register for the pairs page. Candidates come from the stored keys (people's
 * surname_key and phone_key, e-mail addresses; migration 0015) through indexes, never from a scan of
 * everyone; app/services/duplicate-matching.ts scores them. Pairs the office marked "not the same"
 * are left out everywhere.
 */

export type DuplicateKind = DuplicateDismissalsTable["kind"];

export interface LikelyDuplicate<R extends string> extends Match<R> {
  id: number;
  name: string;
}
export type PersonDuplicate = LikelyDuplicate<PersonMatchReason>;
export type OrganisationDuplicate = LikelyDuplicate<OrganisationMatchReason>;

export interface DuplicatePair<R extends string> extends Match<R> {
  /** the one kept by default when merging: the older record, the lower id */
  survivor: { id: number; name: string };
  other: { id: number; name: string };
}

/** Values bound per IN list: far below SQLite's limit, and a plan PostgreSQL still makes quickly. */
const CHUNK = 500;
const chunks = <T>(values: readonly T[]) =>
  Array.from({ length: Math.ceil(values.length / CHUNK) }, (_, i) => values.slice(i * CHUNK, (i + 1) * CHUNK));

/** The people duplicates are looked for among: not archived, not erased, not merged into another. */
function livePeople<O>(query: SelectQueryBuilder<Database, "people", O>) {
  return query
    .where("people.archived_at", "is", null)
    .where("people.erased_at", "is", null)
    .where("people.merged_into_id", "is", null);
}

const PERSON_COLUMNS = ["people.id", "first_name", "infix", "last_name", "initials", "phone"] as const;

interface StoredPerson {
  id: number;
  first_name: string | null;
  infix: string | null;
  last_name: string;
  initials: string | null;
  phone: string | null;
}

const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

async function dismissedPairs(db: DB, kind: DuplicateKind): Promise<Set<string>> {
  const rows = await db
    .selectFrom("duplicate_dismissals")
    .select(["first_id", "second_id"])
    .where("kind", "=", kind)
    .execute();
  return new Set(rows.map((row) => pairKey(row.first_id, row.second_id)));
}

/** Each person's e-mail addresses and the organisations they work at now, for the people named. */
async function personDetails(db: DB, ids: readonly number[]) {
  const emails = new Map<number, string[]>();
  const organisations = new Map<number, number[]>();
  const add = <T>(map: Map<number, T[]>, id: number, value: T) => map.set(id, [...(map.get(id) ?? []), value]);
  for (const part of chunks(ids)) {
    const [emailRows, jobRows] = await Promise.all([
      db.selectFrom("person_emails").select(["person_id", "email"]).where("person_id", "in", part).execute(),
      db
        .selectFrom("affiliations")
        .select(["person_id", "organisation_id"])
        .where("person_id", "in", part)
        .where("end_date", "is", null)
        .execute(),
    ]);
    for (const row of emailRows) add(emails, row.person_id, row.email);
    for (const row of jobRows) add(organisations, row.person_id, row.organisation_id);
  }
  return { emails, organisations };
}

/** The keys a candidate is looked up by: its achternaam, its voornaam (for swapped names), its phone. */
function lookupKeys(candidate: PersonForMatching) {
  return {
    surnames: [surnameKey(candidate.last_name), surnameKey(candidate.first_name)].filter(Boolean),
    phone: phoneKey(candidate.phone),
    emails: (candidate.emails ?? []).map((email) => email.trim().toLowerCase()).filter(Boolean),
  };
}

/**
 * The likely duplicates of each candidate (a person about to be created, an imported row), best
 * first, in the candidates' order. One query per 500 keys, however many candidates.
 */
export async function likelyDuplicatesOfPeople(
  db: DB,
  candidates: readonly (PersonForMatching & { excludeId?: number })[],
): Promise<PersonDuplicate[][]> {
  const keys = candidates.map(lookupKeys);
  const surnames = [...new Set(keys.flatMap((key) => key.surnames))];
  const phones = [...new Set(keys.map((key) => key.phone).filter(Boolean))];
  const emails = [...new Set(keys.flatMap((key) => key.emails))];
  const found = new Map<number, StoredPerson>();
  const remember = (rows: StoredPerson[]) => rows.forEach((row) => found.set(row.id, row));
  for (const part of chunks(surnames)) {
    remember(
      await livePeople(db.selectFrom("people").select(PERSON_COLUMNS)).where("surname_key", "in", part).execute(),
    );
  }
  for (const part of chunks(phones)) {
    remember(await livePeople(db.selectFrom("people").select(PERSON_COLUMNS)).where("phone_key", "in", part).execute());
  }
  for (const part of chunks(emails)) {
    const owners = db.selectFrom("person_emails").select("person_id").where("email", "in", part);
    remember(
      await livePeople(db.selectFrom("people").select(PERSON_COLUMNS)).where("people.id", "in", owners).execute(),
    );
  }
  const stored = [...found.values()];
  const dismissed = candidates.some((candidate) => candidate.excludeId)
    ? await dismissedPairs(db, "person")
    : new Set();
  const details = await personDetails(
    db,
    stored.map((person) => person.id),
  );
  const prepared = stored.map((person) => ({
    person,
    match: preparePerson({
      ...person,
      emails: details.emails.get(person.id),
      organisationIds: details.organisations.get(person.id),
    }),
  }));
  // a surname block holds hundreds at national scale: looked up with the initial, it holds a few
  const byBlock = groupBy(prepared, ({ match }) => [`${match.core}:${match.initials.slice(0, 1)}`]);
  const bySurname = groupBy(prepared, ({ match }) => [match.core]);
  const byPhone = groupBy(prepared, ({ match }) => [match.phone]);
  const byEmail = groupBy(prepared, ({ match }) => [...match.emails]);
  return candidates.map((candidate, i) => {
    const key = keys[i]!;
    const self = preparePerson(candidate);
    const initial = self.initials.slice(0, 1);
    const byName = initial
      ? [...(byBlock.get(`${self.core}:${initial}`) ?? []), ...(byBlock.get(`${self.core}:`) ?? [])]
      : (bySurname.get(self.core) ?? []);
    const swapped = self.first ? (byBlock.get(`${surnameKey(self.first)}:${self.core.slice(0, 1)}`) ?? []) : [];
    const near = new Set([
      ...byName,
      ...swapped,
      ...(byPhone.get(key.phone) ?? []),
      ...key.emails.flatMap((email) => byEmail.get(email) ?? []),
    ]);
    return [...near]
      .filter(
        ({ person }) =>
          !candidate.excludeId ||
          (person.id !== candidate.excludeId && !dismissed.has(pairKey(person.id, candidate.excludeId))),
      )
      .map((entry) => ({
        id: entry.person.id,
        name: listName(entry.person),
        ...matchPreparedPeople(self, entry.match),
      }))
      .filter((duplicate) => duplicate.score >= LIKELY_DUPLICATE)
      .sort(bestFirst);
  });
}

/** The likely duplicates of one person (being created, or `excludeId` being checked), best first. */
export async function likelyDuplicatesOfPerson(
  db: DB,
  candidate: PersonForMatching,
  options: { excludeId?: number } = {},
): Promise<PersonDuplicate[]> {
  const [duplicates] = await likelyDuplicatesOfPeople(db, [{ ...candidate, excludeId: options.excludeId }]);
  return duplicates!;
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      if (!key) continue;
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

const bestFirst = (a: { score: number; id: number }, b: { score: number; id: number }) =>
  b.score - a.score || a.id - b.id;

export interface DuplicatePairsPage<R extends string> {
  pairs: DuplicatePair<R>[];
  total: number;
  page: number;
  pageCount: number;
}

interface ScoredPair<T, R extends string> extends Match<R> {
  /** the lower id */
  a: T;
  b: T;
}

/** The pairs best first, and the page asked for with the records' names (made for that page only). */
function pageOf<T extends { id: number }, R extends string>(
  pairs: ScoredPair<T, R>[],
  page: number,
  nameOf: (item: T) => string,
): DuplicatePairsPage<R> {
  const pageCount = Math.max(1, Math.ceil(pairs.length / DUPLICATE_PAGE_SIZE));
  const shown = Math.min(Math.max(1, page), pageCount);
  // scores are whole numbers: bucketed by score, only the buckets the page falls in are sorted
  const buckets: ScoredPair<T, R>[][] = Array.from({ length: 101 }, () => []);
  for (const pair of pairs) buckets[100 - pair.score]!.push(pair);
  const from = (shown - 1) * DUPLICATE_PAGE_SIZE;
  const onPage: ScoredPair<T, R>[] = [];
  let before = 0;
  for (const bucket of buckets) {
    if (before + bucket.length > from && onPage.length < DUPLICATE_PAGE_SIZE) {
      bucket.sort((x, y) => x.a.id - y.a.id || x.b.id - y.b.id);
      onPage.push(...bucket.slice(Math.max(0, from - before), from - before + DUPLICATE_PAGE_SIZE - onPage.length));
    }
    before += bucket.length;
  }
  return {
    pairs: onPage.map(({ a, b, score, reasons }) => ({
      score,
      reasons,
      survivor: { id: a.id, name: nameOf(a) },
      other: { id: b.id, name: nameOf(b) },
    })),
    total: pairs.length,
    page: shown,
    pageCount,
  };
}

/**
 * Scores every pair within each block (records sharing a block key), skipping dismissed pairs and
 * those `seenElsewhere` says another block already scored; adds the likely ones to `into`.
 */
function scoreBlocks<T extends { id: number }, R extends string>(
  blocks: Map<string, T[]>,
  dismissed: Set<string>,
  score: (a: T, b: T) => Match<R>,
  into: ScoredPair<T, R>[],
  seenElsewhere: (a: T, b: T) => boolean = () => false,
) {
  for (const block of blocks.values()) {
    for (let i = 0; i < block.length; i += 1) {
      for (let j = i + 1; j < block.length; j += 1) {
        const [a, b] = block[i]!.id < block[j]!.id ? [block[i]!, block[j]!] : [block[j]!, block[i]!];
        if (seenElsewhere(a, b) || (dismissed.size > 0 && dismissed.has(`${a.id}-${b.id}`))) continue;
        const match = score(a, b);
        if (match.score >= LIKELY_DUPLICATE) into.push({ a, b, ...match });
      }
    }
  }
}

/**
 * Every likely pair of people in the register, best first, a page at a time. The people come from
 * one indexed read; blocks are people with the same surname key and initial (same name, initials
 * for a voornaam), with voornaam and achternaam the other way round, or with the same phone number.
 * Only pairs within a block are scored, and each pair once.
 */
export async function likelyDuplicatePeoplePairs(
  db: DB,
  page = 1,
  scope: ListScope = "all",
  onDay: IsoDate = todayInAmsterdam(),
): Promise<DuplicatePairsPage<PersonMatchReason>> {
  let live = livePeople(db.selectFrom("people").select([...PERSON_COLUMNS, "surname_key", "phone_key"]));
  // both of a pair in the region: a merge needs the right to change both (decision 047)
  if (scope !== "all") live = live.where((eb) => personInRegion(eb.ref("people.id"), scope.regionId, onDay));
  const [people, jobs, dismissed] = await Promise.all([
    live.execute(),
    db.selectFrom("affiliations").select(["person_id", "organisation_id"]).where("end_date", "is", null).execute(),
    dismissedPairs(db, "person"),
  ]);
  const organisations = new Map<number, number[]>();
  for (const job of jobs) {
    const list = organisations.get(job.person_id);
    if (list) list.push(job.organisation_id);
    else organisations.set(job.person_id, [job.organisation_id]);
  }
  type Entry = { id: number; person: StoredPerson; match: PreparedPerson; block: string };
  const entries: Entry[] = people.map((person) => {
    const match = preparePerson({ ...person, organisationIds: organisations.get(person.id) });
    return { id: person.id, person, match, block: `${match.core}:${match.initials.slice(0, 1)}` };
  });
  const swapKey = ({ match }: Entry) => {
    const firstAsSurname = surnameKey(match.first);
    return match.first && firstAsSurname !== match.core ? [[firstAsSurname, match.core].sort().join(":")] : [];
  };
  const pairs: ScoredPair<Entry, PersonMatchReason>[] = [];
  const score = (a: Entry, b: Entry) => matchPreparedPeople(a.match, b.match);
  // the same voornaam in sub-blocks; someone known by initials only against their whole block
  const scoredByName = (a: Entry, b: Entry) =>
    a.block === b.block && (a.match.first === b.match.first || !a.match.first || !b.match.first);
  scoreBlocks(
    groupBy(entries, (entry) => [`${entry.block}:${entry.match.first}`]),
    dismissed,
    score,
    pairs,
  );
  scoreBlocks(
    groupBy(entries, (entry) => [entry.block]),
    dismissed,
    score,
    pairs,
    (a, b) => a.match.first === b.match.first || (a.match.first !== "" && b.match.first !== ""),
  );
  scoreBlocks(
    groupBy(entries, (entry) => [entry.match.phone]),
    dismissed,
    score,
    pairs,
    scoredByName,
  );
  scoreBlocks(
    groupBy(entries, swapKey),
    dismissed,
    score,
    pairs,
    (a, b) => a.match.core === b.match.core || (a.match.phone === b.match.phone && a.match.phone !== ""),
  );
  return pageOf(pairs, page, (entry) => listName(entry.person));
}

interface StoredOrganisation extends OrganisationForMatching {
  id: number;
}

async function liveOrganisations(db: DB, scope: ListScope = "all"): Promise<StoredOrganisation[]> {
  let query = db
    .selectFrom("organisations")
    .select(["id", "name", "short_name", "email", "website", "phone"])
    .where("archived_at", "is", null)
    .where("merged_into_id", "is", null);
  if (scope !== "all") query = query.where((eb) => organisationInRegion(eb.ref("organisations.id"), scope.regionId));
  return query.execute();
}

const organisationKeys = (organisation: PreparedOrganisation) => [
  `n:${organisation.name}`,
  `n:${organisation.shortName}`,
  `n:${organisation.abbreviation}`,
  `e:${organisation.email}`,
  `w:${organisation.website}`,
  `p:${organisation.phone}`,
];
const hasValue = (key: string) => key.length > 2;

/**
 * The likely duplicates of each candidate organisation, best first. The register holds thousands of
 * organisations, not tens of thousands, so they are read once and looked up by their keys in memory.
 */
export async function likelyDuplicatesOfOrganisations(
  db: DB,
  candidates: readonly (OrganisationForMatching & { excludeId?: number })[],
): Promise<OrganisationDuplicate[][]> {
  const stored = (await liveOrganisations(db)).map((organisation) => ({
    organisation,
    match: prepareOrganisation(organisation),
  }));
  const byKey = groupBy(stored, (entry) => organisationKeys(entry.match).filter(hasValue));
  return candidates.map((candidate) => {
    const self = prepareOrganisation(candidate);
    const near = new Set(
      organisationKeys(self)
        .filter(hasValue)
        .flatMap((key) => byKey.get(key) ?? []),
    );
    return [...near]
      .filter((entry) => entry.organisation.id !== candidate.excludeId)
      .map((entry) => ({
        id: entry.organisation.id,
        name: entry.organisation.name,
        ...matchPreparedOrganisations(self, entry.match),
      }))
      .filter((duplicate) => duplicate.score >= LIKELY_DUPLICATE)
      .sort(bestFirst);
  });
}

export async function likelyDuplicatesOfOrganisation(
  db: DB,
  candidate: OrganisationForMatching,
  options: { excludeId?: number } = {},
): Promise<OrganisationDuplicate[]> {
  const [duplicates] = await likelyDuplicatesOfOrganisations(db, [{ ...candidate, excludeId: options.excludeId }]);
  return duplicates!;
}

/** Every likely pair of organisations, best first, a page at a time. */
export async function likelyDuplicateOrganisationPairs(
  db: DB,
  page = 1,
  scope: ListScope = "all",
): Promise<DuplicatePairsPage<OrganisationMatchReason>> {
  const [organisations, dismissed] = await Promise.all([
    liveOrganisations(db, scope),
    dismissedPairs(db, "organisation"),
  ]);
  const entries = organisations.map((organisation) => ({
    id: organisation.id,
    organisation,
    match: prepareOrganisation(organisation),
  }));
  const pairs: ScoredPair<(typeof entries)[number], OrganisationMatchReason>[] = [];
  // organisations share few keys, so a pair found in two blocks is simply remembered
  const scored = new Set<string>();
  scoreBlocks(
    groupBy(entries, (entry) => [...new Set(organisationKeys(entry.match).filter(hasValue))]),
    dismissed,
    (a, b) => matchPreparedOrganisations(a.match, b.match),
    pairs,
    (a, b) => scored.has(`${a.id}-${b.id}`) || (scored.add(`${a.id}-${b.id}`), false),
  );
  return pageOf(pairs, page, (entry) => entry.organisation.name);
}

/**
 * Records that two records are not the same, so no page offers them as a pair again. Marking a
 * pair twice keeps the first mark. Returns the mark's id (what an undo takes back).
 */
export async function markNotTheSame(db: DB, actor: Actor, kind: DuplicateKind, oneId: number, otherId: number) {
  const [first_id, second_id] = oneId < otherId ? [oneId, otherId] : [otherId, oneId];
  return inTransaction(db, async (trx) => {
    await assertExists(trx, kind, [first_id, second_id]);
    const existing = await trx
      .selectFrom("duplicate_dismissals")
      .select("id")
      .where("kind", "=", kind)
      .where("first_id", "=", first_id)
      .where("second_id", "=", second_id)
      .executeTakeFirst();
    if (existing) return existing.id;
    const row = await trx
      .insertInto("duplicate_dismissals")
      .values({ kind, first_id, second_id, dismissed_by: actor.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: "create", entity: "duplicate_dismissals", entityId: row.id, after: row });
    return row.id;
  });
}

async function assertExists(trx: Trx, kind: DuplicateKind, ids: number[]) {
  const table = kind === "person" ? "people" : "organisations";
  const rows = await trx.selectFrom(table).select("id").where("id", "in", ids).execute();
  const missing = ids.find((id) => !rows.some((row) => row.id === id));
  if (missing !== undefined || ids[0] === ids[1]) throw new RecordNotFoundError(table, missing ?? ids[0]!);
}

/** The mark `id`, if it is still there: the undo notice is only offered while it is. */
export async function getDismissal(db: DB, id: number) {
  return (await db.selectFrom("duplicate_dismissals").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Takes a "not the same" mark back: the pair is offered again. */
export async function undoNotTheSame(db: DB, actor: Actor, id: number, kind: DuplicateKind) {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("duplicate_dismissals")
      .selectAll()
      .where("id", "=", id)
      .where("kind", "=", kind)
      .executeTakeFirst();
    if (!row) throw new RecordNotFoundError("duplicate_dismissals", id);
    await trx.deleteFrom("duplicate_dismissals").where("id", "=", id).execute();
    await recordAudit(trx, actor, { action: "delete", entity: "duplicate_dismissals", entityId: id, before: row });
    return row;
  });
}
