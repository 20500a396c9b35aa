import { type Selectable, sql, type Updateable } from "kysely";
import { idList, textList } from "../../db/dialect";
import type { DB } from "../../db/index";
import type { ImportBatchesTable, ImportedEntity, ImportStatus, IsoMoment } from "../../db/schema";
import { messageKey } from "../services/form-data";
import type { ImportMapping } from "../services/import-fields";
import type { ImportTable } from "../services/import-file.server";
import {
  endImportProgress,
  type ImportProgress,
  reportImportProgress,
  yieldToServer,
} from "../services/import-progress.server";
import {
  externalKey,
  type ImportPlan,
  type ImportRegister,
  type ImportSheet,
  type KnownRecord,
  namedInSheet,
  planImport,
  type RecordRef,
  type RowPreview,
  warnOfLikelyDuplicates,
} from "../services/import-plan";
import { nameIndex } from "../services/import-values";
import { displayName } from "../services/names";
import { paging } from "../services/list-params";
import { suppressedAmong } from "./address-suppression.server";
import { type Actor, recordAudit, type Trx } from "./audit.server";
import { likelyDuplicatesOfPeople } from "./duplicates.server";
import {
  type ChildRows,
  inTransaction,
  insertAudited,
  loadForUpdate,
  RegisterError,
  StaleVersionError,
  updateAudited,
} from "./editing.server";
import { regionIdsOf } from "./organisation-regions.server";
import { createPersonIn } from "./people.server";
import { assertRegion, firstRegionId } from "./regions.server";

/**
 * Spreadsheet imports (decision 029): an upload kept as a batch, its preview, the import as one
 * transaction that only creates (existing records are linked to, never changed), and its undo while
 * nothing touched what it created. Each created record has its own audit entry ("imported"), and
 * the batch one entry with its counts.
 */

/** The audit summaries of imported and undone records (admin.audit.summaries). */
export const IMPORT_AUDIT_SUMMARIES = { imported: "imported", undone: "import_undone" } as const;

export interface ImportCounts {
  organisations: number;
  people: number;
  affiliations: number;
  seats: number;
}

/**
 * Existing organisations an import linked to its region (decision 049), each at the version the
 * link left it: kept with the batch's counts, as import_batch_records lists only created records.
 */
interface RegionLinks {
  regionId: number;
  organisations: { id: number; version: number }[];
}

/** The counts as a batch stores them once imported: with the region links its undo takes back. */
type StoredCounts = ImportCounts & { regionLinks?: RegionLinks };

/** An organisation's regions as its audit entry shows them, and a write that adds or removes one. */
const regionLink = (regionId: number, change: "add" | "remove"): ChildRows<"organisations"> => ({
  read: async (trx, organisationId) => ({ region_ids: await regionIdsOf(trx, organisationId) }),
  write: async (trx, organisation) => {
    if (change === "add")
      await trx
        .insertInto("organisation_regions")
        .values({ organisation_id: organisation.id, region_id: regionId })
        .execute();
    else
      await trx
        .deleteFrom("organisation_regions")
        .where("organisation_id", "=", organisation.id)
        .where("region_id", "=", regionId)
        .execute();
  },
});

/** The batch as the audit log shows it: never the file's content. */
const batchSnapshot = (batch: {
  id: number;
  file_name: string;
  row_count: number;
  status: string;
  counts?: unknown;
}) => ({
  id: batch.id,
  file_name: batch.file_name,
  row_count: batch.row_count,
  status: batch.status,
  ...(batch.counts ? { counts: batch.counts } : {}),
});

/**
 * An upload as a batch keeps it: the parsed file and the region its bodies are looked up in, chosen
 * on upload (decision 040). The region travels in the content so that a batch needs no column of
 * its own; a batch stored before regions has none and links in the first region.
 */
type StoredUpload = ImportTable & { regionId?: number };

/** Keeps an upload as a new batch, its columns mapped as their headers suggest. */
export async function createImportBatch(
  db: DB,
  actor: Actor,
  fileName: string,
  table: ImportTable,
  mapping: ImportMapping,
  regionId: number,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    await assertRegion(trx, regionId);
    const upload: StoredUpload = { ...table, regionId };
    const batch = await trx
      .insertInto("import_batches")
      .values({
        file_name: fileName.slice(0, 200),
        content: JSON.stringify(upload),
        row_count: table.rows.length,
        mapping: JSON.stringify(mapping),
        created_by: actor.id,
      })
      .returning(["id", "file_name", "row_count", "status"])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "create",
      entity: "import_batches",
      entityId: batch.id,
      after: batchSnapshot(batch),
    });
    return batch.id;
  });
}

