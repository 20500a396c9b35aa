import type { governance as nl } from "../nl/governance";
import type { Messages } from "../shape";

export const governance: Messages<typeof nl> = {
  subregions: {
    legend: "Subregions",
    bodyHint: "Choose no subregion when the body works for the whole region, and more than one when it spans several.",
    planHint: "Choose no subregion when the plan is for the whole region, and more than one when it spans several.",
  },
  frequency: {
    legend: "Meeting frequency in weeks",
    hint: "For instance every 2 to 4 weeks. Fill in both, or leave both empty when only the number per year is known.",
    min: "Every (weeks, at least)",
    max: "to (weeks, at most)",
    label: "Meeting frequency",
    range: "every {{min}} to {{max}} weeks",
    every: "every {{weeks}} weeks",
    weekly: "every week",
    perYear: "{{min}} to {{max}} a year",
  },
  decision: {
    label: "Decision making",
    unknown: "— not recorded —",
    modes: {
      consent: "by consent",
      consensus: "by consensus",
      consensus_anders_meerderheid: "by consensus where possible, else by simple majority",
      meerderheid: "by majority vote",
      unaniem: "unanimously",
    },
  },
  funding: {
    legend: "Funding",
    hint: "Choose at least one. A plan may have more, for instance other funding and on the IZA waiting list.",
  },
  constituency: {
    legend: "On behalf of",
    organisation: "an organisation",
    constituency: "a constituency (a sector, a subregion or a sector in a subregion)",
    sector: "Sector of the constituency",
    subregion: "Subregion of the constituency",
    anySector: "— all sectors —",
    wholeRegion: "— whole region —",
    onBehalf: "constituency {{what}}",
  },
  leads: {
    heading: "Programme leads",
    intro: "Who leads the programme or theme (programme lead, theme lead), with the period.",
    none: "No programme leads recorded yet.",
    person: "Person",
    since: "From",
    until: "To",
    ongoing: "present",
    addHeading: "Add a programme lead",
    add: "Add",
    end: "End",
    endLabel: "End {{name}} as programme lead",
    endDate: "Last day",
    confirmEnd: "Yes, end this period",
    added: "The programme lead has been added.",
    ended: "The programme lead's period has ended.",
  },
  errors: {
    intervalIncomplete: "Fill in both bounds of the meeting frequency (every … to … weeks), or leave both empty.",
    intervalReversed:
      "The meeting frequency runs from the fewest to the most weeks: the first number may not be larger than the second.",
    fundingRequired: "Choose at least one funding marker.",
    constituencyEmpty: "Choose the sector or the subregion of the constituency, or choose ‘an organisation’.",
    organisationAndConstituency:
      "A seat is on behalf of an organisation or of a constituency, not both: empty the Organisation field or choose ‘an organisation’.",
    choosePerson: "Choose the person who is programme lead.",
    confirmEnd: "Tick the box to end this period.",
    leadEnded: "This period has already ended.",
  },
};
