import type { overviews as nl } from "../nl/overviews";
import type { Messages } from "../shape";

export const overviews: Messages<typeof nl> = {
  title: "Overviews",
  intro:
    "Who represents which organisation where, on a chosen date. Both overviews can be printed and downloaded as CSV or Excel, exactly as shown.",
  matrixLink: "Matrix of organisations × bodies",
  matrixText: "Per organisation (row) and body (column), who sits there on the organisation's behalf.",
  perOrganisation: "Who sits where, per organisation",
  perOrganisationText: "Every seat held on behalf of one organisation.",
  chooseOrganisation: "Organisation",
  open: "Open",
  date: "Reference date",
  level: "Level",
  subregion: "Subregion of the organisation",
  sector: "Sector",
  all: "All",
  show: "Show",
  invalidDate: "“{{value}}” is not a valid date; today's state is shown.",
  download: "Download",
  csv: "CSV",
  xlsx: "Excel (XLSX)",
  print: "Print",
  matrix: {
    title: "Matrix of organisations × bodies",
    heading: "Organisations × bodies on {{date}}",
    caption: "Who represents which organisation in which body, on {{date}}",
    organisation: "Organisation",
    sector: "Sector",
    empty: "On this date no seats match these filters.",
    count: "{{organisations}} organisations, {{bodies}} bodies",
    narrow:
      "The whole network does not fit one table. Choose a level, a subregion or a sector to show the matrix; the download (CSV or Excel) has the whole network.",
    paged:
      "{{size}} organisations a page; as columns the bodies in which the organisations on this page have seats ({{bodies}} of {{allBodies}}).",
    fileTitle: "Matrix organisations and bodies {{date}}",
  },
  organisation: {
    title: "Who sits where for {{name}}",
    heading: "Who sits where for {{name}} on {{date}}",
    body: "Body",
    level: "Level",
    person: "Person",
    role: "Role",
    since: "Since",
    until: "Until",
    empty: "On this date nobody sits in a body on behalf of this organisation.",
    back: "To the organisation",
    fileTitle: "Seats {{name}} {{date}}",
  },
};
