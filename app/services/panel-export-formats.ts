import { createHmac } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "./table-export.server";
import type { TFunction } from "i18next";
import type { BodyLevel, Language, SeatRole, WaveStatus } from "../../db/schema";
import type { panelExports } from "../i18n/nl/panelExports";
import type { DrawnMember, PanelAttributes, PanelReason } from "./panel-rules-schema";
import type { ExportTable } from "./table-export.server";

/**
 * The files a survey wave's panel is handed over in. Pure: the input is an ExportPanel, whether
 * it comes from a frozen wave's stored members or (for a draft) from a fresh draw.
 */

export interface ExportWave {
  id: number;
  name: string;
  year: number;
  referenceDate: string;
  status: WaveStatus;
  linkTemplate: string;
  /** the wave's region; null for a network-wide wave (decision 046) */
  regionId: number | null;
}

/** A panel member as drawn, with the token of a frozen panel ("" in a draft) and a later exclusion. */
export interface ExportMember extends DrawnMember {
  token: string;
  excluded: { at: string; reason: string } | null;
}

export interface ExportPanel {
  wave: ExportWave;
  members: ExportMember[];
}

/** An organisation in the roster for the "with which organisations did you collaborate" questions. */
export interface RosterOrganisation {
  id: number;
  name: string;
  shortName: string | null;
  sectorCode: string | null;
  sectorName: string | null;
}

/** The members still to be surveyed: a later exclusion takes someone out of every file a tool imports. */
export function surveyedMembers(panel: ExportPanel): ExportMember[] {
  return panel.members.filter((member) => member.excluded === null);
}

export const isDraft = (wave: ExportWave) => wave.status === "draft";

/** "van der Berg": the Dutch last name as it is written after a first name. */
export const fullLastName = (member: Pick<ExportMember, "infix" | "lastName">) =>
  member.infix ? `${member.infix} ${member.lastName}` : member.lastName;

/** The survey link of one member: the wave's template with the member's token. */
export const surveyLink = (wave: ExportWave, token: string) =>
  wave.linkTemplate.replaceAll("{token}", encodeURIComponent(token));

type ColumnKey = keyof typeof panelExports.columns;
const columnHeader = (t: TFunction, key: ColumnKey): string => t(`panelExports.columns.${key}`);
const column = (t: TFunction, key: ColumnKey) => ({ key, header: columnHeader(t, key) });
const roleText = (t: TFunction, role: SeatRole): string => t(`register.roles.${role}`);

const levelText = (t: TFunction, level: BodyLevel | null): string => (level ? t(`register.levels.${level}`) : "");
const listText = (values: readonly string[]) => values.join("; ");
const bodiesText = (attributes: PanelAttributes) => listText(attributes.bodies.map((body) => body.name));
const rolesText = (t: TFunction, attributes: PanelAttributes) =>
  listText(attributes.roles.map((role) => roleText(t, role)));

/** Every reason a member qualifies, in words: "Lid van Bestuurlijke Regiegroep (strategisch)". */
export function reasonsText(t: TFunction, reasons: readonly PanelReason[]): string {
  return listText(
    reasons.map((reason) =>
      reason.rule === "seat"
        ? t("panelExports.reason.seat", {
            role: roleText(t, reason.role),
            body: reason.bodyName,
            level: levelText(t, reason.level).toLowerCase(),
          })
        : t("panelExports.reason.organisation", { organisation: reason.organisationName }),
    ),
  );
}

/* ---------------- LimeSurvey survey participants ---------------- */

/**
 * The member attributes as LimeSurvey participant attributes, in this order (attribute_1 …). The
 * survey's participant table must have these attributes before the import: LimeSurvey only fills
 * attribute columns that exist in the survey and ignores the rest.
 */
const LIMESURVEY_ATTRIBUTES = [
  "salutation",
  "organisation",
  "sector",
  "subregions",
  "level",
  "bodies",
  "roles",
] as const;

function limeSurveyAttributeValues(
  t: TFunction,
  member: ExportMember,
): Record<(typeof LIMESURVEY_ATTRIBUTES)[number], string> {
  const a = member.attributes;
  return {
    salutation: member.salutation ?? "",
    organisation: a.organisationName ?? "",
    sector: a.sectorName ?? "",
    subregions: listText(a.subregions),
    level: levelText(t, a.level),
    bodies: bodiesText(a),
    roles: rolesText(t, a),
  };
}

