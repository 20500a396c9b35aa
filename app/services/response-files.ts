import { CsvError, parse } from "csv-parse/sync";
import type { IsoMoment } from "../../db/schema";
import type { Message } from "../i18n/keys";
import { messageKey } from "./form-data";
import type { ResponseFormat } from "./response-file-formats";
import { AMSTERDAM, isKnownTimeZone, wallClockMoment } from "./zoned-time";

/**
 * Reading the files a survey tool exports about who answered: LimeSurvey's participant export
 * (its `completed` column), LimeSurvey's response export (`submitdate`, `startdate`) and
 * Qualtrics' response export (`Finished`, the token in `ExternalDataReference` or embedded data).
 * The format is recognised from the columns; the delimiter (comma, semicolon, tab) from the header
 * line. Dates without a zone are Europe/Amsterdam wall-clock times and come out as UTC moments.
 */

/** What a file says of one token; a token listed twice (two responses) gives its earliest dates. */
export interface ResponseRecord {
  token: string;
  startedAt: IsoMoment | null;
  completedAt: IsoMoment | null;
}

export type ResponseFile =
  | {
      ok: true;
      format: ResponseFormat;
      responses: ResponseRecord[];
      /** rows without a token (a Qualtrics preview, an anonymous response): not matched to anyone */
      withoutToken: number;
    }
  | { ok: false; message: Message };

/** The columns a refusal lists at most: a response export has one per question. */
const FOUND_COLUMNS_LISTED = 20;

class FileRefusal extends Error {
  constructor(readonly refusal: Message) {
    super(refusal);
  }
}

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * The delimiter the header line uses most, counted outside quotes: LimeSurvey writes commas, a
 * spreadsheet with Dutch settings semicolons, some exports tabs. A header of one column has none:
 * then it does not matter.
 */
export function detectDelimiter(text: string): (typeof DELIMITERS)[number] {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  return DELIMITERS.reduce((best, candidate) =>
    (counts.get(candidate) ?? 0) > (counts.get(best) ?? 0) ? candidate : best,
  );
}

function textOf(content: string | Uint8Array): string {
  // TextDecoder drops a UTF-8 byte-order mark; a string may still start with one
  const text = typeof content === "string" ? content : new TextDecoder("utf-8").decode(content);
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** The records with their spreadsheet row numbers (a cell over several lines is still one row). */
function recordsOf(text: string): { number: number; cells: string[] }[] {
  try {
    const records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true });
    return records
      .map((cells, i) => ({ number: i + 1, cells }))
      .filter((row) => row.cells.some((value) => value.trim() !== ""));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === "number" ? error.lines : 0;
    throw new FileRefusal(messageKey("responses.errors.unreadable", { line }));
  }
}

/* ---------------- dates ---------------- */

const ISO_DATE_TIME =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
/** "3-10-2026 14:12": how a spreadsheet with Dutch settings saves a date it opened. */
const DUTCH_DATE_TIME = /^(\d{1,2})-(\d{1,2})-(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A survey tool's date as a UTC moment: "2026-10-03 14:12" (a wall-clock time in `zone`),
 * "2026-10-03T12:12:33Z" or with an offset, and "3-10-2026 14:12"; null when it is none of these
 * or no such day exists.
 */
export function surveyMoment(text: string, zone: string = AMSTERDAM): IsoMoment | null {
  const iso = ISO_DATE_TIME.exec(text);
  const dutch = iso ? null : DUTCH_DATE_TIME.exec(text);
  const match = iso ?? dutch;
  if (!match) return null;
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : [dutch![3], dutch![2], dutch![1]];
  const reading = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(match[4] ?? 0),
    minute: Number(match[5] ?? 0),
    second: Number(match[6] ?? 0),
  };
  const asUtc = new Date(
    Date.UTC(reading.year, reading.month - 1, reading.day, reading.hour, reading.minute, reading.second),
  );
  const exists =
    asUtc.getUTCFullYear() === reading.year &&
    asUtc.getUTCMonth() === reading.month - 1 &&
    asUtc.getUTCDate() === reading.day &&
    asUtc.getUTCHours() === reading.hour &&
    asUtc.getUTCMinutes() === reading.minute &&
    asUtc.getUTCSeconds() === reading.second;
  if (!exists) return null;
  const offset = iso?.[7];
  if (!offset) return wallClockMoment(reading, zone);
  if (offset.toUpperCase() === "Z") return asUtc.toISOString();
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)!;
  const offsetMs = (Number(hours) * 60 + Number(minutes)) * 60_000 * (sign === "-" ? -1 : 1);
  return new Date(asUtc.getTime() - offsetMs).toISOString();
}