export async function getImportBatch(db: DB, id: number) {
  const batch = await db
    .selectFrom("import_batches")
    .leftJoin("users", "users.id", "import_batches.created_by")
    .select([
      "import_batches.id",
      "import_batches.file_name",
      "import_batches.status",
      "import_batches.content",
      "import_batches.row_count",
      "import_batches.mapping",
      "import_batches.preview",
      "import_batches.counts",
      "import_batches.version",
      "import_batches.created_at",
      "import_batches.imported_at",
      "import_batches.undone_at",
      "users.name as created_by_name",
    ])
    .where("import_batches.id", "=", id)
    .executeTakeFirst();
  if (!batch) return null;
  const content = batch.content ? (JSON.parse(batch.content) as StoredUpload) : null;
  return {
    id: batch.id,
    fileName: batch.file_name,
    status: batch.status,
    rowCount: batch.row_count,
    version: batch.version,
    createdAt: batch.created_at,
    importedAt: batch.imported_at,
    undoneAt: batch.undone_at,
    createdBy: batch.created_by_name,
    table: content,
    regionId: content?.regionId ?? null,
    mapping: batch.mapping ? (JSON.parse(batch.mapping) as ImportMapping) : null,
    preview: batch.preview ? (JSON.parse(batch.preview) as StoredPreview) : null,
    counts: batch.counts ? (JSON.parse(batch.counts) as ImportCounts) : null,
  };
}

export type ImportBatch = NonNullable<Awaited<ReturnType<typeof getImportBatch>>>;

/** What a preview stores: every row's outcome and the totals. */
export interface StoredPreview {
  rows: RowPreview[];
  errorRows: number;
  warningRows: number;
  creates: ImportCounts;
}

export async function listImportBatches(db: DB, page: number) {
  const { total } = await db
    .selectFrom("import_batches")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const pageInfo = paging(Number(total), page);
  const rows = await db
    .selectFrom("import_batches")
    .leftJoin("users", "users.id", "import_batches.created_by")
    .select([
      "import_batches.id",
      "import_batches.file_name",
      "import_batches.status",
      "import_batches.row_count",
      "import_batches.counts",
      "import_batches.created_at",
      "import_batches.imported_at",
      "users.name as created_by_name",
    ])
    .orderBy("import_batches.id", "desc")
    .limit(pageInfo.limit)
    .offset(pageInfo.offset)
    .execute();
  return {
    rows: rows.map((row) => ({ ...row, counts: row.counts ? (JSON.parse(row.counts) as ImportCounts) : null })),
    page: pageInfo,
  };
}

const known = (id: number, name: string, archivedAt: string | null): KnownRecord => ({
  id,
  name,
  archived: archivedAt !== null,
});

