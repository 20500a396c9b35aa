import type { TFunction } from "i18next";
import type { Language } from "../../db/schema";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import type { StoredSample } from "../models/interview-samples.server";
import { memberStatus } from "./interview-sample";
import { displayName } from "./names";
import { pseudonymFor } from "./panel-export-formats";
import { stratumCells, wholeRegionText } from "./panel-tables";
import type { ExportTable } from "./table-export.server";

/**
 * A sample's downloads "as shown": by name for the office that plans the interviews, by pseudonym
 * for the research file (the panel's pseudonyms, so the two files link). The pseudonymised file,
 * like the panel's, leaves out members erased or excluded since: they are not to be approached.
 */

type SampleMember = StoredSample["members"][number];

export const SAMPLE_FILE_KINDS = ["namen", "pseudoniemen"] as const;
export type SampleFileKind = (typeof SAMPLE_FILE_KINDS)[number];

export function isSampleFileKind(value: unknown): value is SampleFileKind {
  return typeof value === "string" && (SAMPLE_FILE_KINDS as readonly string[]).includes(value);
}

function stratumText(sample: StoredSample, member: SampleMember, t: TFunction): string {
  const stratum = sample.strata[member.stratum];
  if (!stratum) return "";
  const cells = stratumCells(stratum, t, wholeRegionText(t, sample.regionName));
  return `${cells.level} · ${cells.sector} · ${cells.subregion}`;
}

function fileTitle(sample: StoredSample, kind: SampleFileKind, t: TFunction, language: Language): string {
  const values = { wave: sample.waveName, date: formatDay(todayInAmsterdam(new Date(sample.drawn_at)), language) };
  return kind === "namen" ? t("samples.files.byName", values) : t("samples.files.pseudonymised", values);
}

export function sampleTable(
  sample: StoredSample,
  kind: SampleFileKind,
  secret: string,
  t: TFunction,
  language: Language,
): ExportTable {
  const title = fileTitle(sample, kind, t, language);
  const attributeColumns = [
    { key: "organisation", header: t("samples.columns.organisation") },
    { key: "sector", header: t("panel.columns.sector") },
    { key: "subregions", header: t("panel.columns.subregion") },
    { key: "level", header: t("panel.columns.level") },
    { key: "stratum", header: t("samples.columns.stratum") },
  ];
  const attributeCells = (member: SampleMember) => ({
    organisation: member.attributes.organisationName,
    sector: member.attributes.sectorName,
    subregions: member.attributes.subregions.join("; "),
    level: member.attributes.level ? t(`register.levels.${member.attributes.level}`) : "",
    stratum: stratumText(sample, member, t),
  });
  if (kind === "pseudoniemen") {
    return {
      title,
      columns: [{ key: "pseudonym", header: t("samples.columns.pseudonym") }, ...attributeColumns],
      rows: sample.members
        .filter((member) => memberStatus(member) === "current")
        .map((member) => ({ pseudonym: pseudonymFor(secret, member.personId), ...attributeCells(member) })),
    };
  }
  return {
    title,
    columns: [
      { key: "personId", header: t("panelExports.columns.personId") },
      { key: "salutation", header: t("panelExports.columns.salutation") },
      { key: "name", header: t("samples.columns.name") },
      { key: "email", header: t("samples.columns.email") },
      ...attributeColumns,
      { key: "status", header: t("samples.columns.status") },
    ],
    rows: sample.members.map((member) => ({
      personId: member.personId,
      salutation: member.salutation,
      name: displayName(member),
      email: member.email,
      ...attributeCells(member),
      status: t(`samples.sample.status.${memberStatus(member)}`),
    })),
  };
}
