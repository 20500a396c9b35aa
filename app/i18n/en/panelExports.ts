import type { panelExports as nl } from "../nl/panelExports";
import type { Messages } from "../shape";

export const panelExports: Messages<typeof nl> = {
  title: "Panel exports",
  intro: "Every download is written to the audit log: who exported what, and when.",
  draftNotice: "DRAFT — not frozen yet; this panel may still change",
  draftSuffix: "DRAFT",
  draftRefused:
    "This wave is still a draft. A file for a survey tool is only made once the panel is frozen, so that no draft ends up in the survey.",
  files: {
    panel: "panel",
    network: "network measures",
    pseudonymised: "pseudonymised",
    roster: "organisations",
  },
  kinds: {
    limesurvey: {
      label: "LimeSurvey participants (CSV)",
      description:
        "Import under the survey's ‘Participants’; first create the seven participant attributes (salutation, organisation, sector, subregions, level, bodies, roles).",
    },
    qualtrics: {
      label: "Qualtrics contact list (CSV)",
      description:
        "Import as a contact list; the attributes come along as embedded data, the token as ExternalDataReference.",
    },
    csv: {
      label: "Panel (CSV)",
      description: "Every member with attributes, reasons and later exclusions, to read in Excel.",
    },
    xlsx: { label: "Panel (Excel)", description: "The same as the CSV, as an Excel file." },
    "organisaties-csv": {
      label: "Organisations (CSV)",
      description: "The organisations in the panel, for the question ‘with which organisations did you collaborate?’.",
    },
    "organisaties-limesurvey": {
      label: "Organisations as a LimeSurvey label set (.lsl)",
      description: "Import under Configuration → Label sets and use as answer options.",
    },
    pseudoniem: {
      label: "Pseudonymised research file (CSV)",
      description:
        "No names, addresses or tokens: a stable pseudonym per person (the same in every wave) with the attributes.",
    },
    "netwerk-pseudoniem": {
      label: "Network measures by pseudonym (CSV)",
      description:
        "The pseudonymised file with each person's network measures on the reference date: the person's among the bodies and the organisation's among the organisations.",
    },
  },
  networkColumns: {
    pseudonym: "Pseudonym",
    organisationId: "Organisation id",
    personDegree: "Person degree",
    personWeightedDegree: "Person weighted degree",
    personBetweenness: "Person betweenness",
    organisationDegree: "Organisation degree",
    organisationWeightedDegree: "Organisation weighted degree",
    organisationBetweenness: "Organisation betweenness",
  },
  rosterLevels: {
    legend: "Organisations by level",
    help: "All active organisations holding a seat in a body of these levels on the reference date, instead of only those in the panel.",
    submit: "Download organisations",
  },
  columns: {
    personId: "Person id",
    salutation: "Salutation",
    firstName: "First name",
    lastName: "Last name",
    email: "Email",
    language: "Language",
    token: "Token",
    surveyLink: "Survey link",
    organisationId: "Organisation id",
    organisation: "Organisation",
    shortName: "Short name",
    sectorCode: "Sector code",
    sector: "Sector",
    subregions: "Subregions",
    level: "Level",
    bodyIds: "Body ids",
    bodies: "Bodies",
    roles: "Roles",
    reasons: "Reasons",
    excludedAt: "Excluded on",
    exclusionReason: "Reason for exclusion",
    pseudonym: "Pseudonym",
    answerCode: "Answer code",
  },
  reason: {
    seat: "{{role}} of {{body}} ({{level}})",
    organisation: "Works at {{organisation}}",
  },
};
