import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  asciiFileName,
  neutraliseFormula,
  sheetName,
  tableToCsv,
  tableToXlsx,
  type ExportTable,
} from "../../app/services/table-export.server";

const table: ExportTable = {
  title: "Zetels Envida 1 maart 2025",
  columns: [
    { key: "name", header: "Naam" },
    { key: "note", header: "Notitie" },
    { key: "count", header: "Aantal" },
  ],
  rows: [
    { name: "Anna van den Berg", note: "voorzitter; sinds 2024", count: 3 },
    { name: '=HYPERLINK("x")', note: "regel 1\nregel 2", count: null },
  ],
};

describe("CSV as Dutch Excel opens it", () => {
  const csv = tableToCsv(table);

  it("starts with a byte-order mark and a header row, separated by semicolons", () => {
    expect(csv.startsWith("\uFEFFNaam;Notitie;Aantal\r\n")).toBe(true);
  });

  it("quotes values holding a semicolon, a quote or a line break, and leaves empty cells empty", () => {
    const lines = csv.slice(1).split("\r\n");
    expect(lines[1]).toBe('Anna van den Berg;"voorzitter; sinds 2024";3');
    expect(csv).toContain('"regel 1\nregel 2";');
  });

  it("neutralises a value that a spreadsheet would run as a formula", () => {
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    for (const start of ["=", "+", "-", "@"]) expect(neutraliseFormula(`${start}1`)).toBe(`'${start}1`);
    expect(neutraliseFormula("Gemeente Heerlen")).toBe("Gemeente Heerlen");
  });
});

describe("XLSX", () => {
  it("is a workbook whose sheet holds the headers and the values, the sheet named after the title", async () => {
    const files = unzipSync(new Uint8Array(await tableToXlsx(table)));
    const all = Object.entries(files)
      .filter(([name]) => name.endsWith(".xml"))
      .map(([, content]) => strFromU8(content))
      .join("\n");
    for (const text of [
      "Naam",
      "Notitie",
      "Anna van den Berg",
      "voorzitter; sinds 2024",
      "Zetels Envida 1 maart 2025",
    ]) {
      expect(all).toContain(text);
    }
    expect(all).toMatch(/<v>3<\/v>/);
  });

  it("keeps a sheet name within Excel's rules", () => {
    expect(sheetName("Wie zit waar: GGD/ZL [2025]?")).toBe("Wie zit waar GGD ZL 2025");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    expect(sheetName("***")).toBe("Kring");
  });
});

describe("file names", () => {
  it("are plain ASCII with the format's extension", () => {
    expect(asciiFileName("Zetels Alliantie Santé 1 maart 2025", "csv")).toBe("zetels-alliantie-sante-1-maart-2025.csv");
    expect(asciiFileName("???", "xlsx")).toBe("kring.xlsx");
  });
});