/** What the register knows of everything the sheet names, read in a handful of statements. */
export async function readImportRegister(
  db: DB | Trx,
  sheet: ImportSheet,
  mapping: ImportMapping,
  regionId: number | null,
): Promise<ImportRegister> {
  const named = namedInSheet(sheet, mapping);
  // a merged record lives on in its survivor, an erased one not at all: neither is linked to itself
  const organisations = await db
    .selectFrom("organisations")
    .select(["id", "name", "short_name", "archived_at"])
    .where("merged_into_id", "is", null)
    .execute();
  // a spreadsheet may still use a merged organisation's old name: it names the survivor
  const formerNames = await db
    .selectFrom("organisations as merged")
    .innerJoin("organisations as survivor", "survivor.id", "merged.merged_into_id")
    .select(["survivor.id", "merged.name", "merged.short_name", "survivor.archived_at", "survivor.name as shown_as"])
    .where("survivor.merged_into_id", "is", null)
    .execute();
  // a body is named within the upload's region: another region's "Stuurgroep" is not this one
  const region = regionId ?? (await firstRegionId(db));
  const regionRow = await db.selectFrom("regions").select(["id", "name"]).where("id", "=", region).executeTakeFirst();
  const inRegion = await db
    .selectFrom("organisation_regions")
    .select("organisation_id")
    .where("region_id", "=", region)
    .execute();
  const bodies = await db
    .selectFrom("bodies")
    .select(["id", "name", "abbreviation as short_name", "archived_at"])
    .where("region_id", "=", region)
    .execute();
  const sectors = await db.selectFrom("sectors").select(["id", "code", "name_nl", "name_en"]).execute();
  const nameColumns = [
    "people.id",
    "people.first_name",
    "people.infix",
    "people.last_name",
    "people.initials",
    "people.title",
    "people.archived_at",
  ] as const;
  const byEmail =
    named.emails.length === 0
      ? []
      : await db
          .selectFrom("person_emails")
          .innerJoin("people", "people.id", "person_emails.person_id")
          .select([...nameColumns, "person_emails.email"])
          .where("person_emails.email", "in", textList(db, named.emails))
          .where("people.merged_into_id", "is", null)
          .where("people.erased_at", "is", null)
          .execute();
  const externalPeople =
    named.personExternalIds.values.length === 0
      ? []
      : await db
          .selectFrom("external_ids")
          .innerJoin("people", "people.id", "external_ids.entity_id")
          .select([...nameColumns, "external_ids.value"])
          .where("external_ids.entity", "=", "people")
          .where("external_ids.source", "=", named.personExternalIds.source)
          .where("external_ids.value", "in", textList(db, named.personExternalIds.values))
          .where("people.merged_into_id", "is", null)
          .where("people.erased_at", "is", null)
          .execute();
  const externalOrganisations =
    named.organisationExternalIds.values.length === 0
      ? []
      : await db
          .selectFrom("external_ids")
          .innerJoin("organisations", "organisations.id", "external_ids.entity_id")
          .select(["organisations.id", "organisations.name", "organisations.archived_at", "external_ids.value"])
          .where("external_ids.entity", "=", "organisations")
          .where("external_ids.source", "=", named.organisationExternalIds.source)
          .where("external_ids.value", "in", textList(db, named.organisationExternalIds.values))
          .where("organisations.merged_into_id", "is", null)
          .execute();
  const personIds = [...new Set([...byEmail, ...externalPeople].map((person) => person.id))];
  const openJobs =
    personIds.length === 0
      ? []
      : await db
          .selectFrom("affiliations")
          .select(["person_id", "organisation_id"])
          .where("person_id", "in", idList(db, personIds))
          .where("end_date", "is", null)
          .execute();
  const seats =
    personIds.length === 0
      ? []
      : await db
          .selectFrom("seats")
          .select(["person_id", "body_id", "role", "start_date", "end_date"])
          .where("person_id", "in", idList(db, personIds))
          .execute();
  const seatsByPerson: ImportRegister["seatsByPerson"] = new Map();
  for (const seat of seats) {
    if (seat.person_id === null) continue;
    const list = seatsByPerson.get(seat.person_id) ?? [];
    list.push(seat);
    seatsByPerson.set(seat.person_id, list);
  }
  return {
    organisations: nameIndex([...organisations, ...formerNames]),
    organisationsById: new Map(organisations.map((o) => [o.id, known(o.id, o.name, o.archived_at)])),
    bodies: nameIndex(bodies),
    bodiesById: new Map(bodies.map((b) => [b.id, known(b.id, b.name, b.archived_at)])),
    sectors,
    peopleByEmail: new Map(byEmail.map((p) => [p.email.toLowerCase(), known(p.id, displayName(p), p.archived_at)])),
    peopleByExternalId: new Map(
      externalPeople.map((p) => [
        externalKey(named.personExternalIds.source, p.value),
        known(p.id, displayName(p), p.archived_at),
      ]),
    ),
    organisationsByExternalId: new Map(
      externalOrganisations.map((o) => [
        externalKey(named.organisationExternalIds.source, o.value),
        known(o.id, o.name, o.archived_at),
      ]),
    ),
    suppressed: await suppressedAmong(db, named.emails),
    openJobs: new Set(openJobs.map((job) => `${job.person_id}:${job.organisation_id}`)),
    seatsByPerson,
    region: regionRow ?? null,
    organisationsInRegion: new Set(inRegion.map((row) => row.organisation_id)),
  };
}

const creates = (plan: ImportPlan): ImportCounts => ({
  organisations: plan.organisations.length,
  people: plan.people.length,
  affiliations: plan.jobs.length,
  seats: plan.seats.length,
});

