import { json, redirect, type TypedResponse } from "@remix-run/node";
import type { DB } from "../../db/index";
import type { Language } from "../../db/schema";
import type { Actor } from "../models/audit.server";
import { RegisterError } from "../models/editing.server";
import { regionOrFirst } from "../models/regions.server";
import { regionIdFrom } from "./region-choice";
import {
  createImportBatch,
  forgetStaleUploads,
  getImportBatch,
  previewImportBatch,
  runImport,
  startImport,
  startImportPreview,
  undoImport,
} from "../models/imports.server";
import { logger } from "../server/log";
import { FORM_ERROR, type FormFailure, formFailure, messageKey, parseForm } from "./form-data";
import { doubleFields, IMPORT_MAX_BYTES, mappingFrom, suggestMapping } from "./import-fields";
import { readImportFile } from "./import-file.server";
import { IMPORT_PAGE_SCHEMAS, isImportIntent } from "./import-forms";
import { importProgress } from "./import-progress.server";
import { PAGE_SIZE } from "./list-params";
import { withNotice } from "./notices";
import { refusalResponse } from "./refusal.server";
import { megabytesText } from "./upload-limits";

/**
 * What the import pages' actions and loader do beyond parsing: the upload read and kept, the
 * preview and the import started in the server process (their pages follow the progress), the
 * undo. The routes stay thin.
 */

/** The upload form's refusal. */
export type UploadAnswer = { kind: "refused" } & FormFailure;

/** Work that goes on after the answer: a failure is logged, the batch's status tells the page. */
function inBackground(what: string, batchId: number, work: Promise<unknown>) {
  work.catch((error: unknown) => {
    if (error instanceof RegisterError) return;
    logger.error(`import ${what} failed`, {
      batch: batchId,
      error: error instanceof Error ? error.message : String(error),
    });
  });
}

export async function answerImportUpload(
  db: DB,
  actor: Actor,
  formData: FormData,
  language: Language,
): Promise<TypedResponse<UploadAnswer>> {
  const file = formData.get("file");
  const refuse = (message: string, status = 400) =>
    json({ kind: "refused" as const, ...formFailure(formData, { file: message as never }) }, { status });
  if (!(file instanceof File) || (file.name === "" && file.size === 0)) return refuse("import.errors.chooseFile");
  if (file.size > IMPORT_MAX_BYTES)
    return refuse(messageKey("import.errors.tooLarge", { limit: megabytesText(IMPORT_MAX_BYTES, language) }), 413);
  const read = await readImportFile(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return refuse(read.message);
  await forgetStaleUploads(db);
  const regionId = await regionOrFirst(db, regionIdFrom(formData));
  let id: number;
  try {
    id = await createImportBatch(db, actor, file.name, read.table, suggestMapping(read.table.headers), regionId);
  } catch (error) {
    if (error instanceof RegisterError) return refuse(error.messageKey);
    throw error;
  }
  return redirect(withNotice(`/importeren/${id}`, "aangemaakt"));
}

/** What the batch page's forms answer when they do not redirect. */
export type ImportPageAnswer = { intent: string } & FormFailure;

export async function answerImportPost(db: DB, actor: Actor, batchId: number, formData: FormData) {
  const intent = formData.get("intent");
  if (!isImportIntent(intent)) throw new Response(null, { status: 400 });
  const parsed = parseForm(IMPORT_PAGE_SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent }, { status: 400 });
  const here = `/importeren/${batchId}`;
  try {
    if (intent === "preview") {
      const batch = await getImportBatch(db, batchId);
      if (!batch) throw new Response(null, { status: 404 });
      const columns = batch.table?.headers.length ?? 0;
      const mapping = mappingFrom(formData, columns);
      if (!mapping) throw new Response(null, { status: 400 });
      const doubles = doubleFields(mapping);
      if (doubles.length > 0)
        return json(
          {
            intent,
            ...formFailure(formData, { [FORM_ERROR]: messageKey("import.mapping.double", { field: doubles[0]! }) }),
          },
          { status: 400 },
        );
      await startImportPreview(db, actor, batchId, parsed.data.version, mapping);
      inBackground("preview", batchId, previewImportBatch(db, batchId));
      return redirect(here);
    }
    if (intent === "import") {
      const version = await startImport(db, actor, batchId, parsed.data.version);
      // a refusal inside (the register changed since the preview) shows as a new preview
      inBackground(
        "run",
        batchId,
        runImport(db, actor, batchId, version).catch(async (error: unknown) => {
          await previewImportBatch(db, batchId);
          throw error;
        }),
      );
      return redirect(here);
    }
    await undoImport(db, actor, batchId, parsed.data.version);
    return redirect(withNotice(here, "ongedaan"));
  } catch (error) {
    return refusalResponse(error, formData, { intent });
  }
}

/** Preview rows per page. */
export const PREVIEW_PAGE_SIZE = 2 * PAGE_SIZE;

/** The batch page's data: the file's columns with an example, the preview's page, the progress. */
export async function importPageData(db: DB, batchId: number, search: URLSearchParams) {
  const batch = await getImportBatch(db, batchId);
  if (!batch) throw new Response(null, { status: 404, statusText: "Not Found" });
  const onlyProblems = search.get("alleen") === "problemen";
  const rows = (batch.preview?.rows ?? []).filter(
    (row) => !onlyProblems || row.errors.length > 0 || row.warnings.length > 0,
  );
  const pages = Math.max(1, Math.ceil(rows.length / PREVIEW_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(search.get("pagina")) || 1));
  const from = (page - 1) * PREVIEW_PAGE_SIZE;
  return {
    batch: {
      id: batch.id,
      fileName: batch.fileName,
      status: batch.status,
      version: batch.version,
      rowCount: batch.rowCount,
      createdAt: batch.createdAt,
      importedAt: batch.importedAt,
      undoneAt: batch.undoneAt,
      counts: batch.counts,
      hasContent: batch.table !== null,
      format: batch.table?.format ?? null,
      encoding: batch.table?.encoding ?? null,
      delimiter: batch.table?.delimiter ?? null,
    },
    columns: (batch.table?.headers ?? []).map((header, i) => ({
      header,
      example: batch.table?.rows[0]?.[i] ?? "",
      field: batch.mapping?.[i] ?? null,
    })),
    preview: batch.preview
      ? {
          errorRows: batch.preview.errorRows,
          warningRows: batch.preview.warningRows,
          creates: batch.preview.creates,
          rows: rows.slice(from, from + PREVIEW_PAGE_SIZE),
          page: {
            page,
            pages,
            total: rows.length,
            from: rows.length === 0 ? 0 : from + 1,
            to: Math.min(rows.length, from + PREVIEW_PAGE_SIZE),
          },
          onlyProblems,
        }
      : null,
    progress: importProgress(batch.id),
  };
}
