export const retention = {
  title: "Bewaartermijn",
  intro:
    "Personen zonder lopende functie of zetel, langer dan de bewaartermijn: hun laatste functie of zetel eindigde meer dan {{count}} maanden geleden, of zij hadden er nooit een en staan al zo lang in het register. Beoordeel of hun gegevens nog nodig zijn; archiveer of wis wie het niet meer is.",
  settings: {
    legend: "Welke personen",
    months: "Bewaartermijn in maanden",
    monthsHint: "Van 1 tot en met 240. De ingestelde termijn is {{count}} maanden (KRING_RETENTION_MONTHS).",
    monthsInvalid:
      "Vul een heel aantal maanden in van 1 tot en met 240. De lijst toont nu de ingestelde {{count}} maanden.",
    includeArchived: "Ook gearchiveerde personen tonen",
    show: "Tonen",
  },
  count_one: "1 persoon ter beoordeling (geen functie of zetel geëindigd na {{cutoff}}).",
  count_other: "{{count}} personen ter beoordeling (geen functie of zetel geëindigd na {{cutoff}}).",
  empty: "Niemand valt buiten de bewaartermijn van {{count}} maanden.",
  caption: "Personen buiten de bewaartermijn",
  columns: {
    choose: "Kiezen",
    name: "Naam",
    lastPlace: "Laatste organisatie of gremium",
    lastEnd: "Laatste functie of zetel geëindigd",
    panel: "Bevroren panel",
  },
  choosePerson: "{{name}} kiezen",
  neverHeld: "nooit een functie of zetel",
  archived: "gearchiveerd",
  inFrozenPanel: "ja",
  notInFrozenPanel: "nee",
  selectAll: "Alles op deze pagina kiezen",
  selectNone: "Keuze opheffen",
  bulkLegend: "Met de gekozen personen",
  archive: "Archiveren…",
  erase: "Wissen…",
  nothingChosen: "Kies eerst een of meer personen in de lijst.",
  confirm: {
    archiveTitle: "Archiveren bevestigen",
    eraseTitle: "Wissen bevestigen",
    archiveIntro_one:
      "U archiveert deze persoon. Gearchiveerde personen verdwijnen uit lijsten en keuzelijsten; er wordt niets verwijderd en u kunt ze op hun eigen pagina terugzetten.",
    archiveIntro_other:
      "U archiveert deze {{count}} personen. Gearchiveerde personen verdwijnen uit lijsten en keuzelijsten; er wordt niets verwijderd en u kunt ze op hun eigen pagina terugzetten.",
    eraseWarningTitle: "Wissen kan niet ongedaan worden gemaakt",
    eraseIntro_one: "U wist deze persoon volgens de AVG (recht op vergetelheid).",
    eraseIntro_other: "U wist deze {{count}} personen volgens de AVG (recht op vergetelheid).",
    eraseRemoves:
      "Verwijderd worden: naam, e-mailadressen, telefoon, notities, toestemmingen en functietitels, ook uit het logboek. Zetels, functies en aanwezigheid blijven als ‘verwijderde persoon’, zodat tellingen van vroeger kloppen; lopende functies en zetels eindigen vandaag.",
    eraseFrozenPanels:
      "Wie in een bevroren panel zit, blijft daar als ‘verwijderde persoon’ staan, zodat de respons van die meting klopt.",
    eraseFinal:
      "Dit kan niet ongedaan worden gemaakt; back-ups van vóór het wissen bevatten de gegevens nog tot ze verlopen.",
    confirmArchive: "Bevestigen: archiveren",
    confirmErase: "Bevestigen: definitief wissen",
    cancel: "Annuleren",
    noneLeft: "Geen van de gekozen personen valt nog buiten de bewaartermijn. Er is niets gedaan.",
    dropped_one: "1 gekozen persoon valt niet meer buiten de bewaartermijn en is weggelaten.",
    dropped_other: "{{count}} gekozen personen vallen niet meer buiten de bewaartermijn en zijn weggelaten.",
    changed_one:
      "1 persoon is veranderd sinds u bevestigde (bewerkt, een nieuwe functie of zetel, of al gearchiveerd). Er is niets gedaan; bekijk de lijst hieronder en bevestig opnieuw.",
    changed_other:
      "{{count}} personen zijn veranderd sinds u bevestigde (bewerkt, een nieuwe functie of zetel, of al gearchiveerd). Er is niets gedaan; bekijk de lijst hieronder en bevestig opnieuw.",
  },
  notices: {
    gearchiveerd: "De gekozen personen zijn gearchiveerd.",
    gewist: "De gekozen personen zijn gewist.",
  },
} as const;
