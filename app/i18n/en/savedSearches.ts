import type { savedSearches as nl } from "../nl/savedSearches";
import type { Messages } from "../shape";

export const savedSearches: Messages<typeof nl> = {
  title: "Saved searches",
  intro:
    "A saved search remembers the people list's filter, not its result: whoever uses it, for example to invite people to a network meeting, gets the people who match at that moment.",
  back: "To the people",
  empty: "There are no saved searches yet. Filter the people list and choose “Save search” there.",
  emptyArchived: "There are no archived searches.",
  columns: {
    name: "Name",
    filter: "Looks for",
    matches: "Found today",
    actions: "Change",
  },
  matches_one: "Show {{count}} person",
  matches_other: "Show {{count}} people",
  filter: {
    q: "name or e-mail address contains “{{q}}”",
    organisation: "works at {{organisation}}",
    organisationUnknown: "works at an organisation no longer in the register",
    researchConsent: "has consented to research mail",
    joiner: " and ",
    unreadable: "filter unreadable: finds nobody",
  },
  edit: {
    summary: "Change",
    summaryLabel: "Change “{{name}}”",
    name: "New name",
    renameSubmit: "Save name",
    archiveText: "An archived search no longer appears in the lists; meetings that invited with it keep it.",
    archiveConfirm: "Yes, archive “{{name}}”",
    archiveSubmit: "Archive",
    restoreSubmit: "Restore",
    restoreLabel: "Restore “{{name}}”",
  },
  archived: {
    heading: "Archived searches",
    show: "Show archived searches",
    hide: "Back to the current searches",
    since: "archived on {{date}}",
  },
  notices: {
    saved: "Search “{{name}}” saved.",
    renamed: "The name has been changed to “{{name}}”.",
    archived: "“{{name}}” has been archived.",
    restored: "“{{name}}” has been restored.",
    undoRefused: "Undo did not succeed",
    undoStale: "Someone else has changed the search meanwhile. Reload the page and look again.",
  },
  saveForm: {
    heading: "Save search",
    name: "Name of the search",
    hint: "Saves this filter (search text, organisation, consent), not its result: whoever uses it later gets whoever matches then.",
    submit: "Save search",
    list: "Saved searches",
  },
  fieldLabels: {
    name: "Name",
    archived_at: "Archived",
  },
  errors: {
    filterEmpty: "There is no filter to save: search by name, organisation or consent first.",
    filterInvalid: "This filter cannot be saved. Filter the people list again and try once more.",
    nameTaken: "There already is a saved search “{{name}}”. Choose another name.",
    nameTakenArchived: "There already is an archived search “{{name}}”. Choose another name, or restore that search.",
    confirmArchive: "Tick the box to confirm you want to archive this search.",
    alreadyArchived: "This search is already archived.",
    notArchived: "This search is not archived.",
  },
};
