import type { networkMap as nl } from "../nl/networkMap";
import type { Messages } from "../shape";

export const networkMap: Messages<typeof nl> = {
  title: "Network map",
  heading: "Network map on {{date}}",
  intro:
    "Each dot is an organisation (or body or person), coloured by sector and larger the more others it is connected to. Click an organisation to open its page.",
  toTable: "View as a table",
  canvasLabel: "Network map with {{nodes}} nodes and {{edges}} ties",
  description:
    "The map is a picture of the network; the table on the network page gives the same figures per organisation, in text.",
  loading: "Loading the map…",
  unavailable: "This browser cannot draw the map (WebGL 2 is missing or switched off). The figures are in the table.",
  capped:
    "The map shows the {{shown}} best-connected nodes of {{total}} and the {{edges}} strongest ties among them; {{leftOutNodes}} nodes and {{leftOutEdges}} ties are left out. The table shows them all.",
  complete: "The map shows all {{nodes}} nodes and {{edges}} ties.",
  empty: {
    heading: "No network to draw",
    noSeats: "On {{date}} nobody holds a seat in the bodies these filters select: there is no network.",
    noTies:
      "On {{date}} there are seats, but with these filters no two nodes share a body or meeting: there are no ties to draw.",
  },
  filters: {
    label: "Map filters",
    kind: "Kind of network",
    date: "Date",
    level: "Level of the body",
    anyLevel: "all levels",
    more: "Choose other filters (body kind, subregion, sector, theme, meetings) on the network page; the map takes them over.",
  },
  kinds: {
    organisaties: "Organisations",
    "personen-gremia": "People and bodies",
    gremia: "Bodies",
  },
  zoom: {
    label: "Zoom",
    in: "Zoom in",
    out: "Zoom out",
    reset: "Whole map",
  },
  search: {
    label: "Search the map",
    hint: "Type part of a name; choose a result to show it on the map.",
    found_one: "{{count}} result",
    found_other: "{{count}} results",
  },
  selected: "{{name}}: connected to {{degree}} others.",
  open: "Open the page of {{name}}",
  legend: {
    heading: "Legend: sectors",
    entry: "{{name}} ({{count}})",
    none: "No sector",
    body: "Body",
    person: "Person",
  },
};
