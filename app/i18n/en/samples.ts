import type { samples as nl } from "../nl/samples";
import type { Messages } from "../shape";

export const samples: Messages<typeof nl> = {
  title: "Interview samples",
  drawLink: "Draw an interview sample",
  list: {
    title: "Interview samples of {{name}}",
    back: "Back to the panel of {{name}}",
    intro:
      "Draw a stratified random sample for the interviews from the frozen panel. Each sample is stored with its seed, so the same draw can be made again later.",
    eligible_one: "{{count}} panel member is eligible (erased members and members excluded later not counted).",
    eligible_other: "{{count}} panel members are eligible (erased members and members excluded later not counted).",
    drawHeading: "Draw a new sample",
    listHeading: "Samples drawn",
    none: "No sample has been drawn for this wave yet.",
    open: "View the sample of {{size}} of {{date}}",
  },
  fields: {
    size: "Number of people (N)",
    sizeHint: "This many people are drawn, divided over the panel's strata in proportion.",
    seed: "Seed",
    seedHint: "Leave empty for a new random seed. Enter the seed of an earlier sample to draw it again.",
  },
  submit: "Draw the sample",
  columns: {
    drawnAt: "Drawn at",
    drawnBy: "Drawn by",
    size: "Size",
    seed: "Seed",
    population: "Drawn from",
    inPanel: "Eligible",
    inSample: "In the sample",
    name: "Name",
    email: "E-mail address",
    organisation: "Organisation",
    stratum: "Stratum",
    status: "Status",
    pseudonym: "Pseudonym",
  },
  sample: {
    title: "Interview sample of {{name}}",
    back: "All samples of {{name}}",
    drawn: "The sample was drawn and stored.",
    methodHeading: "For the method section",
    methodHint: "This paragraph says how the sample was drawn; copy it into the research report.",
    method:
      "From the frozen panel of {{wave}} (reference date {{referenceDate}}), a stratified random sample of {{size}} people was drawn on {{drawnDay}} from the {{population}} eligible panel members (members erased or excluded after the freeze not counted). The strata are level × sector × subregion of the organisation, as in the panel's counts ({{strata}} strata). Each stratum's number was allocated in proportion and rounded by the largest-remainder method (Hamilton). Within each stratum, in order of person number, people were drawn by a partial Fisher–Yates shuffle with the pseudo-random generator {{prng}} and seed {{seed}}; with the same panel and seed, Kring draws the same people.",
    strataHeading: "Allocation per stratum",
    strataCaption: "Eligible panel members and people drawn per level × sector × subregion",
    membersHeading: "People drawn",
    redraw: "Draw again with seed {{seed}}",
    status: {
      erased: "erased at their request",
      excluded: "excluded after the draw",
      current: "in the panel",
    },
  },
  downloads: {
    heading: "Downloads",
    intro:
      "With names and addresses for the network office that plans the interviews; with pseudonyms (the same as in the panel's research file) for the research file.",
    byName: "With names ({{format}})",
    pseudonymised: "With pseudonyms ({{format}})",
  },
  files: {
    byName: "Interview sample {{wave}} {{date}}",
    pseudonymised: "Interview sample {{wave}} {{date}} pseudonyms",
  },
  errors: {
    size: "Enter the number of people as a whole number from 1 to 100 000.",
    tooLarge: "A sample of {{size}} people is not possible: the panel has only {{population}} eligible people.",
    emptyPanel: "Nobody in this panel is eligible: every member was erased or excluded later.",
    draft: "This wave is still a draft: freeze its panel first, then a sample can be drawn from it.",
  },
};
