import type { TypedResponse } from "@remix-run/node";
import { asciiFileName, type ExportFormat, type ExportTable, tableToCsv, tableToXlsx } from "./table-export.server";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The table as a file to download, named after its title (ASCII name plus the exact one as filename*). */
// Typed as carrying no data, so a loader that returns either a page or a download keeps its page type.
export async function downloadTable(table: ExportTable, format: ExportFormat): Promise<TypedResponse<never>> {
  const body = format === "csv" ? tableToCsv(table) : await tableToXlsx(table);
  const fileName = asciiFileName(table.fileName ?? table.title, format);
  const exactName = `${table.title}.${format}`;
  const response = new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(exactName)}`,
      "Cache-Control": "no-store",
    },
  });
  return response as TypedResponse<never>;
}

/** vCard text as a file to download (RFC 6350's media type), named like the table downloads. */
export function downloadVCard(title: string, text: string): TypedResponse<never> {
  const response = new Response(text, {
    headers: {
      "Content-Type": "text/vcard; charset=utf-8",
      "Content-Disposition": `attachment; filename="${asciiFileName(title, "csv").replace(/\.csv$/, ".vcf")}"; filename*=UTF-8''${encodeURIComponent(`${title}.vcf`)}`,
      "Cache-Control": "no-store",
    },
  });
  return response as TypedResponse<never>;
}
