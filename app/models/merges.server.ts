import type { Transaction } from "kysely";
import type { DB } from "../../db/index";
import type { ConsentPurpose, Language, MergedEntity } from "../../db/schema";
import { todayInAmsterdam } from "../i18n/format";
import type { MessageKey } from "../i18n/keys";
import { messageKey } from "../services/form-data";
import {
  chosenValues,
  type FieldChoices,
  MERGE_FIELDS,
  MOVED_REFERENCES,
  type MovedReference,
  rowText,
  savedSearchOrganisation,
  withSavedSearchOrganisation,
} from "../services/merge-plan";
import { displayName } from "../services/names";
import { type Actor, type Trx } from "./audit.server";
import { checkParent } from "./organisations.server";
import { inTransaction, loadForUpdate, RecordNotFoundError, RegisterError, updateAudited } from "./editing.server";

/**
 * Merging a duplicate person or organisation into the one that survives, and undoing it (decision
 * 032). One transaction: the merged record is marked with its survivor (and archived, so every list
 * that leaves archived records out leaves it out), every row pointing at it moves to the survivor,
 * the survivor gets the field values chosen, and each touched row is kept whole, before and after,
 * in `merge_rows`. The undo puts every row back as it was, refused while anything it would put back
 * has changed since.
 */

export const MERGE_SUMMARIES = {
  mergedInto: "merged_into",
  mergedFrom: "merged_from",
  undone: "merge_undone",
} as const;

/** The source a carried-over opt-out is recorded with, as the consent history shows it. */
export const MERGE_CONSENT_SOURCE = "samenvoeging";

/** The two records changed since the merge page showed them: the page is shown again, with the reason. */
export class MergeChangedError extends RegisterError {}

export interface MergeInput {
  survivorId: number;
  mergedId: number;
  survivorVersion: number;
  mergedVersion: number;
  fieldChoices: FieldChoices;
}

type AnyRow = Record<string, unknown>;

/** Kysely cannot follow table names chosen at run time: these helpers see every table as rows of unknowns. */
const untyped = (trx: Trx) => trx as unknown as Transaction<Record<string, AnyRow>>;

/** Columns the database derives itself (the people's sort key): never written back. */
const DERIVED = ["sort_name"];

const RECORD_NAME: Record<MergedEntity, (row: AnyRow) => string> = {
  people: (row) => displayName(row as unknown as Parameters<typeof displayName>[0]),
  organisations: (row) => String(row.name),
};

export function mergePeople(db: DB, actor: Actor, input: MergeInput) {
  return inTransaction(db, (trx) => mergeIn(trx, actor, "people", input));
}

export function mergeOrganisations(db: DB, actor: Actor, input: MergeInput) {
  return inTransaction(db, (trx) => mergeIn(trx, actor, "organisations", input));
}

