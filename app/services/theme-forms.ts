import { z } from "zod";
import { archiveSchemas as sharedArchiveSchemas } from "./archive-forms";
import { THEME_KINDS } from "../../db/schema";
import { choice, idList, optionalId, optionalText, positiveInt, requiredId, requiredText } from "./form-data";
import { fundingMarkersField } from "./governance";
import type { Notice } from "./notices";

/**
 * The forms of themes and plans, shared by the browser and the actions. The "new" and "edit"
 * forms of each hold the same fields (named after the columns, so a conflict list can label
 * them); editing adds the version the editor saw.
 */

export const themeFields = {
  name: requiredText(120),
  kind: choice(THEME_KINDS),
  description: optionalText(2000),
};

export const planFields = {
  name: requiredText(200),
  theme_id: requiredId(),
  funding_markers: fundingMarkersField,
  lead_organisation_id: optionalId(),
  subregion_ids: idList(),
  description: optionalText(2000),
};

export const newThemeSchema = z.object(themeFields);

export const newPlanSchema = z.object({
  ...planFields,
  /** empty: "Projectteam <plan>" */
  team_name: optionalText(220),
});

/** Themes and plans archive alike; "undo" after archiving restores against the version it produced. */
export const archiveSchemas = {
  ...sharedArchiveSchemas("themes.errors.confirmArchive"),
  undo: z.object({ intent: z.literal("undo"), version: positiveInt() }),
};

/** The edit page's forms, one per intent. */
export const editThemeSchemas = {
  save: z.object({ intent: z.literal("save"), version: positiveInt(), ...themeFields }),
  ...archiveSchemas,
};

export const editPlanSchemas = {
  save: z.object({ intent: z.literal("save"), version: positiveInt(), ...planFields }),
  ...archiveSchemas,
};

export type EditIntent = keyof typeof editThemeSchemas;
const EDIT_INTENTS: readonly string[] = Object.keys(editThemeSchemas);
export const isEditIntent = (value: unknown): value is EditIntent =>
  typeof value === "string" && EDIT_INTENTS.includes(value);

/** The notice after each form of the edit page, which the page shows (an archive's with its undo). */
export const EDIT_NOTICES = {
  save: "opgeslagen",
  archive: "gearchiveerd",
  restore: "hersteld",
  undo: "ongedaan",
} as const satisfies Record<EditIntent, Notice>;
export type EditNotice = (typeof EDIT_NOTICES)[EditIntent];
