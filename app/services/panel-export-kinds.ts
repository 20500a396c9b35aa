/**
 * The downloads of a survey wave's panel, as they appear in the URL /onderzoek/:waveId/export/<kind>.
 * Kept apart from the file formats so the page's link list does not pull the CSV writers into the browser.
 */
export const PANEL_EXPORT_KINDS = [
  "limesurvey",
  "qualtrics",
  "csv",
  "xlsx",
  "organisaties-csv",
  "organisaties-limesurvey",
  "pseudoniem",
  "netwerk-pseudoniem",
] as const;
export type PanelExportKind = (typeof PANEL_EXPORT_KINDS)[number];

export function isPanelExportKind(value: unknown): value is PanelExportKind {
  return typeof value === "string" && (PANEL_EXPORT_KINDS as readonly string[]).includes(value);
}

/**
 * Files read by an import tool (LimeSurvey, Qualtrics) rather than by a person: an extra first row
 * saying "concept" would be imported as a participant or an answer option, so a draft wave gets none.
 */
export const IMPORT_TOOL_KINDS: readonly PanelExportKind[] = ["limesurvey", "qualtrics", "organisaties-limesurvey"];

/** Exports holding personal data (names, addresses, tokens, or pseudonyms that can be linked back): for researchers only. */
export const PERSONAL_DATA_KINDS: readonly PanelExportKind[] = [
  "limesurvey",
  "qualtrics",
  "csv",
  "xlsx",
  "pseudoniem",
  "netwerk-pseudoniem",
];
