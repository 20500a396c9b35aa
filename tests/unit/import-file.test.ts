import writeXlsxFile from "write-excel-file/node";
import { describe, expect, it } from "vitest";
import { splitMessageKey } from "../../app/services/form-data";
import { IMPORT_MAX_BYTES } from "../../app/services/import-fields";
import { decodeText, detectDelimiter, readImportFile } from "../../app/services/import-file.server";

const bytes = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 as Excel saves it: é is 0xE9, ë 0xEB, one byte each (not valid UTF-8). */
function windows1252(text: string): Uint8Array {
  const table: Record<string, number> = { é: 0xe9, ë: 0xeb, ï: 0xef, ö: 0xf6, "€": 0x80 };
  return Uint8Array.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
}

async function read(name: string, content: Uint8Array) {
  const result = await readImportFile(name, content);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.table;
}

async function refusal(name: string, content: Uint8Array) {
  const result = await readImportFile(name, content);
  if (result.ok) throw new Error("the file was read");
  return splitMessageKey(result.message).key;
}

describe("encoding", () => {
  it("reads UTF-8 and drops its byte-order mark", () => {
    const decoded = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes("Zoë;Santé")]));
    expect(decoded).toEqual({ text: "Zoë;Santé", encoding: "utf-8" });
  });

  it("falls back to Windows-1252 when the bytes are not UTF-8", () => {
    const raw = windows1252("Achternaam;Organisatie\nBrouwër;Alliantie Santé\n");
    expect(raw.length).toBe("Achternaam;Organisatie\nBrouwër;Alliantie Santé\n".length);
    expect(decodeText(raw)).toEqual({
      text: "Achternaam;Organisatie\nBrouwër;Alliantie Santé\n",
      encoding: "windows-1252",
    });
  });
});

describe("delimiter", () => {
  it.each([
    [";", "a;b;c\n1;2;3\n4;5;6"],
    [",", "a,b,c\n1,2,3"],
    ["\t", "a\tb\tc\n1\t2\t3"],
    ["|", "a|b|c\n1|2|3"],
  ])("recognises %j", (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it("prefers the delimiter that splits every line alike over one that appears in values", () => {
    // the commas are in the values (a name "Berg, van den"), the semicolons split the columns
    const text = 'Naam;Organisatie;Functie\n"Berg, van den";GGD, afdeling X;arts\nJansen;MUMC+;verpleegkundige';
    expect(detectDelimiter(text)).toBe(";");
  });

  it("ignores delimiters inside quotes", () => {
    expect(detectDelimiter('a,b\n"x;y;z",2\n"p;q",3')).toBe(",");
  });
});

describe("readImportFile", () => {
  it("reads a Windows-1252 CSV with its accents, spreadsheet row numbers and padded rows", async () => {
    const table = await read(
      "lijst.csv",
      windows1252("Achternaam;Organisatie;Rol\nBrouwër;Santé\n\nDijkstra;MUMC+;lid\n"),
    );
    expect(table).toMatchObject({ format: "csv", encoding: "windows-1252", delimiter: ";" });
    expect(table.headers).toEqual(["Achternaam", "Organisatie", "Rol"]);
    expect(table.rows).toEqual([
      ["Brouwër", "Santé", ""],
      ["Dijkstra", "MUMC+", "lid"],
    ]);
    expect(table.lines).toEqual([2, 4]);
  });

  it("reads the first sheet of an XLSX workbook, dates as days", async () => {
    const file = await writeXlsxFile([
      [
        { value: "Achternaam", type: String },
        { value: "Vanaf", type: String },
        { value: "Nummer", type: String },
      ],
      [
        { value: "Jansen", type: String },
        { value: new Date(Date.UTC(2024, 2, 1)), type: Date, format: "dd-mm-yyyy" },
        { value: 42, type: Number },
      ],
    ]).toBuffer();
    const table = await read("lijst.xlsx", new Uint8Array(file));
    expect(table.format).toBe("xlsx");
    expect(table.rows).toEqual([["Jansen", "2024-03-01", "42"]]);
  });

  it("refuses what is not a spreadsheet, an empty file, a header alone and a file over the limit", async () => {
    expect(await refusal("foto.png", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toBe(
      "import.errors.notSpreadsheet",
    );
    expect(await refusal("lijst.csv", Uint8Array.from([0x41, 0, 0x42]))).toBe("import.errors.notSpreadsheet");
    expect(await refusal("lijst.pdf", bytes("a;b\n1;2"))).toBe("import.errors.notSpreadsheet");
    expect(await refusal("lijst.csv", new Uint8Array())).toBe("import.errors.empty");
    expect(await refusal("lijst.csv", bytes("Achternaam;Organisatie\n\n"))).toBe("import.errors.empty");
    expect(await refusal("lijst.csv", new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x41))).toBe("import.errors.tooLarge");
    expect(await refusal("lijst.xlsx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe(
      "import.errors.unreadableXlsx",
    );
  });

  it("names the line where a CSV stops being readable", async () => {
    const result = await readImportFile("lijst.csv", bytes('a;b\n1;2\n"open;3\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(splitMessageKey(result.message).key).toBe("import.errors.unreadableCsv");
  });
});
