export const samples = {
  title: "Interviewsteekproeven",
  drawLink: "Interviewsteekproef trekken",
  list: {
    title: "Interviewsteekproeven van {{name}}",
    back: "Terug naar het panel van {{name}}",
    intro:
      "Trek uit het bevroren panel een gestratificeerde aselecte steekproef voor de interviews. Elke steekproef wordt met haar startgetal bewaard, zodat dezelfde trekking later opnieuw kan worden gedaan.",
    eligible_one: "{{count}} panellid komt in aanmerking (gewiste en later uitgesloten leden niet meegerekend).",
    eligible_other: "{{count}} panelleden komen in aanmerking (gewiste en later uitgesloten leden niet meegerekend).",
    drawHeading: "Nieuwe steekproef trekken",
    listHeading: "Getrokken steekproeven",
    none: "Voor deze meting is nog geen steekproef getrokken.",
    open: "Steekproef van {{size}} op {{date}} bekijken",
  },
  fields: {
    size: "Aantal personen (N)",
    sizeHint: "Zoveel personen worden getrokken, proportioneel verdeeld over de strata van het panel.",
    seed: "Startgetal (seed)",
    seedHint:
      "Laat leeg voor een nieuw willekeurig startgetal. Vul het startgetal van een eerdere steekproef in om die opnieuw te trekken.",
  },
  submit: "Steekproef trekken",
  columns: {
    drawnAt: "Getrokken op",
    drawnBy: "Getrokken door",
    size: "Omvang",
    seed: "Startgetal",
    population: "Getrokken uit",
    inPanel: "In aanmerking",
    inSample: "In de steekproef",
    name: "Naam",
    email: "E-mailadres",
    organisation: "Organisatie",
    stratum: "Stratum",
    status: "Status",
    pseudonym: "Pseudoniem",
  },
  sample: {
    title: "Interviewsteekproef van {{name}}",
    back: "Alle steekproeven van {{name}}",
    drawn: "De steekproef is getrokken en bewaard.",
    methodHeading: "Voor de methodeparagraaf",
    methodHint: "Deze alinea beschrijft hoe de steekproef is getrokken; kopieer haar in het onderzoeksverslag.",
    method:
      "Uit het bevroren panel van {{wave}} (peildatum {{referenceDate}}) is op {{drawnDay}} een gestratificeerde aselecte steekproef van {{size}} personen getrokken uit de {{population}} panelleden die daarvoor in aanmerking kwamen (gewiste en na het bevriezen uitgesloten leden niet meegerekend). De strata zijn niveau × sector × subregio van de organisatie, zoals in de aantallen van het panel ({{strata}} strata). Het aantal per stratum is proportioneel toegewezen en afgerond volgens de methode van de grootste resten (Hamilton). Binnen elk stratum, op volgorde van persoonsnummer, is getrokken met een gedeeltelijke Fisher–Yates-schudding met de pseudo-toevalsgenerator {{prng}} en startgetal {{seed}}; met hetzelfde panel en startgetal trekt Kring dezelfde personen.",
    strataHeading: "Toewijzing per stratum",
    strataCaption: "Panelleden die in aanmerking kwamen en getrokken personen per niveau × sector × subregio",
    membersHeading: "Getrokken personen",
    redraw: "Opnieuw trekken met startgetal {{seed}}",
    status: {
      erased: "gewist op verzoek",
      excluded: "na de trekking uitgesloten",
      current: "in het panel",
    },
  },
  downloads: {
    heading: "Downloads",
    intro:
      "Met namen en adressen voor de netwerkondersteuning die de interviews plant; met pseudoniemen (dezelfde als in het onderzoeksbestand van het panel) voor het onderzoeksbestand.",
    byName: "Met namen ({{format}})",
    pseudonymised: "Met pseudoniemen ({{format}})",
  },
  files: {
    byName: "Interviewsteekproef {{wave}} {{date}}",
    pseudonymised: "Interviewsteekproef {{wave}} {{date}} pseudoniemen",
  },
  errors: {
    size: "Vul het aantal personen in als een heel getal van 1 tot en met 100 000.",
    tooLarge:
      "Een steekproef van {{size}} personen kan niet: het panel heeft maar {{population}} personen die in aanmerking komen.",
    emptyPanel: "Niemand in dit panel komt in aanmerking: alle leden zijn gewist of later uitgesloten.",
    draft: "Deze meting is nog een concept: bevries eerst het panel, dan kan er een steekproef uit worden getrokken.",
  },
};
