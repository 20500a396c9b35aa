export const governance = {
  subregions: {
    legend: "Subregio's",
    bodyHint:
      "Kies geen subregio als het gremium voor de hele regio werkt, en meer dan één als het meerdere subregio's beslaat.",
    planHint:
      "Kies geen subregio als het plan voor de hele regio is, en meer dan één als het meerdere subregio's beslaat.",
  },
  frequency: {
    legend: "Vergaderfrequentie in weken",
    hint: "Bijvoorbeeld elke 2 tot 4 weken. Vul beide in, of laat beide leeg als alleen het aantal per jaar bekend is.",
    min: "Elke (weken, minstens)",
    max: "tot (weken, hoogstens)",
    label: "Vergaderfrequentie",
    range: "elke {{min}} tot {{max}} weken",
    every: "elke {{weeks}} weken",
    weekly: "elke week",
    perYear: "{{min}} tot {{max}} per jaar",
  },
  decision: {
    label: "Besluitvorming",
    unknown: "— niet vastgelegd —",
    modes: {
      consent: "op basis van consent",
      consensus: "bij consensus",
      consensus_anders_meerderheid: "zoveel mogelijk bij consensus, anders bij gewone meerderheid",
      meerderheid: "bij meerderheid van stemmen",
      unaniem: "unaniem",
    },
  },
  funding: {
    legend: "Financiering",
    hint: "Kies ten minste één. Een plan kan er meer hebben, bijvoorbeeld andere financiering én op de IZA-wachtlijst.",
  },
  constituency: {
    legend: "Namens",
    organisation: "een organisatie",
    constituency: "een achterban (een sector, een subregio of een sector in een subregio)",
    sector: "Sector van de achterban",
    subregion: "Subregio van de achterban",
    anySector: "— alle sectoren —",
    wholeRegion: "— hele regio —",
    onBehalf: "achterban {{what}}",
  },
  leads: {
    heading: "Programmaleiders",
    intro: "Wie het programma of thema leidt (programmaleider, themaleider), met de periode.",
    none: "Nog geen programmaleiders vastgelegd.",
    person: "Persoon",
    since: "Vanaf",
    until: "Tot en met",
    ongoing: "heden",
    addHeading: "Programmaleider toevoegen",
    add: "Toevoegen",
    end: "Beëindigen",
    endLabel: "{{name}} als programmaleider beëindigen",
    endDate: "Laatste dag",
    confirmEnd: "Ja, beëindig deze periode",
    added: "De programmaleider is toegevoegd.",
    ended: "De periode van de programmaleider is beëindigd.",
  },
  errors: {
    intervalIncomplete: "Vul beide grenzen van de vergaderfrequentie in (elke … tot … weken), of laat beide leeg.",
    intervalReversed:
      "De vergaderfrequentie loopt van het kleinste naar het grootste aantal weken: het eerste getal mag niet groter zijn dan het tweede.",
    fundingRequired: "Kies ten minste één financiering.",
    constituencyEmpty: "Kies de sector of de subregio van de achterban, of kies ‘namens een organisatie’.",
    organisationAndConstituency:
      "Een zetel is namens een organisatie óf namens een achterban, niet allebei: maak het veld Organisatie leeg of kies ‘namens een organisatie’.",
    choosePerson: "Kies de persoon die programmaleider is.",
    confirmEnd: "Vink aan dat u deze periode wilt beëindigen.",
    leadEnded: "Deze periode is al beëindigd.",
  },
} as const;
