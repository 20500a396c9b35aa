import { z } from "zod";
import type { MergedEntity } from "../../db/schema";
import { checkbox, messageKey, positiveInt } from "./form-data";
import { type FieldChoices, MERGE_FIELDS } from "./merge-plan";

/**
 * The merge page's form, shared by the browser and the action: the versions both records had when
 * the page was shown, a radio per field ("keep_<field>": which record's value stays) and the
 * confirmation. Browser-safe.
 */

export const keepField = (field: string) => `keep_${field}`;

const side = z.enum(["survivor", "merged"]).optional();

export function mergeSchema(entity: MergedEntity) {
  return z.object({
    survivorVersion: positiveInt(),
    mergedVersion: positiveInt(),
    confirm: checkbox().refine((ticked) => ticked, messageKey("merge.confirmRequired")),
    ...Object.fromEntries(MERGE_FIELDS[entity].map((field) => [keepField(field), side])),
  });
}

/** The choices the form carries, field by field. */
export function fieldChoicesFrom(entity: MergedEntity, data: Record<string, unknown>): FieldChoices {
  return Object.fromEntries(
    MERGE_FIELDS[entity].flatMap((field) => {
      const chosen = data[keepField(field)];
      return chosen === "survivor" || chosen === "merged" ? [[field, chosen]] : [];
    }),
  );
}

/** The one intent of the survivor's page that takes a merge back; `merge` names it. */
export const UNDO_MERGE_INTENT = "undoMerge";

export const undoMergeSchema = z.object({ merge: positiveInt() });
