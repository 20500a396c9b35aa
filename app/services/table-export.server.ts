import { stringify } from "csv-stringify/sync";
import writeXlsxFile from "write-excel-file/node";

/**
 * A list "as shown" turned into a file: the page builds one ExportTable from what it displays
 * (headers in the reader's language, values as printed), and this module writes it as CSV or XLSX.
 */
export interface ExportTable {
  title: string;
  /** what the file is named after when not its title (ASCII-folded): a report's region code (decision 044) */
  fileName?: string;
  columns: readonly { key: string; header: string }[];
  rows: readonly Record<string, string | number | null | undefined>[];
}

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * Spreadsheet programs run a cell starting with = + - @ (or a tab/return) as a formula; a quote in
 * front keeps a name like "=SUM(…)" or "-Rob" plain text (OWASP's CSV-injection advice).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const cellText = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "" : typeof value === "number" ? String(value) : neutraliseFormula(value);

/** Semicolons and a byte-order mark: what Excel with Dutch settings opens without an import wizard. */
export function tableToCsv(table: ExportTable): string {
  const body = stringify(
    [
      table.columns.map((c) => neutraliseFormula(c.header)),
      ...table.rows.map((row) => table.columns.map((c) => cellText(row[c.key]))),
    ],
    { delimiter: ";", record_delimiter: "\r\n", quoted_match: /[;"\r\n]/ },
  );
  return `\uFEFF${body}`;
}

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  const cleaned = title
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned || "Kring";
}

const COLUMN_WIDTH = { min: 8, max: 60 };

export async function tableToXlsx(table: ExportTable): Promise<Buffer> {
  const header = table.columns.map((c) => ({ value: c.header, fontWeight: "bold" as const }));
  const rows = table.rows.map((row) =>
    table.columns.map((c) => {
      const value = row[c.key];
      if (value === null || value === undefined || value === "") return null;
      return typeof value === "number" ? { value, type: Number } : { value, type: String, wrap: value.includes("\n") };
    }),
  );
  const widths = table.columns.map((c) => {
    const longest = Math.max(
      c.header.length,
      ...table.rows.map((row) =>
        Math.max(
          0,
          ...String(row[c.key] ?? "")
            .split("\n")
            .map((line) => line.length),
        ),
      ),
    );
    return { width: Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, longest + 2)) };
  });
  return writeXlsxFile([header, ...rows], {
    sheet: sheetName(table.title),
    columns: widths,
    stickyRowsCount: 1,
  }).toBuffer();
}

/** A file name that every browser and file system accepts: ASCII letters, digits and dashes. */
export function asciiFileName(title: string, format: ExportFormat): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 80);
  return `${base || "kring"}.${format}`;
}
