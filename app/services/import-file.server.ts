import { CsvError, parse } from "csv-parse/sync";
import { InvalidInputError, readSheet } from "read-excel-file/node";
import type { Message } from "../i18n/keys";
import { messageKey } from "./form-data";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "./import-fields";
import { megabytesText } from "./upload-limits";

/**
 * Reading an uploaded spreadsheet into a header and rows of text: CSV in UTF-8 or Windows-1252
 * (recognised), with any of the usual delimiters, or the first sheet of an XLSX workbook. Parsing
 * is csv-parse's and read-excel-file's; what is decided here is which encoding and which delimiter.
 */

export type ImportEncoding = "utf-8" | "windows-1252";

export interface ImportTable {
  format: "csv" | "xlsx";
  encoding: ImportEncoding | null;
  delimiter: string | null;
  headers: string[];
  /** the data rows, each as long as the header, cells as text */
  rows: string[][];
  /** each data row's number in the spreadsheet (the header is row 1; empty rows are left out) */
  lines: number[];
}

export type ImportFileResult = { ok: true; table: ImportTable } | { ok: false; message: Message };

/**
 * UTF-8 when the bytes are valid UTF-8 (a byte-order mark dropped), else Windows-1252: the encoding
 * Excel on Windows saves "CSV" in, in which "é" and "ë" are single bytes that UTF-8 refuses.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: ImportEncoding } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text.startsWith("\uFEFF") ? text.slice(1) : text, encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

export const DELIMITERS = [";", ",", "\t", "|"] as const;

/** How many lines the delimiter is judged on. */
const SAMPLE_LINES = 20;

/** Fields per line for a delimiter, counted outside quotes, over the first lines. */
function fieldCounts(lines: readonly string[], delimiter: string): number[] {
  return lines.map((line) => {
    let quoted = false;
    let count = 1;
    for (const character of line) {
      if (character === '"') quoted = !quoted;
      else if (!quoted && character === delimiter) count += 1;
    }
    return count;
  });
}

/**
 * The delimiter that splits the first lines into the same number of columns, more than one; among
 * several such, the one giving the most columns. csv-parse has no detection of its own.
 */
export function detectDelimiter(text: string): (typeof DELIMITERS)[number] {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== "")
    .slice(0, SAMPLE_LINES);
  let best: { delimiter: (typeof DELIMITERS)[number]; columns: number; consistent: boolean } | null = null;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(lines, delimiter);
    const columns = counts[0] ?? 1;
    if (columns < 2) continue;
    const consistent = counts.every((count) => count === columns);
    if (!best || (consistent && !best.consistent) || (consistent === best.consistent && columns > best.columns))
      best = { delimiter, columns, consistent };
  }
  return best?.delimiter ?? ";";
}

/** `.xlsx` files are ZIP archives: they start with "PK\x03\x04". */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

class FileRefusal extends Error {
  constructor(readonly refusal: Message) {
    super(refusal);
  }
}

/** A cell of a workbook as text: dates as ISO days, numbers as written, booleans as ja/nee. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "boolean") return cell ? "ja" : "nee";
  if (typeof cell === "number") return String(cell);
  return typeof cell === "string" ? cell.trim() : "";
}

async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  try {
    const data = await readSheet(Buffer.from(bytes));
    return data.map((row) => row.map(cellText));
  } catch (error) {
    if (error instanceof InvalidInputError || error instanceof Error)
      throw new FileRefusal("import.errors.unreadableXlsx");
    throw error;
  }
}

function csvRows(text: string, delimiter: string): string[][] {
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, trim: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === "number" ? error.lines : 0;
    throw new FileRefusal(messageKey("import.errors.unreadableCsv", { line }));
  }
}

/** Looks like text: no NUL bytes in the first kilobytes (a PDF, image or old .xls has them). */
const looksLikeText = (bytes: Uint8Array) => !bytes.subarray(0, 8192).includes(0);

/** The rows of an uploaded file, or why it cannot be imported (not CSV/XLSX, empty, too large). */
export async function readImportFile(fileName: string, bytes: Uint8Array): Promise<ImportFileResult> {
  if (bytes.length > IMPORT_MAX_BYTES)
    return {
      ok: false,
      message: messageKey("import.errors.tooLarge", { limit: megabytesText(IMPORT_MAX_BYTES, "nl") }),
    };
  if (bytes.length === 0) return { ok: false, message: "import.errors.empty" };
  try {
    let table: ImportTable;
    if (isZip(bytes)) {
      table = { format: "xlsx", encoding: null, delimiter: null, headers: [], rows: await xlsxRows(bytes), lines: [] };
    } else if (/\.(csv|txt|tsv)$/i.test(fileName) && looksLikeText(bytes)) {
      const { text, encoding } = decodeText(bytes);
      const delimiter = detectDelimiter(text);
      table = { format: "csv", encoding, delimiter, headers: [], rows: csvRows(text, delimiter), lines: [] };
    } else {
      return { ok: false, message: "import.errors.notSpreadsheet" };
    }
    const filled = table.rows
      .map((cells, i) => ({ cells, line: i + 1 }))
      .filter((row) => row.cells.some((cell) => cell.trim() !== ""));
    const [header, ...rows] = filled;
    if (!header || rows.length === 0) return { ok: false, message: "import.errors.empty" };
    if (rows.length > IMPORT_MAX_ROWS)
      return {
        ok: false,
        message: messageKey("import.errors.tooManyRows", { max: IMPORT_MAX_ROWS, count: rows.length }),
      };
    const headers = header.cells.map((cell, i) => cell.trim() || `#${i + 1}`);
    const width = headers.length;
    return {
      ok: true,
      table: {
        ...table,
        headers,
        rows: rows.map((row) => Array.from({ length: width }, (_, i) => (row.cells[i] ?? "").trim())),
        lines: rows.map((row) => row.line),
      },
    };
  } catch (error) {
    if (error instanceof FileRefusal) return { ok: false, message: error.refusal };
    throw error;
  }
}
