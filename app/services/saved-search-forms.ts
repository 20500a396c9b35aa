import { z } from "zod";
import { checkbox, type FormFailure, messageKey, positiveInt, requiredText } from "./form-data";
import type { Notice } from "./notices";

/** The forms of the saved searches page (/personen/zoekopdrachten), shared by the page and its action. */

export const renameSchema = z.object({
  intent: z.literal("rename"),
  id: positiveInt(),
  version: positiveInt(),
  name: requiredText(120),
});

/** Archiving needs a ticked box: a confirmation step that works without JavaScript. */
export const archiveSchema = z.object({
  intent: z.literal("archive"),
  id: positiveInt(),
  version: positiveInt(),
  confirm: checkbox().refine((ticked) => ticked, messageKey("savedSearches.errors.confirmArchive")),
});

/** Restoring, from the archived list or from the undo button after archiving. */
export const restoreSchema = z.object({
  intent: z.enum(["restore", "undo"]),
  id: positiveInt(),
  version: positiveInt(),
});

export const SAVED_SEARCH_SCHEMAS = {
  rename: renameSchema,
  archive: archiveSchema,
  restore: restoreSchema,
  undo: restoreSchema,
} as const;
export type SavedSearchIntent = keyof typeof SAVED_SEARCH_SCHEMAS;
export const isSavedSearchIntent = (value: unknown): value is SavedSearchIntent =>
  typeof value === "string" && Object.hasOwn(SAVED_SEARCH_SCHEMAS, value);

export type SavedSearchChange = z.output<(typeof SAVED_SEARCH_SCHEMAS)[SavedSearchIntent]>;

/**
 * The notices of the page, each naming the search it is about; `bewaard` comes from the people
 * list's "save search" form.
 */
export const SAVED_SEARCH_NOTICES = [
  "bewaard",
  "hernoemd",
  "gearchiveerd",
  "hersteld",
  "ongedaan",
] as const satisfies readonly Notice[];
export type SavedSearchNoticeKind = (typeof SAVED_SEARCH_NOTICES)[number];

/** What the page's action answers when it does not redirect: a form refused, named by its intent and search. */
export type SavedSearchAnswer = FormFailure & { kind: "refused"; intent: SavedSearchIntent; id: string | null };
