import type { responses as nl } from "../nl/responses";
import type { Messages } from "../shape";

export const responses: Messages<typeof nl> = {
  title: "Response",
  page: {
    title: "Response to {{name}}",
    back: "Back to {{name}}",
    followUpLink: "Follow-up list: who has not completed yet",
  },
  summary: {
    heading: "Response so far",
    rate: "Response rate",
    members: "Panel members",
    started: "Started",
    completed: "Completed",
    explanation:
      "The response rate is the number of completed questionnaires divided by the number of panel members; members excluded later do not count.",
    excluded_one: "{{count}} panel member was excluded later and does not count.",
    excluded_other: "{{count}} panel members were excluded later and do not count.",
  },
  chart: {
    heading: "Response per day",
    caption: "Percentage of questionnaires completed, cumulative, from {{from}} to {{to}}.",
    description: "Line from {{first}} on {{from}} to {{last}} on {{to}}.",
    none: "No invitations have been sent and no response has been read in yet.",
    tableCaption: "Response per day, cumulative",
    columns: {
      day: "Day",
      started: "Started",
      completed: "Completed",
      rate: "Response",
    },
  },
  strata: {
    heading: "Response per stratum",
    explanation:
      "By the members' attributes on the reference date. A member of an organisation in several subregions counts in each subregion, a member of several bodies in each body.",
    captions: {
      level: "Response per level",
      sector: "Response per sector",
      subregion: "Response per subregion",
      body: "Response per body",
    },
    dimensions: {
      level: "Level",
      sector: "Sector",
      subregion: "Subregion",
      body: "Body",
    },
    columns: {
      dimension: "Grouping",
      group: "Group",
      members: "Members",
      started: "Started",
      completed: "Completed",
      rate: "Response",
    },
    none: {
      level: "no level",
      sector: "no sector",
      body: "no body",
    },
    fileTitle: "Response per stratum {{name}}",
  },
  upload: {
    heading: "Read in a response file",
    intro:
      "Read in an export from the survey tool; Kring recognises the kind of file by its columns and links each line to a panel member by its token.",
    formats: {
      "limesurvey-deelnemers": "LimeSurvey participant export (columns token and completed)",
      "limesurvey-antwoorden": "LimeSurvey response export (columns token, submitdate and startdate)",
      qualtrics:
        "Qualtrics response export (columns Finished, StartDate, EndDate or RecordedDate, and the token in ExternalDataReference or in embedded data “token”; unzip the download from Qualtrics first)",
    },
    file: "Response file (CSV)",
    hint: "At most {{limit}}. Comma, semicolon or tab as delimiter. Times without a time zone are taken as Dutch time.",
    submit: "Read in",
    safe: "Reading in the same file twice changes nothing, and a completed questionnaire is never undone.",
  },
  result: {
    heading: "Read in: {{file}}",
    format: {
      "limesurvey-deelnemers": "LimeSurvey participant export",
      "limesurvey-antwoorden": "LimeSurvey response export",
      qualtrics: "Qualtrics response export",
    },
    newlyCompleted_one: "{{count}} panel member has now completed.",
    newlyCompleted_other: "{{count}} panel members have now completed.",
    newlyStarted_one: "{{count}} panel member has started.",
    newlyStarted_other: "{{count}} panel members have started.",
    unchanged_one: "{{count}} panel member unchanged (already known, or not started yet).",
    unchanged_other: "{{count}} panel members unchanged (already known, or not started yet).",
    nothingNew: "This file held nothing new: nothing was changed.",
    withoutToken_one: "{{count}} line without a token skipped.",
    withoutToken_other: "{{count}} lines without a token skipped.",
    notFoundHeading: "Tokens of no panel ({{count}})",
    notFoundText: "These lines were not applied: Kring does not know their token.",
    otherWaveHeading: "Tokens of another wave ({{count}})",
    otherWaveText: "These lines were not applied: read the file in at that wave if it belongs there.",
    otherWave: "{{wave}}: {{count}} tokens",
    more: "… and {{count}} more",
  },
  followUp: {
    title: "Follow-up calls: {{name}}",
    back: "Back to the response",
    intro:
      "Panel members who have not completed the questionnaire and were not excluded later, by organisation, with the phone number and e-mail address the register holds now.",
    count_one: "{{count}} person",
    count_other: "{{count}} people",
    optedOut_one: "{{count}} person opted out of research mail and is therefore not on this list.",
    optedOut_other: "{{count}} people opted out of research mail and are therefore not on this list.",
    none: "Everyone in the panel has completed (or was excluded): there is nobody to call.",
    download: "Download as CSV",
    print: "Print",
    tableCaption: "Not completed yet",
    columns: {
      name: "Name",
      organisation: "Organisation",
      phone: "Phone",
      email: "E-mail address",
      status: "Progress",
    },
    organisationPhone: "{{phone}} (organisation)",
    noOrganisation: "no organisation",
    started: "started on {{date}}",
    notStarted: "not started",
    fileTitle: "Follow-up calls {{name}}",
  },
  errors: {
    draft: "This wave is still a draft: there are no tokens yet, so there is no response to read in.",
    chooseFile: "Choose a response file to read in.",
    tooLarge: "The file is larger than {{limit}}; Kring does not read it.",
    empty: "The file is empty.",
    unreadable: "The file is not readable CSV (error on line {{line}}). Export it again as CSV.",
    unknownFormat:
      "Kring does not recognise this file as a response file. Expected: a LimeSurvey participant export (columns token and completed), a LimeSurvey response export (token, submitdate and startdate) or a Qualtrics response export (Finished, StartDate, EndDate or RecordedDate, and ExternalDataReference or token). Columns found: {{found}}.",
    missingColumns:
      "This looks like a {{format}} file, but the column {{columns}} is missing. Columns found: {{found}}.",
    badDate: "Row {{row}}, column {{column}}: “{{value}}” is not a date and time.",
    badFinished: "Row {{row}}, column Finished: “{{value}}” is not 1 or 0 (True or False).",
  },
};
