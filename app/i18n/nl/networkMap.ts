export const networkMap = {
  title: "Netwerkkaart",
  heading: "Netwerkkaart op {{date}}",
  intro:
    "Elke stip is een organisatie (of gremium of persoon), gekleurd naar sector en groter naarmate zij met meer anderen verbonden is. Klik op een organisatie om haar pagina te openen.",
  toTable: "Bekijk als tabel",
  canvasLabel: "Netwerkkaart met {{nodes}} knopen en {{edges}} verbindingen",
  description:
    "De kaart is een plaatje van het netwerk; de tabel op de netwerkpagina geeft dezelfde cijfers per organisatie, in tekst.",
  loading: "De kaart wordt geladen…",
  unavailable: "Deze browser kan de kaart niet tekenen (WebGL 2 ontbreekt of staat uit). De cijfers staan in de tabel.",
  capped:
    "De kaart toont de {{shown}} best verbonden knopen van {{total}} en de {{edges}} sterkste verbindingen tussen hen; {{leftOutNodes}} knopen en {{leftOutEdges}} verbindingen zijn weggelaten. De tabel toont ze allemaal.",
  complete: "De kaart toont alle {{nodes}} knopen en {{edges}} verbindingen.",
  empty: {
    heading: "Geen netwerk om te tekenen",
    noSeats: "Op {{date}} bezet niemand een zetel in de gremia die bij deze filters horen: er is geen netwerk.",
    noTies:
      "Op {{date}} zijn er wel zetels, maar met deze filters delen geen twee knopen een gremium of vergadering: er zijn geen verbindingen om te tekenen.",
  },
  filters: {
    label: "Filters van de kaart",
    kind: "Soort netwerk",
    date: "Datum",
    level: "Niveau van het gremium",
    anyLevel: "alle niveaus",
    more: "Andere filters (gremiumsoort, subregio, sector, thema, vergaderingen) kiest u op de netwerkpagina; de kaart neemt ze over.",
  },
  kinds: {
    organisaties: "Organisaties",
    "personen-gremia": "Personen en gremia",
    gremia: "Gremia",
  },
  zoom: {
    label: "Zoomen",
    in: "Inzoomen",
    out: "Uitzoomen",
    reset: "Hele kaart",
  },
  search: {
    label: "Zoek op de kaart",
    hint: "Typ een deel van een naam; kies een resultaat om het op de kaart te tonen.",
    found_one: "{{count}} resultaat",
    found_other: "{{count}} resultaten",
  },
  selected: "{{name}}: verbonden met {{degree}} andere.",
  open: "Open de pagina van {{name}}",
  legend: {
    heading: "Legenda: sectoren",
    entry: "{{name}} ({{count}})",
    none: "Geen sector",
    body: "Gremium",
    person: "Persoon",
  },
};
