import type { LoaderFunctionArgs } from "@remix-run/node";
import { BODY_LEVELS, type BodyLevel } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { panelForExport, recordExport, rosterOrganisations, type RosterSource } from "../models/panel-exports.server";
import {
  type ExportPanel,
  exportFileName,
  isDraft,
  limeSurveyLabelSet,
  limeSurveyParticipantsCsv,
  panelTable,
  pseudonymisedTable,
  qualtricsContactsCsv,
  rosterTable,
  surveyedMembers,
} from "../services/panel-export-formats";
import { IMPORT_TOOL_KINDS, isPanelExportKind, PERSONAL_DATA_KINDS } from "../services/panel-export-kinds";
import { panelNetworkFile } from "../services/network/panel-file.server";
import { recordIdParam } from "../services/record-id";
import { tableToCsv, tableToXlsx } from "../services/table-export.server";

const CSV = "text/csv; charset=utf-8";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const notFound = () => new Response(null, { status: 404, statusText: "Not Found" });

function file(body: string | Buffer, contentType: string, fileName: string): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** `?bron=niveaus&niveau=strategisch&niveau=tactisch`: all organisations of those levels instead of the panel's. */
function rosterSource(search: URLSearchParams, panel: ExportPanel): RosterSource {
  if (search.get("bron") !== "niveaus") return { source: "panel", members: panel.members };
  const referenceDate = panel.wave.referenceDate;
  const levels = search
    .getAll("niveau")
    .filter((level): level is BodyLevel => (BODY_LEVELS as readonly string[]).includes(level));
  return { source: "levels", levels, referenceDate };
}

/**
 * The downloads of a wave's panel. Files with names, addresses, tokens or pseudonyms are personal
 * data of a research panel: only those who run waves (research.run) take them. The organisation
 * roster holds no personal data, so anyone who may export the register may take it.
 * Every download is written to the audit log.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const kind = params.kind;
  const waveId = recordIdParam(params.waveId);
  if (!isPanelExportKind(kind)) throw notFound();
  const user = await requirePermission(
    request,
    context,
    PERSONAL_DATA_KINDS.includes(kind) ? "research.run" : "register.export",
    { record: regionOfWave(waveId) },
  );
  const panel = await panelForExport(context.db, waveId);
  if (!panel) throw notFound();
  const t = translator(requestLanguage(request, user));
  const wave = panel.wave;

  if (isDraft(wave) && IMPORT_TOOL_KINDS.includes(kind)) {
    return new Response(t("panelExports.draftRefused"), {
      status: 409,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }

  let response: Response;
  let rowCount: number;
  switch (kind) {
    case "limesurvey":
      rowCount = surveyedMembers(panel).length;
      response = file(limeSurveyParticipantsCsv(panel, t), CSV, exportFileName(wave, "limesurvey", "csv", t));
      break;
    case "qualtrics":
      rowCount = surveyedMembers(panel).length;
      response = file(qualtricsContactsCsv(panel), CSV, exportFileName(wave, "qualtrics", "csv", t));
      break;
    case "csv":
    case "xlsx": {
      const table = panelTable(panel, t);
      rowCount = panel.members.length;
      const name = exportFileName(wave, t("panelExports.files.panel"), kind, t);
      response = kind === "csv" ? file(tableToCsv(table), CSV, name) : file(await tableToXlsx(table), XLSX, name);
      break;
    }
    case "pseudoniem": {
      const table = pseudonymisedTable(panel, context.pseudonymSecret, t);
      rowCount = surveyedMembers(panel).length;
      response = file(tableToCsv(table), CSV, exportFileName(wave, t("panelExports.files.pseudonymised"), "csv", t));
      break;
    }
    case "netwerk-pseudoniem": {
      const table = await panelNetworkFile(context.db, panel, context.pseudonymSecret, t);
      rowCount = table.rows.length;
      response = file(tableToCsv(table), CSV, exportFileName(wave, t("panelExports.files.network"), "csv", t));
      break;
    }
    case "organisaties-csv":
    case "organisaties-limesurvey": {
      const organisations = await rosterOrganisations(
        context.db,
        rosterSource(new URL(request.url).searchParams, panel),
      );
      rowCount = organisations.length;
      const part = t("panelExports.files.roster");
      response =
        kind === "organisaties-csv"
          ? file(tableToCsv(rosterTable(wave, organisations, t)), CSV, exportFileName(wave, part, "csv", t))
          : file(
              limeSurveyLabelSet(`${wave.name} – ${part}`, organisations, ["nl", "en"]),
              "application/xml; charset=utf-8",
              exportFileName(wave, part, "lsl", t),
            );
      break;
    }
  }
  await recordExport(context.db, user, waveId, kind, rowCount);
  return response;
}