/**
 * LimeSurvey reads the participant file line by line (PHP `file()`, then `str_getcsv` per line), so
 * a line break inside a quoted value would split a participant in two: it becomes a space here.
 */
const oneLine = (value: string) => neutraliseFormula(value.replace(/[\r\n]+/g, " ").trim());

/**
 * A description in a header is written `attribute_1 <Organisatie>`; LimeSurvey strips it with
 * /(.*) <[^,]*>$/, so it may hold no comma and no angle brackets.
 */
const headerDescription = (text: string) => text.replace(/[,<>]/g, " ").replace(/\s+/g, " ").trim();

/**
 * The survey-participants CSV of LimeSurvey's "Import participants from CSV file"
 * (application/controllers/admin/tokens.php, action import): the header names are the columns of
 * the survey's participant table — firstname, lastname, email, token, language, attribute_N — and
 * a header may carry a description as `attribute_1 <Description>`, which the importer strips.
 * Comma separated, UTF-8, one participant per line; language codes as LimeSurvey's (nl, en).
 * Members excluded after freezing are left out.
 */
export function limeSurveyParticipantsCsv(panel: ExportPanel, t: TFunction): string {
  const descriptions = LIMESURVEY_ATTRIBUTES.map(
    (key, index) => `attribute_${index + 1} <${headerDescription(columnHeader(t, key))}>`,
  );
  const header = ["firstname", "lastname", "email", "token", "language", ...descriptions];
  const rows = surveyedMembers(panel).map((member) => {
    const values = limeSurveyAttributeValues(t, member);
    return [
      oneLine(member.firstName ?? ""),
      oneLine(fullLastName(member)),
      member.email,
      member.token,
      member.language,
      ...LIMESURVEY_ATTRIBUTES.map((key) => oneLine(values[key])),
    ];
  });
  return stringify([header, ...rows], { delimiter: ",", record_delimiter: "\n" });
}

/* ---------------- Qualtrics contact list ---------------- */

/** Qualtrics' language codes are upper case: NL, EN. */
const QUALTRICS_LANGUAGES: Record<Language, string> = { nl: "NL", en: "EN" };

/**
 * A Qualtrics contact-list CSV: the default fields FirstName, LastName, Email, ExternalDataReference
 * and Language spelt exactly as Qualtrics names them (Qualtrics support, "Creating a contact list" /
 * "Adding directory contacts"); every other column becomes embedded data. The embedded-data names
 * are fixed (not translated), so the survey flow can refer to them in any user's language.
 * ExternalDataReference holds the token, so answers link back to the panel member.
 */
export function qualtricsContactsCsv(panel: ExportPanel): string {
  const header = [
    "FirstName",
    "LastName",
    "Email",
    "ExternalDataReference",
    "Language",
    "Token",
    "Salutation",
    "OrganisationId",
    "Organisation",
    "SectorCode",
    "Sector",
    "Subregions",
    "Level",
    "Bodies",
    "Roles",
    "SurveyLink",
  ];
  const rows = surveyedMembers(panel).map((member) => {
    const a = member.attributes;
    // names and attributes come from the register, typed by people: a cell starting with = + - @
    // would run as a formula when the file is opened in a spreadsheet (the address, the token and
    // the codes are checked, and must stay exactly as they are)
    const text = neutraliseFormula;
    return [
      text(member.firstName ?? ""),
      text(fullLastName(member)),
      member.email,
      member.token,
      QUALTRICS_LANGUAGES[member.language],
      member.token,
      text(member.salutation ?? ""),
      a.organisationId === null ? "" : String(a.organisationId),
      text(a.organisationName ?? ""),
      a.sectorCode ?? "",
      text(a.sectorName ?? ""),
      text(listText(a.subregions)),
      a.level ?? "",
      text(bodiesText(a)),
      text(listText(a.roles)),
      surveyLink(panel.wave, member.token),
    ];
  });
  return stringify([header, ...rows], { delimiter: ",", record_delimiter: "\r\n" });
}

/* ---------------- general CSV / XLSX ---------------- */