const sheetOf = (table: ImportTable): ImportSheet => ({ headers: table.headers, rows: table.rows, lines: table.lines });

/** The batch, checked to be at `version` and in one of `statuses`. */
async function batchForChange(trx: Trx, id: number, version: number, statuses: readonly ImportStatus[]) {
  const batch = await loadForUpdate(trx, "import_batches", id);
  if (batch.version !== version) throw new StaleVersionError([], batch.version);
  if (!statuses.includes(batch.status)) throw new RegisterError("import.errors.wrongStep");
  return batch;
}

/**
 * Moves a batch on to its next step, with an audit entry: every step of an import (the mapping
 * chosen, the import started and ended, the undo) is logged like any other change.
 */
async function advanceBatch(
  trx: Trx,
  actor: Actor,
  batch: Selectable<ImportBatchesTable>,
  changes: Updateable<ImportBatchesTable> & { status: ImportStatus },
  extra: { summary?: string; counts?: ImportCounts } = {},
): Promise<number> {
  const now: IsoMoment = new Date().toISOString();
  await trx
    .updateTable("import_batches")
    .set({ ...changes, version: batch.version + 1, updated_at: now })
    .where("id", "=", batch.id)
    .execute();
  await recordAudit(trx, actor, {
    action: "update",
    entity: "import_batches",
    entityId: batch.id,
    summary: extra.summary,
    before: batchSnapshot(batch),
    after: batchSnapshot({ ...batch, status: changes.status, ...(extra.counts ? { counts: extra.counts } : {}) }),
  });
  return batch.version + 1;
}

/**
 * Saves the mapping and marks the batch `previewing`: the preview itself (previewImportBatch) runs
 * after, in chunks, so the page can show its progress.
 */
export async function startImportPreview(db: DB, actor: Actor, id: number, version: number, mapping: ImportMapping) {
  return inTransaction(db, async (trx) => {
    const batch = await batchForChange(trx, id, version, ["uploaded", "previewed", "failed"]);
    if (!batch.content) throw new RegisterError("import.errors.wrongStep");
    const columns = (JSON.parse(batch.content) as ImportTable).headers.length;
    if (mapping.length !== columns) throw new RegisterError("import.errors.wrongStep");
    return advanceBatch(trx, actor, batch, { status: "previewing", mapping: JSON.stringify(mapping), preview: null });
  });
}

/**
 * Plans every row of a batch being previewed and stores the outcome (status `previewed`). Reports
 * its progress; a batch that is no longer `previewing` (a newer mapping) is left as it is.
 */
export async function previewImportBatch(db: DB, id: number, today: Date = new Date()): Promise<StoredPreview | null> {
  const batch = await getImportBatch(db, id);
  if (!batch || batch.status !== "previewing" || !batch.table || !batch.mapping) return null;
  const total = batch.table.rows.length;
  const progress = (done: number) => reportImportProgress(id, { phase: "preview", done, total });
  progress(0);
  try {
    const sheet = sheetOf(batch.table);
    const register = await readImportRegister(db, sheet, batch.mapping, batch.regionId);
    const plan = await planImport(sheet, batch.mapping, register, today, async (done) => {
      progress(done);
      await yieldToServer();
    });
    // only in the preview: the import itself creates what the user saw and accepted
    warnOfLikelyDuplicates(
      plan,
      await likelyDuplicatesOfPeople(
        db,
        plan.people.map((person) => ({
          ...person,
          emails: person.email ? [person.email] : [],
          organisationIds: person.organisationId === null ? [] : [person.organisationId],
        })),
      ),
    );
    const stored: StoredPreview = {
      rows: plan.rows,
      errorRows: plan.errorRows,
      warningRows: plan.warningRows,
      creates: creates(plan),
    };
    await db
      .updateTable("import_batches")
      .set({
        status: "previewed",
        preview: JSON.stringify(stored),
        version: batch.version + 1,
        updated_at: new Date().toISOString(),
      })
      .where("id", "=", id)
      .where("version", "=", batch.version)
      .where("status", "=", "previewing")
      .execute();
    return stored;
  } finally {
    endImportProgress(id);
  }
}

/**
 * Marks the batch `importing` (committed by itself): if the process dies during the import's
 * transaction, the batch says so at the next start (failInterruptedImports) and nothing else changed.
 */
