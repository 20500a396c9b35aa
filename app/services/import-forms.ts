import { z } from "zod";
import { checkbox, messageKey, positiveInt } from "./form-data";

/**
 * The forms of an import's page, shared by the page (react-hook-form) and its action. The mapping
 * form's columns (`column-<n>`) vary with the file: they are read by mappingFrom (import-fields.ts).
 */
export const previewSchema = z.object({ intent: z.literal("preview"), version: positiveInt() }).passthrough();

export const importSchema = z.object({
  intent: z.literal("import"),
  version: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, messageKey("import.errors.confirm")),
});

export const undoSchema = z.object({
  intent: z.literal("undo"),
  version: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, messageKey("import.errors.confirm")),
});

export const IMPORT_PAGE_SCHEMAS = { preview: previewSchema, import: importSchema, undo: undoSchema } as const;
export type ImportIntent = keyof typeof IMPORT_PAGE_SCHEMAS;
export const isImportIntent = (value: unknown): value is ImportIntent =>
  typeof value === "string" && Object.hasOwn(IMPORT_PAGE_SCHEMAS, value);