/** The whole panel for people: every attribute and reason in words, later exclusions included and marked. */
export function panelTable(panel: ExportPanel, t: TFunction): ExportTable {
  return markDraft(
    {
      title: `${panel.wave.name} – ${t("panelExports.files.panel")}`,
      columns: [
        column(t, "personId"),
        column(t, "salutation"),
        column(t, "firstName"),
        column(t, "lastName"),
        column(t, "email"),
        column(t, "language"),
        column(t, "token"),
        column(t, "surveyLink"),
        column(t, "organisationId"),
        column(t, "organisation"),
        column(t, "sector"),
        column(t, "subregions"),
        column(t, "level"),
        column(t, "bodies"),
        column(t, "roles"),
        column(t, "reasons"),
        column(t, "excludedAt"),
        column(t, "exclusionReason"),
      ],
      rows: panel.members.map((member) => ({
        personId: member.personId,
        salutation: member.salutation,
        firstName: member.firstName,
        lastName: fullLastName(member),
        email: member.email,
        language: member.language,
        token: member.token,
        surveyLink: surveyLink(panel.wave, member.token),
        organisationId: member.attributes.organisationId,
        organisation: member.attributes.organisationName,
        sector: member.attributes.sectorName,
        subregions: listText(member.attributes.subregions),
        level: levelText(t, member.attributes.level),
        bodies: bodiesText(member.attributes),
        roles: rolesText(t, member.attributes),
        reasons: reasonsText(t, member.reasons),
        excludedAt: member.excluded?.at ?? null,
        exclusionReason: member.excluded?.reason ?? null,
      })),
    },
    panel.wave,
    t,
  );
}

/* ---------------- pseudonymised research file ---------------- */

const PSEUDONYM_LENGTH = 16;

/**
 * A person's pseudonym: HMAC-SHA256 over "person:<id>" with the server's secret, hex, the first
 * 16 characters (64 bits). It depends on the person and the secret only, so the same person has the
 * same pseudonym in every wave; without the secret it cannot be traced back to the person.
 */
export function pseudonymFor(secret: string, personId: number): string {
  return createHmac("sha256", secret).update(`person:${personId}`).digest("hex").slice(0, PSEUDONYM_LENGTH);
}

/**
 * For linking survey answers to network positions without personal data: no names, addresses or
 * tokens, a stable pseudonym per person and the attributes as on the reference date. Members
 * excluded after freezing are left out, as they are not surveyed.
 */
export function pseudonymisedTable(panel: ExportPanel, secret: string, t: TFunction): ExportTable {
  return markDraft(
    {
      title: `${panel.wave.name} – ${t("panelExports.files.pseudonymised")}`,
      columns: [
        column(t, "pseudonym"),
        column(t, "organisationId"),
        column(t, "organisation"),
        column(t, "sectorCode"),
        column(t, "sector"),
        column(t, "subregions"),
        column(t, "level"),
        column(t, "bodyIds"),
        column(t, "bodies"),
        column(t, "roles"),
      ],
      rows: surveyedMembers(panel).map((member) => ({
        pseudonym: pseudonymFor(secret, member.personId),
        organisationId: member.attributes.organisationId,
        organisation: member.attributes.organisationName,
        sectorCode: member.attributes.sectorCode,
        sector: member.attributes.sectorName,
        subregions: listText(member.attributes.subregions),
        level: member.attributes.level,
        bodyIds: listText(member.attributes.bodies.map((body) => String(body.id))),
        bodies: bodiesText(member.attributes),
        roles: listText(member.attributes.roles),
      })),
    },
    panel.wave,
    t,
  );
}

/* ---------------- organisation roster ---------------- */

/** The organisations, sorted by name as a reader looks them up. */
export function rosterTable(wave: ExportWave, organisations: readonly RosterOrganisation[], t: TFunction): ExportTable {
  return markDraft(
    {
      title: `${wave.name} – ${t("panelExports.files.roster")}`,
      columns: [
        column(t, "organisationId"),
        column(t, "organisation"),
        column(t, "shortName"),
        column(t, "sectorCode"),
        column(t, "sector"),
        column(t, "answerCode"),
      ],
      rows: organisations.map((organisation) => ({
        organisationId: organisation.id,
        organisation: organisation.name,
        shortName: organisation.shortName,
        sectorCode: organisation.sectorCode,
        sector: organisation.sectorName,
        answerCode: answerCode(organisation.id),
      })),
    },
    wave,
    t,
  );
}

