export const lookup = {
  title: "Zoeken",
  label: "Zoeken in het register",
  placeholder: "Naam of e-mailadres…",
  submit: "Zoeken",
  shortcut: "Sneltoets: / of Ctrl+K",
  intro:
    "Zoek op naam, achternaam met of zonder tussenvoegsel, afkorting of e-mailadres. Hoofdletters en accenten maken niet uit.",
  fieldLabel: "Zoekterm",
  suggestions: "Zoeksuggesties",
  kinds: {
    person: "Persoon",
    organisation: "Organisatie",
    body: "Gremium",
  },
  groups: {
    person: "Personen",
    organisation: "Organisaties",
    body: "Gremia",
  },
  count_one: "{{count}} resultaat",
  count_other: "{{count}} resultaten",
  resultsFor: "Resultaten voor „{{query}}”",
  nothingFound: "Niets gevonden voor „{{query}}”. Probeer een deel van de naam of een ander woord.",
  moreThan: "Meer dan {{count}} resultaten",
  more: "Meer dan {{count}} resultaten; alleen de eerste {{count}} staan hier. Typ meer om gerichter te zoeken.",
  showAll: "Alle resultaten voor „{{query}}”",
  archived: "gearchiveerd",
} as const;
