export const panelExports = {
  title: "Exports van het panel",
  intro: "Elke download wordt in het logboek vastgelegd: wie wat wanneer exporteerde.",
  draftNotice: "CONCEPT — nog niet bevroren; dit panel kan nog veranderen",
  draftSuffix: "CONCEPT",
  draftRefused:
    "Deze meting is nog een concept. Een bestand voor een enquêtetool wordt pas gemaakt als het panel bevroren is, zodat er geen concept in de enquête terechtkomt.",
  files: {
    panel: "panel",
    network: "netwerkmaten",
    pseudonymised: "gepseudonimiseerd",
    roster: "organisaties",
  },
  kinds: {
    limesurvey: {
      label: "LimeSurvey-deelnemers (CSV)",
      description:
        "Importeer bij ‘Deelnemers’ van de enquête; maak eerst de zeven deelnemerskenmerken aan (aanhef, organisatie, sector, subregio's, niveau, gremia, rollen).",
    },
    qualtrics: {
      label: "Qualtrics-contactlijst (CSV)",
      description:
        "Importeer als contactlijst; de kenmerken komen als embedded data mee, het token als ExternalDataReference.",
    },
    csv: {
      label: "Panel (CSV)",
      description: "Alle leden met kenmerken, redenen en latere uitsluitingen, om te lezen in Excel.",
    },
    xlsx: { label: "Panel (Excel)", description: "Hetzelfde als de CSV, als Excel-bestand." },
    "organisaties-csv": {
      label: "Organisaties (CSV)",
      description: "De organisaties in het panel, voor de vraag ‘met welke organisaties werkte u samen?’.",
    },
    "organisaties-limesurvey": {
      label: "Organisaties als LimeSurvey-labelset (.lsl)",
      description: "Importeer bij Configuratie → Labelsets en gebruik als antwoordopties.",
    },
    pseudoniem: {
      label: "Gepseudonimiseerd onderzoeksbestand (CSV)",
      description:
        "Zonder namen, adressen en tokens: een vast pseudoniem per persoon (gelijk in elke meting) met de kenmerken.",
    },
    "netwerk-pseudoniem": {
      label: "Netwerkmaten per pseudoniem (CSV)",
      description:
        "Het gepseudonimiseerde bestand met per persoon de netwerkmaten op de peildatum: van de persoon tussen de gremia en van de organisatie tussen de organisaties.",
    },
  },
  networkColumns: {
    pseudonym: "Pseudoniem",
    organisationId: "Organisatie-id",
    personDegree: "Graad persoon",
    personWeightedDegree: "Gewogen graad persoon",
    personBetweenness: "Tussenligging persoon",
    organisationDegree: "Graad organisatie",
    organisationWeightedDegree: "Gewogen graad organisatie",
    organisationBetweenness: "Tussenligging organisatie",
  },
  rosterLevels: {
    legend: "Organisaties volgens niveau",
    help: "Alle actieve organisaties met een zetel in een gremium van deze niveaus op de peildatum, in plaats van alleen die in het panel.",
    submit: "Download organisaties",
  },
  columns: {
    personId: "Persoon-id",
    salutation: "Aanhef",
    firstName: "Voornaam",
    lastName: "Achternaam",
    email: "E-mail",
    language: "Taal",
    token: "Token",
    surveyLink: "Enquêtelink",
    organisationId: "Organisatie-id",
    organisation: "Organisatie",
    shortName: "Korte naam",
    sectorCode: "Sectorcode",
    sector: "Sector",
    subregions: "Subregio's",
    level: "Niveau",
    bodyIds: "Gremium-id's",
    bodies: "Gremia",
    roles: "Rollen",
    reasons: "Redenen",
    excludedAt: "Uitgesloten op",
    exclusionReason: "Reden uitsluiting",
    pseudonym: "Pseudoniem",
    answerCode: "Antwoordcode",
  },
  reason: {
    seat: "{{role}} van {{body}} ({{level}})",
    organisation: "Werkzaam bij {{organisation}}",
  },
};