export async function startImport(db: DB, actor: Actor, id: number, version: number): Promise<number> {
  return inTransaction(db, async (trx) => {
    const batch = await batchForChange(trx, id, version, ["previewed"]);
    const preview = batch.preview ? (JSON.parse(batch.preview) as StoredPreview) : null;
    if (!preview || preview.errorRows > 0) throw new RegisterError("import.errors.notClean");
    return advanceBatch(trx, actor, batch, { status: "importing" });
  });
}

/** Records per progress step while importing. */
const WRITE_CHUNK = 250;

/**
 * The import itself, all or nothing: plans the rows again on the register as it is inside the
 * transaction (refused if any row has an error now), creates what the plan says with an audit
 * entry per record, lists every record with its version in the batch, and sets the batch imported.
 * Any failure rolls everything back; the batch then goes back to `previewing`.
 */
export async function runImport(
  db: DB,
  actor: Actor,
  id: number,
  version: number,
  today: Date = new Date(),
  onProgress: (progress: ImportProgress) => void = (progress) => reportImportProgress(id, progress),
): Promise<ImportCounts> {
  try {
    return await inTransaction(db, async (trx) => {
      const batch = await batchForChange(trx, id, version, ["importing"]);
      const table = JSON.parse(batch.content ?? "null") as StoredUpload | null;
      const mapping = JSON.parse(batch.mapping ?? "null") as ImportMapping | null;
      if (!table || !mapping) throw new RegisterError("import.errors.wrongStep");
      const sheet = sheetOf(table);
      const register = await readImportRegister(trx, sheet, mapping, table.regionId ?? null);
      const plan = await planImport(sheet, mapping, register, today);
      if (plan.errorRows > 0) throw new RegisterError("import.errors.changedSincePreview");
      const counts = creates(plan);
      const region = register.region;
      const total = counts.organisations + counts.people + counts.affiliations + counts.seats;
      let done = 0;
      const step = () => {
        done += 1;
        if (done % WRITE_CHUNK === 0) onProgress({ phase: "import", done, total });
      };
      const created: { entity: ImportedEntity; entity_id: number; version: number }[] = [];
      const summary = IMPORT_AUDIT_SUMMARIES.imported;
      const organisationIds = new Map<string, number>();
      const externalIds: { entity: "organisations" | "people"; entity_id: number; source: string; value: string }[] =
        [];
      for (const organisation of plan.organisations) {
        const row = await insertAudited(
          trx,
          actor,
          "organisations",
          {
            name: organisation.name,
            short_name: null,
            sector_id: organisation.sector_id,
            parent_id: null,
            website: null,
            email: null,
            phone: null,
            address: null,
            notes: null,
            archived_at: null,
          },
          { summary, children: region ? regionLink(region.id, "add") : undefined },
        );
        organisationIds.set(organisation.key, row.id);
        created.push({ entity: "organisations", entity_id: row.id, version: row.version });
        if (organisation.externalId)
          externalIds.push({ entity: "organisations", entity_id: row.id, ...organisation.externalId });
        step();
      }
      const stored: StoredCounts = { ...counts };
      if (region && plan.regionLinks.length > 0) {
        const linked: RegionLinks = { regionId: region.id, organisations: [] };
        for (const organisationId of plan.regionLinks) {
          const { after } = await updateAudited(
            trx,
            actor,
            "organisations",
            organisationId,
            null,
            {},
            { summary, children: regionLink(region.id, "add") },
          );
          linked.organisations.push({ id: organisationId, version: after.version });
        }
        stored.regionLinks = linked;
      }
      const personIds = new Map<string, number>();
      for (const person of plan.people) {
        const row = await createPersonIn(
          trx,
          actor,
          {
            first_name: person.first_name,
            infix: person.infix,
            last_name: person.last_name,
            initials: person.initials,
            salutation: null,
            title: null,
            phone: person.phone,
            preferred_language: "nl",
            notes: null,
            email: person.email,
          },
          // the plan above read every address of the file in this transaction: none taken, none erased
          { summary, emailChecked: true },
        );
        personIds.set(person.key, row.id);
        created.push({ entity: "people", entity_id: row.id, version: row.version });
        if (person.externalId) externalIds.push({ entity: "people", entity_id: row.id, ...person.externalId });
        step();
      }
      const personId = (ref: RecordRef) => ("existing" in ref ? ref.existing : personIds.get(ref.planned)!);
      const organisationId = (ref: RecordRef) => ("existing" in ref ? ref.existing : organisationIds.get(ref.planned)!);
      for (const job of plan.jobs) {
        const row = await insertAudited(
          trx,
          actor,
          "affiliations",
          {
            person_id: personId(job.person),
            organisation_id: organisationId(job.organisation),
            function_title: job.function_title,
            start_date: job.start_date,
            end_date: job.end_date,
          },
          { summary },
        );
        created.push({ entity: "affiliations", entity_id: row.id, version: row.version });
        step();
      }
      for (const seat of plan.seats) {
        const row = await insertAudited(
          trx,
          actor,
          "seats",
          {
            body_id: seat.body_id,
            person_id: personId(seat.person),
            role: seat.role,
            organisation_id: seat.organisation ? organisationId(seat.organisation) : null,
            start_date: seat.start_date,
            end_date: seat.end_date,
            note: null,
          },
          { summary },
        );
        created.push({ entity: "seats", entity_id: row.id, version: row.version });
        step();
      }
      for (let i = 0; i < externalIds.length; i += WRITE_CHUNK)
        await trx
          .insertInto("external_ids")
          .values(externalIds.slice(i, i + WRITE_CHUNK))
          .execute();
      for (let i = 0; i < created.length; i += WRITE_CHUNK)
        await trx
          .insertInto("import_batch_records")
          .values(created.slice(i, i + WRITE_CHUNK).map((record) => ({ batch_id: id, ...record })))
          .execute();
      await advanceBatch(
        trx,
        actor,
        batch,
        {
          status: "imported",
          // the file and its preview hold people's data: what was imported is in the register now
          content: null,
          preview: null,
          counts: JSON.stringify(stored),
          imported_at: new Date().toISOString(),
          imported_by: actor.id,
        },
        { summary, counts },
      );
      onProgress({ phase: "import", done: total, total });
      return counts;
    });
  } catch (error) {
    // nothing was written; the batch is to be previewed again (previewImportBatch), which shows why
    await db
      .updateTable("import_batches")
      .set({ status: "previewing", updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .where("status", "=", "importing")
      .execute();
    throw error;
  } finally {
    endImportProgress(id);
  }
}

/**
 * At a start: a batch left `importing` by a process that died committed nothing (its transaction
 * rolled back), so it is `failed`; one left `previewing` goes back to its mapping.
 */
export async function failInterruptedImports(db: DB): Promise<number> {
  const now = new Date().toISOString();
  const failed = await db
    .updateTable("import_batches")
    .set({ status: "failed", updated_at: now })
    .where("status", "=", "importing")
    .executeTakeFirst();
  await db
    .updateTable("import_batches")
    .set({ status: "uploaded", updated_at: now })
    .where("status", "=", "previewing")
    .execute();
  return Number(failed.numUpdatedRows);
}

/** A reason an undo is refused: the record that changed or is referred to since. */
function refuseUndo(entity: string, id: number, name: string): never {
  const path = { organisations: "organisaties", people: "personen", seats: "zetels", affiliations: "personen" }[entity];
  throw new RegisterError(messageKey("import.errors.undoTouched", { name }), undefined, {
    href: `/${path}/${id}`,
    name,
  });
}

/** Single-column references that, made after an import, stop its undo: the record is in use. */
const LATER_REFERENCES = [
  { table: "consents", column: "person_id", entity: "people" },
  { table: "organisations", column: "parent_id", entity: "organisations" },
  { table: "plans", column: "lead_organisation_id", entity: "organisations" },
  { table: "meeting_invitations", column: "organisation_id", entity: "organisations" },
] as const;

/**
 * Takes a whole import back, in one transaction: refused, naming the record, when any record it
 * created changed since (its version moved) or is referred to by anything the import did not
 * create (a later job, seat, attendance, panel, invitation, sub-organisation or plan).
 */
export async function undoImport(db: DB, actor: Actor, id: number, version: number): Promise<ImportCounts> {
  return inTransaction(db, async (trx) => {
    const batch = await batchForChange(trx, id, version, ["imported"]);
    const records = await trx.selectFrom("import_batch_records").selectAll().where("batch_id", "=", id).execute();
    const idsOf = (entity: ImportedEntity) => records.filter((r) => r.entity === entity).map((r) => r.entity_id);
    const versionOf = new Map(records.map((r) => [`${r.entity}:${r.entity_id}`, r.version]));
    const organisations = idsOf("organisations");
    const people = idsOf("people");
    const affiliations = idsOf("affiliations");
    const seats = idsOf("seats");

    const organisationRows = await trx
      .selectFrom("organisations")
      .selectAll()
      .where("id", "in", idList(trx, organisations))
      .execute();
    const peopleRows = await trx.selectFrom("people").selectAll().where("id", "in", idList(trx, people)).execute();
    const affiliationRows = await trx
      .selectFrom("affiliations")
      .selectAll()
      .where("id", "in", idList(trx, affiliations))
      .execute();
    const seatRows = await trx.selectFrom("seats").selectAll().where("id", "in", idList(trx, seats)).execute();
    const personName = new Map(peopleRows.map((p) => [p.id, displayName(p)]));
    const organisationName = new Map(organisationRows.map((o) => [o.id, o.name]));

    const moved = <R extends { id: number; version: number }>(entity: ImportedEntity, rows: R[]) =>
      rows.find((row) => versionOf.get(`${entity}:${row.id}`) !== row.version);
    const movedOrganisation = moved("organisations", organisationRows);
    if (movedOrganisation) refuseUndo("organisations", movedOrganisation.id, movedOrganisation.name);
    const movedPerson = moved("people", peopleRows);
    if (movedPerson) refuseUndo("people", movedPerson.id, displayName(movedPerson));
    const movedJob = moved("affiliations", affiliationRows);
    if (movedJob)
      refuseUndo("affiliations", movedJob.person_id, personName.get(movedJob.person_id) ?? String(movedJob.person_id));
    const movedSeat = moved("seats", seatRows);
    if (movedSeat) refuseUndo("seats", movedSeat.id, personName.get(movedSeat.person_id ?? 0) ?? String(movedSeat.id));
    const regionLinks = (JSON.parse(batch.counts ?? "{}") as StoredCounts).regionLinks;
    const linkedRows =
      regionLinks && regionLinks.organisations.length > 0
        ? await trx
            .selectFrom("organisations")
            .select(["id", "name", "version"])
            .where(
              "id",
              "in",
              idList(
                trx,
                regionLinks.organisations.map((linked) => linked.id),
              ),
            )
            .execute()
        : [];
    // a linked organisation changed since (its regions perhaps confirmed by hand) is not the import's to change back
    const linkedVersion = new Map(regionLinks?.organisations.map((linked) => [linked.id, linked.version]));
    const movedLinked = linkedRows.find((row) => linkedVersion.get(row.id) !== row.version);
    if (movedLinked) refuseUndo("organisations", movedLinked.id, movedLinked.name);
    const gone =
      records.length - organisationRows.length - peopleRows.length - affiliationRows.length - seatRows.length;
    if (gone > 0) throw new RegisterError("import.errors.undoGone");

    const person = (personId: number) => refuseUndo("people", personId, personName.get(personId) ?? String(personId));
    const organisation = (organisationId: number) =>
      refuseUndo("organisations", organisationId, organisationName.get(organisationId) ?? String(organisationId));
    const laterJob = await trx
      .selectFrom("affiliations")
      .select(["person_id", "organisation_id"])
      .where((eb) =>
        eb.or([eb("person_id", "in", idList(trx, people)), eb("organisation_id", "in", idList(trx, organisations))]),
      )
      .where("id", "not in", idList(trx, affiliations))
      .executeTakeFirst();
    if (laterJob)
      return personName.has(laterJob.person_id) ? person(laterJob.person_id) : organisation(laterJob.organisation_id);
    const laterSeat = await trx
      .selectFrom("seats")
      .select(["person_id", "organisation_id"])
      .where((eb) =>
        eb.or([eb("person_id", "in", idList(trx, people)), eb("organisation_id", "in", idList(trx, organisations))]),
      )
      .where("id", "not in", idList(trx, seats))
      .executeTakeFirst();
    if (laterSeat)
      return laterSeat.person_id !== null && personName.has(laterSeat.person_id)
        ? person(laterSeat.person_id)
        : organisation(laterSeat.organisation_id!);
    const attendance = await trx
      .selectFrom("attendance")
      .select(["person_id", "substitute_person_id", "organisation_id"])
      .where((eb) =>
        eb.or([
          eb("person_id", "in", idList(trx, people)),
          eb("substitute_person_id", "in", idList(trx, people)),
          eb("organisation_id", "in", idList(trx, organisations)),
          eb("seat_id", "in", idList(trx, seats)),
        ]),
      )
      .executeTakeFirst();
    if (attendance) {
      const who = [attendance.person_id, attendance.substitute_person_id].find((p) => p !== null && personName.has(p));
      return who ? person(who) : organisation(attendance.organisation_id!);
    }
    const panel = await trx
      .selectFrom("panel_members")
      .select(["person_id", "organisation_id"])
      .where((eb) =>
        eb.or([eb("person_id", "in", idList(trx, people)), eb("organisation_id", "in", idList(trx, organisations))]),
      )
      .executeTakeFirst();
    if (panel) return personName.has(panel.person_id) ? person(panel.person_id) : organisation(panel.organisation_id!);
    for (const reference of LATER_REFERENCES) {
      const ids = reference.entity === "people" ? people : organisations;
      const row = await trx
        .selectFrom(reference.table as "consents")
        .select(sql<number>`${sql.ref(reference.column)}`.as("referenced_id"))
        .where(sql.ref(reference.column), "in", idList(trx, ids))
        .executeTakeFirst();
      if (row) return reference.entity === "people" ? person(row.referenced_id) : organisation(row.referenced_id);
    }

    const summary = IMPORT_AUDIT_SUMMARIES.undone;
    for (const seat of seatRows) {
      await trx.deleteFrom("seats").where("id", "=", seat.id).execute();
      await recordAudit(trx, actor, { action: "delete", entity: "seats", entityId: seat.id, before: seat, summary });
    }
    for (const job of affiliationRows) {
      await trx.deleteFrom("affiliations").where("id", "=", job.id).execute();
      await recordAudit(trx, actor, {
        action: "delete",
        entity: "affiliations",
        entityId: job.id,
        before: job,
        summary,
      });
    }
    await trx
      .deleteFrom("external_ids")
      .where((eb) =>
        eb.or([
          eb.and([eb("entity", "=", "people"), eb("entity_id", "in", idList(trx, people))]),
          eb.and([eb("entity", "=", "organisations"), eb("entity_id", "in", idList(trx, organisations))]),
        ]),
      )
      .execute();
    for (const row of peopleRows) {
      const emails = await trx
        .selectFrom("person_emails")
        .select("email")
        .where("person_id", "=", row.id)
        .orderBy("id")
        .execute();
      await trx.deleteFrom("person_emails").where("person_id", "=", row.id).execute();
      await trx.deleteFrom("people").where("id", "=", row.id).execute();
      await recordAudit(trx, actor, {
        action: "delete",
        entity: "people",
        entityId: row.id,
        before: { ...row, emails: emails.map((e) => e.email) },
        summary,
      });
    }
    for (const linked of linkedRows)
      await updateAudited(
        trx,
        actor,
        "organisations",
        linked.id,
        linked.version,
        {},
        {
          summary,
          children: regionLink(regionLinks!.regionId, "remove"),
        },
      );
    for (const row of organisationRows) {
      await trx.deleteFrom("organisation_subregions").where("organisation_id", "=", row.id).execute();
      await trx.deleteFrom("organisation_regions").where("organisation_id", "=", row.id).execute();
      await trx.deleteFrom("organisations").where("id", "=", row.id).execute();
      await recordAudit(trx, actor, {
        action: "delete",
        entity: "organisations",
        entityId: row.id,
        before: row,
        summary,
      });
    }
    const counts = JSON.parse(batch.counts ?? "null") as ImportCounts | null;
    await advanceBatch(
      trx,
      actor,
      batch,
      { status: "undone", undone_at: new Date().toISOString(), undone_by: actor.id },
      { summary },
    );
    return counts ?? { organisations: 0, people: 0, affiliations: 0, seats: 0 };
  });
}

/** Forgets uploads never imported after a day: they hold people's data nobody chose to keep. */
export async function forgetStaleUploads(db: DB, now: Date = new Date()): Promise<void> {
  const dayBefore = new Date(now.getTime() - 86_400_000).toISOString();
  await db
    .updateTable("import_batches")
    .set({ content: null, preview: null, status: "failed" })
    .where("status", "in", ["uploaded", "previewed", "failed"])
    .where("content", "is not", null)
    .where("updated_at", "<", dayBefore)
    .execute();
}
