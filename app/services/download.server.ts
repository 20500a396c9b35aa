import { asciiFileName, type ExportFormat, type ExportTable, tableToCsv, tableToXlsx } from "./table-export";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The table as a file to download, named after its title (ASCII name plus the exact one as filename*). */
export async function downloadTable(table: ExportTable, format: ExportFormat): Promise<Response> {
  const body = format === "csv" ? tableToCsv(table) : await tableToXlsx(table);
  const fileName = asciiFileName(table.title, format);
  const exactName = `${table.title}.${format}`;
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(exactName)}`,
      "Cache-Control": "no-store",
    },
  });
}