async function mergeIn(trx: Trx, actor: Actor, entity: MergedEntity, input: MergeInput): Promise<{ mergeId: number }> {
  const { survivorId, mergedId } = input;
  if (survivorId === mergedId) throw new RegisterError("merge.errors.self");
  const survivor = (await loadForUpdate(trx, entity, survivorId)) as AnyRow;
  const merged = (await loadForUpdate(trx, entity, mergedId)) as AnyRow;
  for (const row of [survivor, merged]) {
    const name = RECORD_NAME[entity](row);
    if (row.erased_at) throw new RegisterError(messageKey("merge.errors.erased", { name }));
    if (row.merged_into_id !== null) throw new RegisterError(messageKey("merge.errors.alreadyMerged", { name }));
  }
  if (survivor.version !== input.survivorVersion)
    throw new MergeChangedError(messageKey("merge.errors.changed", { name: RECORD_NAME[entity](survivor) }));
  if (merged.version !== input.mergedVersion)
    throw new MergeChangedError(messageKey("merge.errors.changed", { name: RECORD_NAME[entity](merged) }));

  const now = new Date().toISOString();
  const rows: RowChange[] = [];
  const markedMerged = await updateAudited(
    trx,
    actor,
    entity,
    mergedId,
    input.mergedVersion,
    { merged_into_id: survivorId, merged_at: now, archived_at: (merged.archived_at as string | null) ?? now },
    { action: "merge", summary: MERGE_SUMMARIES.mergedInto },
  );
  rows.push({ table: entity, change: "updated", before: markedMerged.before, after: markedMerged.after });

  const consentsBefore = entity === "people" ? await withdrawnPurposes(trx, [survivorId, mergedId]) : [];
  for (const reference of MOVED_REFERENCES[entity])
    rows.push(...(await moveRows(trx, reference, survivorId, mergedId)));
  if (entity === "organisations") rows.push(...(await moveSavedSearches(trx, survivorId, mergedId)));
  if (entity === "people") rows.push(...(await keepOptOuts(trx, survivorId, consentsBefore)));

  const fields = MERGE_FIELDS[entity];
  const values = chosenValues(fields, survivor, merged, input.fieldChoices);
  if (entity === "organisations") {
    values.parent_id = parentAfterMerge(values.parent_id, merged, survivorId, mergedId);
    // the duplicate's parts now hang under the survivor: a parent among them would close a loop
    await checkParent(trx, values.parent_id as number | null, survivorId, survivor.parent_id as number | null);
  }
  const updatedSurvivor = await updateAudited(trx, actor, entity, survivorId, input.survivorVersion, values, {
    action: "merge",
    summary: MERGE_SUMMARIES.mergedFrom,
  });
  rows.push({ table: entity, change: "updated", before: updatedSurvivor.before, after: updatedSurvivor.after });

  const changedFields = Object.fromEntries(
    fields
      .filter((field) => (survivor[field] ?? null) !== (values[field] ?? null))
      .map((field) => [field, { before: survivor[field] ?? null, after: values[field] ?? null }]),
  );
  const merge = await trx
    .insertInto("merges")
    .values({
      entity,
      survivor_id: survivorId,
      merged_id: mergedId,
      fields: JSON.stringify(changedFields),
      survivor_version: (updatedSurvivor.after as AnyRow).version as number,
      merged_version: (markedMerged.after as AnyRow).version as number,
      merged_by: actor.id,
      undone_at: null,
      undone_by: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const row of rows) {
    await trx
      .insertInto("merge_rows")
      .values({
        merge_id: merge.id,
        table_name: row.table,
        change: row.change,
        before: row.before ? rowText(row.before as AnyRow) : null,
        after: row.after ? rowText(row.after as AnyRow) : null,
      })
      .execute();
  }
  return { mergeId: merge.id };
}

interface RowChange {
  table: string;
  change: "updated" | "removed" | "added";
  before: object | null;
  after: object | null;
}

const keyOf = (reference: Pick<MovedReference, "key">, row: AnyRow) =>
  Object.fromEntries(reference.key.map((column) => [column, row[column]]));

function whereKey<Q extends { where: (column: string, op: "=", value: unknown) => Q }>(query: Q, key: AnyRow): Q {
  return Object.entries(key).reduce((q, [column, value]) => q.where(column, "=", value), query);
}

/** Every row whose `column` names the merged record moves to the survivor, or goes where the survivor has its twin. */
async function moveRows(trx: Trx, reference: MovedReference, survivorId: number, mergedId: number) {
  const t = untyped(trx);
  let query = whereKey(t.selectFrom(reference.table).selectAll(), reference.where ?? {}).where(
    reference.column,
    "=",
    mergedId,
  );
  // the survivor's own row when it was the merged organisation's child: its parent is a field choice
  if (reference.table === "organisations") query = query.where("id", "<>", survivorId);
  const found = await query.orderBy(reference.key[0]!).execute();
  const survivorHasPrimary =
    reference.table === "person_emails" &&
    (await t
      .selectFrom("person_emails")
      .select("id")
      .where("person_id", "=", survivorId)
      .where("is_primary", "=", 1)
      .executeTakeFirst()) !== undefined;
  const changes: RowChange[] = [];
  for (const row of found) {
    refuseSelfSubstitution(reference, row, survivorId);
    const key = keyOf(reference, row);
    if (reference.unique && (await twinExists(trx, reference, row, survivorId))) {
      await whereKey(t.deleteFrom(reference.table), key).execute();
      changes.push({ table: reference.table, change: "removed", before: row, after: null });
      continue;
    }
    const values: AnyRow = { [reference.column]: survivorId };
    // the survivor's primary address stays primary; the merged record's becomes one more address
    if (survivorHasPrimary && row.is_primary === 1) values.is_primary = 0;
    const after = await whereKey(t.updateTable(reference.table).set(values), key)
      .returningAll()
      .executeTakeFirstOrThrow();
    changes.push({ table: reference.table, change: "updated", before: row, after });
  }
  return changes;
}

async function twinExists(trx: Trx, reference: MovedReference, row: AnyRow, survivorId: number) {
  let query = untyped(trx)
    .selectFrom(reference.table)
    .select(reference.column)
    .where(reference.column, "=", survivorId);
  for (const column of reference.unique ?? []) query = query.where(column, "=", row[column]);
  return (await query.executeTakeFirst()) !== undefined;
}

/** One of the two replaced the other at a meeting: merged, someone would have replaced themselves. */
function refuseSelfSubstitution(reference: MovedReference, row: AnyRow, survivorId: number) {
  if (reference.table !== "attendance" || !reference.column.endsWith("person_id")) return;
  const other = reference.column === "person_id" ? row.substitute_person_id : row.person_id;
  if (other === survivorId) throw new RegisterError("merge.errors.substitutedEachOther");
}

/** A saved search of one organisation's staff now selects the survivor's. */
async function moveSavedSearches(trx: Trx, survivorId: number, mergedId: number) {
  const changes: RowChange[] = [];
  for (const search of await trx.selectFrom("saved_searches").selectAll().execute()) {
    if (savedSearchOrganisation(search.filter) !== mergedId) continue;
    const after = await trx
      .updateTable("saved_searches")
      .set({ filter: withSavedSearchOrganisation(search.filter, survivorId) })
      .where("id", "=", search.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    changes.push({ table: "saved_searches", change: "updated", before: search, after });
  }
  return changes;
}

/** The purposes for which any of these people's newest consent is a withdrawal. */
async function withdrawnPurposes(trx: Trx, personIds: readonly number[]): Promise<ConsentPurpose[]> {
  const purposes = new Set<ConsentPurpose>();
  for (const personId of personIds) {
    for (const purpose of ["research", "news"] as const) {
      if ((await newestConsent(trx, personId, purpose))?.status === "withdrawn") purposes.add(purpose);
    }
  }
  return [...purposes];
}

function newestConsent(trx: Trx, personId: number, purpose: ConsentPurpose) {
  return trx
    .selectFrom("consents")
    .select("status")
    .where("person_id", "=", personId)
    .where("purpose", "=", purpose)
    .orderBy("recorded_on", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/**
 * An opt-out on either record survives: where the two histories together end in "given" (the
 * survivor said yes later than the duplicate said no), the withdrawal is recorded again, today.
 */
async function keepOptOuts(trx: Trx, survivorId: number, withdrawn: readonly ConsentPurpose[]) {
  const changes: RowChange[] = [];
  for (const purpose of withdrawn) {
    if ((await newestConsent(trx, survivorId, purpose))?.status === "withdrawn") continue;
    const added = await trx
      .insertInto("consents")
      .values({
        person_id: survivorId,
        purpose,
        status: "withdrawn",
        recorded_on: todayInAmsterdam(),
        source: MERGE_CONSENT_SOURCE,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    changes.push({ table: "consents", change: "added", before: null, after: added });
  }
  return changes;
}

/** The survivor cannot be its own parent, nor the child of the organisation that went into it. */
function parentAfterMerge(chosen: unknown, merged: AnyRow, survivorId: number, mergedId: number) {
  const parent = chosen === mergedId ? merged.parent_id : chosen;
  return parent === survivorId || parent === mergedId ? null : parent;
}

/* ---------- undo ---------- */

const ROW_KEYS: Record<string, readonly string[]> = {
  organisation_subregions: ["organisation_id", "subregion_id"],
  organisation_regions: ["organisation_id", "region_id"],
};
const rowKey = (table: string, row: AnyRow) =>
  Object.fromEntries((ROW_KEYS[table] ?? ["id"]).map((column) => [column, row[column]]));

const CHANGED_ROW_KEYS: Record<string, MessageKey> = {
  affiliations: "merge.errors.changedRow.affiliations",
  seats: "merge.errors.changedRow.seats",
  attendance: "merge.errors.changedRow.attendance",
  person_emails: "merge.errors.changedRow.person_emails",
  consents: "merge.errors.changedRow.consents",
  organisation_subregions: "merge.errors.changedRow.organisation_subregions",
  organisation_regions: "merge.errors.changedRow.organisation_regions",
  organisations: "merge.errors.changedRow.organisations",
  plans: "merge.errors.changedRow.plans",
  meeting_invitations: "merge.errors.changedRow.meeting_invitations",
  saved_searches: "merge.errors.changedRow.saved_searches",
};

/**
 * Puts both records and every row the merge touched back as they were, in one transaction. Refused,
 * naming what changed, when either record or any of those rows changed after the merge.
 */
export function undoMerge(db: DB, actor: Actor, mergeId: number) {
  return inTransaction(db, async (trx) => {
    const merge = await trx.selectFrom("merges").selectAll().where("id", "=", mergeId).executeTakeFirst();
    if (!merge) throw new RecordNotFoundError("merges", mergeId);
    if (merge.undone_at) throw new RegisterError("merge.errors.alreadyUndone");
    const entity = merge.entity;
    const survivor = (await loadForUpdate(trx, entity, merge.survivor_id)) as AnyRow;
    const merged = (await loadForUpdate(trx, entity, merge.merged_id)) as AnyRow;
    for (const [row, version] of [
      [survivor, merge.survivor_version],
      [merged, merge.merged_version],
    ] as const) {
      if (row.version !== version)
        throw new RegisterError(messageKey("merge.errors.changedSince", { name: RECORD_NAME[entity](row) }));
    }

    const rows = await trx
      .selectFrom("merge_rows")
      .selectAll()
      .where("merge_id", "=", mergeId)
      .orderBy("id", "desc")
      .execute();
    const t = untyped(trx);
    for (const row of rows) {
      const before = row.before ? (JSON.parse(row.before) as AnyRow) : null;
      const after = row.after ? (JSON.parse(row.after) as AnyRow) : null;
      const isRecord =
        row.table_name === entity &&
        after !== null &&
        [merge.survivor_id, merge.merged_id].includes(after.id as number);
      if (isRecord) {
        await restoreRecord(trx, actor, entity, before!);
        continue;
      }
      if (after) {
        const key = rowKey(row.table_name, after);
        const current = await whereKey(t.selectFrom(row.table_name).selectAll(), key).executeTakeFirst();
        if (!current || rowText(current, DERIVED) !== rowText(after, DERIVED)) {
          const name = RECORD_NAME[entity](survivor);
          throw new RegisterError(
            messageKey(CHANGED_ROW_KEYS[row.table_name] ?? "merge.errors.changedRow.other", { name }),
          );
        }
        if (before) await whereKey(t.updateTable(row.table_name).set(writable(before)), key).execute();
        else await whereKey(t.deleteFrom(row.table_name), key).execute();
      } else if (before) {
        await t.insertInto(row.table_name).values(writable(before, false)).execute();
      }
    }
    await trx
      .updateTable("merges")
      .set({ undone_at: new Date().toISOString(), undone_by: actor.id })
      .where("id", "=", mergeId)
      .execute();
    return { survivorId: merge.survivor_id, mergedId: merge.merged_id, entity };
  });
}

/** A row's columns as the undo writes them: without what the database derives (and without the key when updating). */
function writable(row: AnyRow, withoutId = true): AnyRow {
  return Object.fromEntries(
    Object.entries(row).filter(([column]) => !DERIVED.includes(column) && !(withoutId && column === "id")),
  );
}

/**
 * A record gets its values from before the merge back, as a new version (so a form opened on the
 * merged state is refused as stale), logged as the undo of the merge.
 */
async function restoreRecord(trx: Trx, actor: Actor, entity: MergedEntity, before: AnyRow) {
  const { id, version: _version, created_at: _created, updated_at: _updated, ...values } = writable(before, false);
  await updateAudited(trx, actor, entity, id as number, null, values, {
    action: "unmerge",
    summary: MERGE_SUMMARIES.undone,
  });
}

/* ---------- what the pages show ---------- */

/** The record a merged one went into (following a chain of merges), or null when it was not merged. */
export async function survivorOf(db: DB | Trx, entity: MergedEntity, id: number): Promise<number | null> {
  let current = id;
  for (;;) {
    const row = await db.selectFrom(entity).select("merged_into_id").where("id", "=", current).executeTakeFirst();
    if (!row?.merged_into_id) return current === id ? null : current;
    current = row.merged_into_id;
  }
}

/** The duplicates merged into a record, newest first, with their names: the survivor's merge list. */
export async function mergesInto(db: DB, entity: MergedEntity, survivorId: number) {
  const merges = await db
    .selectFrom("merges")
    .select(["id", "merged_id", "created_at", "undone_at"])
    .where("entity", "=", entity)
    .where("survivor_id", "=", survivorId)
    .orderBy("id", "desc")
    .execute();
  const names = await recordNames(
    db,
    entity,
    merges.map((m) => m.merged_id),
  );
  return merges.map((m) => ({ ...m, name: names.get(m.merged_id) ?? "" }));
}

async function recordNames(db: DB, entity: MergedEntity, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = (await untyped(db as unknown as Trx)
    .selectFrom(entity)
    .selectAll()
    .where("id", "in", [...ids])
    .execute()) as AnyRow[];
  return new Map(rows.map((row) => [row.id as number, RECORD_NAME[entity](row)]));
}

/** A record's name, for a notice that names it. */
export async function recordName(db: DB, entity: MergedEntity, id: number) {
  return (await recordNames(db, entity, [id])).get(id) ?? null;
}

/** How many rows of each kind point at the record: what a merge would move (and the panel places that stay). */
export async function attachedCounts(db: DB, entity: MergedEntity, id: number): Promise<Record<string, number>> {
  const t = untyped(db as unknown as Trx);
  const counts: Record<string, number> = {};
  for (const reference of MOVED_REFERENCES[entity]) {
    const { n } = await whereKey(
      t.selectFrom(reference.table).select((eb) => eb.fn.countAll<number>().as("n")),
      reference.where ?? {},
    )
      .where(reference.column, "=", id)
      .executeTakeFirstOrThrow();
    counts[reference.counts] = Number(n);
  }
  if (entity === "organisations") {
    const searches = await db.selectFrom("saved_searches").select("filter").execute();
    counts.savedSearches = searches.filter((s) => savedSearchOrganisation(s.filter) === id).length;
  }
  const { n } = await db
    .selectFrom("panel_members")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where(entity === "people" ? "person_id" : "organisation_id", "=", id)
    .executeTakeFirstOrThrow();
  counts.panels = Number(n);
  return counts;
}

/**
 * The two records as the merge page compares them: their fields (an organisation's sector and parent
 * by name), versions and what hangs on the one that would go. Null when either does not exist.
 */
export async function mergeComparison(
  db: DB,
  entity: MergedEntity,
  survivorId: number,
  mergedId: number,
  language: Language = "nl",
) {
  const rows = (await untyped(db as unknown as Trx)
    .selectFrom(entity)
    .selectAll()
    .where("id", "in", [survivorId, mergedId])
    .execute()) as AnyRow[];
  const survivor = rows.find((row) => row.id === survivorId);
  const merged = rows.find((row) => row.id === mergedId);
  if (!survivor || !merged) return null;
  const labels =
    entity === "organisations" ? await organisationLabels(db, [survivor, merged], language) : new Map<string, string>();
  const describe = (row: AnyRow) => ({
    id: row.id as number,
    name: RECORD_NAME[entity](row),
    version: row.version as number,
    erased: Boolean(row.erased_at),
    mergedInto: (row.merged_into_id as number | null) ?? null,
    values: Object.fromEntries(MERGE_FIELDS[entity].map((field) => [field, row[field] ?? null])) as Record<
      string,
      string | number | null
    >,
    labels: Object.fromEntries(
      ["sector_id", "parent_id"].flatMap((field) => {
        const label = labels.get(`${field}:${String(row[field])}`);
        return label ? [[field, label]] : [];
      }),
    ) as Record<string, string>,
  });
  return {
    survivor: describe(survivor),
    merged: describe(merged),
    counts: await attachedCounts(db, entity, mergedId),
  };
}

async function organisationLabels(db: DB, rows: readonly AnyRow[], language: Language) {
  const labels = new Map<string, string>();
  const sectorIds = rows.map((row) => row.sector_id as number);
  const parentIds = rows.flatMap((row) => (row.parent_id ? [row.parent_id as number] : []));
  for (const sector of await db
    .selectFrom("sectors")
    .select(["id", "name_nl", "name_en"])
    .where("id", "in", sectorIds)
    .execute())
    labels.set(`sector_id:${sector.id}`, language === "en" ? sector.name_en : sector.name_nl);
  if (parentIds.length > 0)
    for (const parent of await db
      .selectFrom("organisations")
      .select(["id", "name"])
      .where("id", "in", parentIds)
      .execute())
      labels.set(`parent_id:${parent.id}`, parent.name);
  return labels;
}