/* ---------------- the table ---------------- */

/** The header row with names compared case-insensitively, and the data rows with their row numbers. */
class Table {
  private readonly index = new Map<string, number>();
  readonly names: string[];

  constructor(
    header: string[],
    readonly rows: { number: number; cells: string[] }[],
  ) {
    this.names = header.map((name) => name.trim());
    this.names.forEach((name, i) => {
      if (!this.index.has(name.toLowerCase())) this.index.set(name.toLowerCase(), i);
    });
  }

  has(...names: string[]): boolean {
    return names.every((name) => this.index.has(name));
  }

  /** The first of `names` that is a column, as its position. */
  column(...names: string[]): number | undefined {
    for (const name of names) {
      const position = this.index.get(name);
      if (position !== undefined) return position;
    }
    return undefined;
  }

  /** The columns found, as a refusal lists them. */
  foundText(): string {
    const shown = this.names.filter((name) => name !== "").slice(0, FOUND_COLUMNS_LISTED);
    const more = this.names.length - shown.length;
    return shown.join(", ") + (more > 0 ? ` (+${more})` : "");
  }
}

const cell = (cells: string[], position: number | undefined) =>
  position === undefined ? "" : (cells[position] ?? "").trim();

function momentIn(table: Table, row: { number: number; cells: string[] }, position: number | undefined, zone?: string) {
  const text = cell(row.cells, position);
  if (text === "") return null;
  const moment = surveyMoment(text, zone);
  if (moment === null) {
    throw new FileRefusal(
      messageKey("responses.errors.badDate", {
        row: row.number,
        column: table.names[position!] ?? "",
        value: text.slice(0, 40),
      }),
    );
  }
  return moment;
}

type Reader = (table: Table) => { responses: ResponseRecord[]; withoutToken: number };

function collect(table: Table, read: (row: Table["rows"][number]) => ResponseRecord) {
  const responses: ResponseRecord[] = [];
  let withoutToken = 0;
  for (const row of table.rows) {
    const response = read(row);
    if (response.token === "") withoutToken += 1;
    else responses.push(response);
  }
  return { responses, withoutToken };
}

/** LimeSurvey's participant export: `completed` is "N" or the date and time of completion. */
const limeSurveyParticipants: Reader = (table) => {
  const token = table.column("token");
  const completed = table.column("completed");
  return collect(table, (row) => {
    const value = cell(row.cells, completed);
    return {
      token: cell(row.cells, token),
      startedAt: null,
      completedAt: value === "" || value.toUpperCase() === "N" ? null : momentIn(table, row, completed),
    };
  });
};

/** LimeSurvey's response export: `submitdate` empty while not submitted; headed with codes or with texts. */
const limeSurveyResponses: Reader = (table) => {
  const token = table.column("token");
  const submitted = table.column("submitdate", "date submitted");
  const started = table.column("startdate", "date started");
  return collect(table, (row) => ({
    token: cell(row.cells, token),
    startedAt: momentIn(table, row, started),
    completedAt: momentIn(table, row, submitted),
  }));
};

const FINISHED = new Map([
  ["1", true],
  ["true", true],
  ["0", false],
  ["false", false],
]);

/** Qualtrics' third header row: `{"ImportId":"startDate","timeZone":"Europe/Amsterdam"}` per column. */
const isImportIdRow = (cells: string[]) => cells.some((value) => value.trim().startsWith('{"ImportId"'));

function zonesFrom(cells: string[]): Map<number, string> {
  const zones = new Map<number, string>();
  cells.forEach((value, position) => {
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed && typeof parsed === "object" && "timeZone" in parsed) {
        const zone = parsed.timeZone;
        if (typeof zone === "string" && isKnownTimeZone(zone)) zones.set(position, zone);
      }
    } catch {
      // not JSON: a column without a stated zone
    }
  });
  return zones;
}

