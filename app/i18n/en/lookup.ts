import type { lookup as nl } from "../nl/lookup";
import type { Messages } from "../shape";

export const lookup: Messages<typeof nl> = {
  title: "Search",
  label: "Search the register",
  placeholder: "Name or e-mail address…",
  submit: "Search",
  shortcut: "Shortcut: / or Ctrl+K",
  intro:
    "Search by name, surname with or without its prefix, abbreviation or e-mail address. Capitals and accents do not matter.",
  fieldLabel: "Search for",
  suggestions: "Search suggestions",
  kinds: {
    person: "Person",
    organisation: "Organisation",
    body: "Body",
  },
  groups: {
    person: "People",
    organisation: "Organisations",
    body: "Bodies",
  },
  count_one: "{{count}} result",
  count_other: "{{count}} results",
  resultsFor: "Results for “{{query}}”",
  nothingFound: "Nothing found for “{{query}}”. Try part of the name or another word.",
  moreThan: "More than {{count}} results",
  more: "More than {{count}} results; only the first {{count}} are shown. Type more to narrow the search.",
  showAll: "All results for “{{query}}”",
  archived: "archived",
};
