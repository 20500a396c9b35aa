import type { retention as nl } from "../nl/retention";
import type { Messages } from "../shape";

export const retention: Messages<typeof nl> = {
  title: "Retention period",
  intro:
    "People without a current job or seat for longer than the retention period: their last job or seat ended more than {{count}} months ago, or they never had one and have been in the register that long. Review whether their data is still needed; archive or erase whoever's is not.",
  settings: {
    legend: "Which people",
    months: "Retention period in months",
    monthsHint: "From 1 to 240. The configured period is {{count}} months (KRING_RETENTION_MONTHS).",
    monthsInvalid: "Enter a whole number of months from 1 to 240. The list now shows the configured {{count}} months.",
    includeArchived: "Also show archived people",
    show: "Show",
  },
  count_one: "1 person to review (no job or seat ended after {{cutoff}}).",
  count_other: "{{count}} people to review (no job or seat ended after {{cutoff}}).",
  empty: "Nobody is beyond the retention period of {{count}} months.",
  caption: "People beyond the retention period",
  columns: {
    choose: "Choose",
    name: "Name",
    lastPlace: "Last organisation or body",
    lastEnd: "Last job or seat ended",
    panel: "Frozen panel",
  },
  choosePerson: "Choose {{name}}",
  neverHeld: "never a job or seat",
  archived: "archived",
  inFrozenPanel: "yes",
  notInFrozenPanel: "no",
  selectAll: "Choose everyone on this page",
  selectNone: "Clear the choice",
  bulkLegend: "With the people chosen",
  archive: "Archive…",
  erase: "Erase…",
  nothingChosen: "First choose one or more people in the list.",
  confirm: {
    archiveTitle: "Confirm archiving",
    eraseTitle: "Confirm erasure",
    archiveIntro_one:
      "You are archiving this person. Archived people disappear from lists and pickers; nothing is deleted and you can restore them on their own page.",
    archiveIntro_other:
      "You are archiving these {{count}} people. Archived people disappear from lists and pickers; nothing is deleted and you can restore them on their own page.",
    eraseWarningTitle: "Erasure cannot be undone",
    eraseIntro_one: "You are erasing this person under the GDPR (right to erasure).",
    eraseIntro_other: "You are erasing these {{count}} people under the GDPR (right to erasure).",
    eraseRemoves:
      "Removed are: name, email addresses, phone, notes, consents and job titles, also from the audit log. Seats, jobs and attendance stay as ‘deleted person’, so counts of the past stay right; current jobs and seats end today.",
    eraseFrozenPanels:
      "Whoever is in a frozen panel stays there as ‘erased person’, so that survey's response figures stay right.",
    eraseFinal: "This cannot be undone; backups from before the erasure still hold the data until they expire.",
    confirmArchive: "Confirm: archive",
    confirmErase: "Confirm: erase for good",
    cancel: "Cancel",
    noneLeft: "None of the people chosen is beyond the retention period any more. Nothing was done.",
    dropped_one: "1 person chosen is no longer beyond the retention period and was left out.",
    dropped_other: "{{count}} people chosen are no longer beyond the retention period and were left out.",
    changed_one:
      "1 person changed since you confirmed (edited, a new job or seat, or archived already). Nothing was done; check the list below and confirm again.",
    changed_other:
      "{{count}} people changed since you confirmed (edited, a new job or seat, or archived already). Nothing was done; check the list below and confirm again.",
  },
  notices: {
    gearchiveerd: "The people chosen have been archived.",
    gewist: "The people chosen have been erased.",
  },
};