/** LimeSurvey answer codes are at most five letters and digits: "O" and the organisation's id. */
export function answerCode(organisationId: number): string {
  const code = `O${organisationId}`;
  if (code.length > 5) throw new RangeError(`Organisation id ${organisationId} does not fit a LimeSurvey answer code`);
  return code;
}

const xmlText = (value: string) =>
  value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    // XML 1.0 allows no control characters but tab, newline and carriage return
    // eslint-disable-next-line no-control-regex -- matching the control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
const cdata = (value: string) => `<![CDATA[${xmlText(value)}]]>`;

/**
 * The roster as a LimeSurvey label set (.lsl), imported under Configuration → Label sets → Import
 * and then used as a question's answer options. LimeSurvey's XMLImportLabelsets
 * (application/helpers/admin/import_helper.php) requires <LimeSurveyDocType>Label set</…>, reads
 * <labelsets> rows (lid, label_name, languages) and <labels> rows; a label row with title and
 * language (the layout before label_l10ns) is split into a label and its translation on import.
 * Organisation names are not translated, so every label is given in each survey language.
 */
export function limeSurveyLabelSet(
  name: string,
  organisations: readonly RosterOrganisation[],
  languages: readonly Language[],
): string {
  const labelRows = organisations.flatMap((organisation, index) =>
    languages.map(
      (language) =>
        `   <row>\n    <lid>${cdata("1")}</lid>\n    <code>${cdata(answerCode(organisation.id))}</code>\n    <title>${cdata(organisation.shortName ? `${organisation.name} (${organisation.shortName})` : organisation.name)}</title>\n    <sortorder>${cdata(String(index + 1))}</sortorder>\n    <language>${cdata(language)}</language>\n    <assessment_value>${cdata("0")}</assessment_value>\n   </row>`,
    ),
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<document>`,
    ` <LimeSurveyDocType>Label set</LimeSurveyDocType>`,
    ` <DBVersion>366</DBVersion>`,
    ` <labelsets>`,
    `  <fields>\n   <fieldname>lid</fieldname>\n   <fieldname>label_name</fieldname>\n   <fieldname>languages</fieldname>\n  </fields>`,
    `  <rows>\n   <row>\n    <lid>${cdata("1")}</lid>\n    <label_name>${cdata(name.slice(0, 100))}</label_name>\n    <languages>${cdata(languages.join(" "))}</languages>\n   </row>\n  </rows>`,
    ` </labelsets>`,
    ` <labels>`,
    `  <fields>\n   <fieldname>lid</fieldname>\n   <fieldname>code</fieldname>\n   <fieldname>title</fieldname>\n   <fieldname>sortorder</fieldname>\n   <fieldname>language</fieldname>\n   <fieldname>assessment_value</fieldname>\n  </fields>`,
    `  <rows>`,
    ...labelRows,
    `  </rows>`,
    ` </labels>`,
    `</document>`,
    ``,
  ].join("\n");
}

/* ---------------- draft marking and file names ---------------- */

/**
 * A draft wave's file for people says so in its first row: the table's first header becomes the
 * notice and the real headers move to the first data row, so CSV and XLSX both show it on top.
 */
export function markDraft(table: ExportTable, wave: ExportWave, t: TFunction): ExportTable {
  if (!isDraft(wave)) return table;
  return {
    title: table.title,
    columns: table.columns.map((column, index) => ({
      key: column.key,
      header: index === 0 ? t("panelExports.draftNotice") : "",
    })),
    rows: [Object.fromEntries(table.columns.map((column) => [column.key, column.header])), ...table.rows],
  };
}

/** "meting-2025-limesurvey.csv", with "-CONCEPT" (Dutch) or "-DRAFT" (English) for a draft wave. */
export function exportFileName(wave: ExportWave, part: string, extension: string, t: TFunction): string {
  const base = `${wave.name}-${part}`
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 80);
  return `${base || "kring"}${isDraft(wave) ? `-${t("panelExports.draftSuffix")}` : ""}.${extension}`;
}