/**
 * Qualtrics' response export. Under the header it puts the question texts and a row of ImportId
 * JSON (which may name the zone the dates are in): both are skipped. A response is started at
 * StartDate; finished ones are complete at EndDate (else RecordedDate).
 */
const qualtricsResponses: Reader = (table) => {
  const finished = table.column("finished");
  const startDate = table.column("startdate");
  const endDate = table.column("enddate", "recordeddate");
  const externalReference = table.column("externaldatareference", "externalreference");
  const embeddedToken = table.column("token");
  if (externalReference === undefined && embeddedToken === undefined)
    throw new FileRefusal(
      messageKey("responses.errors.missingColumns", {
        format: "Qualtrics",
        columns: "ExternalDataReference / token",
        found: table.foundText(),
      }),
    );
  if (endDate === undefined)
    throw new FileRefusal(
      messageKey("responses.errors.missingColumns", {
        format: "Qualtrics",
        columns: "EndDate / RecordedDate",
        found: table.foundText(),
      }),
    );

  let zones = new Map<number, string>();
  const rows = [...table.rows];
  // at most the two extra header rows: the question texts ("Finished" under Finished) and the ImportIds
  for (let skipped = 0; skipped < 2 && rows.length > 0; skipped += 1) {
    const cells = rows[0]!.cells;
    if (isImportIdRow(cells)) zones = zonesFrom(cells);
    else if (FINISHED.has(cell(cells, finished).toLowerCase()) || surveyMoment(cell(cells, startDate)) !== null) break;
    rows.shift();
  }
  const data = new Table(table.names, rows);
  return collect(data, (row) => {
    const finishedText = cell(row.cells, finished);
    const isFinished = FINISHED.get(finishedText.toLowerCase());
    if (isFinished === undefined)
      throw new FileRefusal(
        messageKey("responses.errors.badFinished", { row: row.number, value: finishedText.slice(0, 40) }),
      );
    return {
      token: cell(row.cells, externalReference) || cell(row.cells, embeddedToken),
      startedAt: momentIn(data, row, startDate, zones.get(startDate ?? -1)),
      completedAt: isFinished ? momentIn(data, row, endDate, zones.get(endDate)) : null,
    };
  });
};

/** The format the columns say, or null. Qualtrics first: its exports also have a StartDate. */
function formatOf(table: Table): ResponseFormat | null {
  if (table.has("finished")) return "qualtrics";
  if (!table.has("token")) return null;
  if (table.has("completed")) return "limesurvey-deelnemers";
  if (table.column("submitdate", "date submitted") !== undefined) return "limesurvey-antwoorden";
  return null;
}

const READERS: Record<ResponseFormat, Reader> = {
  "limesurvey-deelnemers": limeSurveyParticipants,
  "limesurvey-antwoorden": limeSurveyResponses,
  qualtrics: qualtricsResponses,
};

const earliest = (a: IsoMoment | null, b: IsoMoment | null) => (a === null ? b : b === null || a <= b ? a : b);

/** One record per token: a token with several responses (a survey that allows more than one) is started and completed at its earliest. */
function perToken(responses: readonly ResponseRecord[]): ResponseRecord[] {
  const byToken = new Map<string, ResponseRecord>();
  for (const response of responses) {
    const seen = byToken.get(response.token);
    byToken.set(
      response.token,
      seen
        ? {
            token: response.token,
            startedAt: earliest(seen.startedAt, response.startedAt),
            completedAt: earliest(seen.completedAt, response.completedAt),
          }
        : response,
    );
  }
  return [...byToken.values()];
}

/** Reads a response file: who started and who completed, per token; or why the file cannot be read. */
export function readResponseFile(content: string | Uint8Array): ResponseFile {
  try {
    const [header, ...rows] = recordsOf(textOf(content));
    if (!header) return { ok: false, message: messageKey("responses.errors.empty") };
    const table = new Table(header.cells, rows);
    const format = formatOf(table);
    if (!format)
      return { ok: false, message: messageKey("responses.errors.unknownFormat", { found: table.foundText() }) };
    const { responses, withoutToken } = READERS[format](table);
    return { ok: true, format, responses: perToken(responses), withoutToken };
  } catch (error) {
    if (error instanceof FileRefusal) return { ok: false, message: error.refusal };
    throw error;
  }
}
