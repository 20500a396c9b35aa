import { describe, expect, it } from "vitest";
import { translator } from "../../app/i18n/index";
import {
  answerCode,
  type ExportMember,
  type ExportPanel,
  exportFileName,
  limeSurveyLabelSet,
  limeSurveyParticipantsCsv,
  panelTable,
  pseudonymFor,
  pseudonymisedTable,
  qualtricsContactsCsv,
  rosterTable,
} from "../../app/services/panel-export-formats";
import { tableToCsv } from "../../app/services/table-export.server";

const nl = translator("nl");
const en = translator("en");

function member(overrides: Partial<ExportMember> = {}): ExportMember {
  return {
    personId: 7,
    token: "tok7",
    firstName: "Ayşe",
    infix: null,
    lastName: "Özdemir",
    salutation: "Geachte mevrouw Özdemir",
    email: "ayse@example.org",
    language: "nl",
    attributes: {
      organisationId: 3,
      organisationName: "Zuyderland, Heerlen",
      organisationShortName: "ZL",
      sectorCode: "ziekenhuis",
      sectorName: "Ziekenhuis",
      subregions: ["Parkstad", "Westelijke Mijnstreek"],
      level: "strategisch",
      bodies: [
        { id: 11, name: "Bestuurlijke Regiegroep", abbreviation: "BRGZL", level: "strategisch", role: "voorzitter" },
      ],
      roles: ["voorzitter"],
    },
    reasons: [
      {
        rule: "seat",
        ruleIndex: 0,
        seatId: 5,
        bodyId: 11,
        bodyName: "Bestuurlijke Regiegroep",
        role: "voorzitter",
        level: "strategisch",
      },
    ],
    excluded: null,
    ...overrides,
  };
}

const wave = {
  id: 1,
  name: "Meting 2025",
  year: 2025,
  referenceDate: "2025-10-01",
  status: "frozen" as const,
  regionId: 1,
  linkTemplate: "https://enquete.example.org/s/{token}",
};

const panel: ExportPanel = {
  wave,
  members: [
    member(),
    member({
      personId: 8,
      token: "tok8",
      firstName: "Jan",
      infix: "van der",
      lastName: "Berg",
      salutation: 'Beste "Jan"',
      email: "jan@example.org",
      language: "en",
    }),
    member({
      personId: 9,
      token: "tok9",
      firstName: "Weg",
      lastName: "Gegaan",
      email: "weg@example.org",
      excluded: { at: "2025-10-05T09:00:00.000Z", reason: "Vertrokken" },
    }),
  ],
};
const draft: ExportPanel = { ...panel, wave: { ...wave, status: "draft" } };

describe("the LimeSurvey participants file", () => {
  const csv = limeSurveyParticipantsCsv(panel, nl);
  const lines = csv.split("\n");

  it("uses LimeSurvey's own column names, with the attribute descriptions in angle brackets", () => {
    expect(lines[0]).toBe(
      "firstname,lastname,email,token,language,attribute_1 <Aanhef>,attribute_2 <Organisatie>,attribute_3 <Sector>,attribute_4 <Subregio's>,attribute_5 <Niveau>,attribute_6 <Gremia>,attribute_7 <Rollen>",
    );
  });

  it("writes one line per member still surveyed, quoting commas and quotes, keeping UTF-8 names", () => {
    expect(lines[1]).toBe(
      'Ayşe,Özdemir,ayse@example.org,tok7,nl,Geachte mevrouw Özdemir,"Zuyderland, Heerlen",Ziekenhuis,Parkstad; Westelijke Mijnstreek,Strategisch,Bestuurlijke Regiegroep,Voorzitter',
    );
    expect(lines[2]).toContain('Jan,van der Berg,jan@example.org,tok8,en,"Beste ""Jan"""');
    expect(csv).not.toContain("weg@example.org");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
  });

  it("puts no line break inside a value, since LimeSurvey splits the file on lines", () => {
    const broken = limeSurveyParticipantsCsv({ wave, members: [member({ salutation: "Geachte\r\nmevrouw" })] }, nl);
    expect(broken.split("\n")[1]).toContain(",Geachte mevrouw,");
  });

  it("keeps commas and angle brackets out of the header descriptions", () => {
    const header = limeSurveyParticipantsCsv(panel, en).split("\n")[0] ?? "";
    expect(header).toContain("attribute_4 <Subregions>");
    expect(header.match(/<[^>]*>/g)?.every((description) => !description.slice(1, -1).includes(","))).toBe(true);
  });
});

describe("the survey tools' files and a name that looks like a formula", () => {
  const formulas = {
    wave,
    members: [
      member({
        firstName: '=HYPERLINK("http://evil.example")',
        lastName: "+31 Berg",
        salutation: "-Geachte",
        attributes: { ...member().attributes, organisationName: "@Zorg" },
      }),
    ],
  };

  it("neutralises every text cell starting with = + - @, in LimeSurvey's file", () => {
    const line = limeSurveyParticipantsCsv(formulas, nl).split("\n")[1]!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(line).toContain(",'+31 Berg,");
    expect(line).toContain(",'-Geachte,");
    expect(line).toContain(",'@Zorg,");
    expect(line).toContain(",ayse@example.org,tok7,nl,");
  });

  it("and in Qualtrics' file, leaving the address, the token and the codes exactly as they are", () => {
    const line = qualtricsContactsCsv(formulas).split("\r\n")[1]!;
    expect(
      line.startsWith(`"'=HYPERLINK(""http://evil.example"")",'+31 Berg,ayse@example.org,tok7,NL,tok7,'-Geachte,`),
    ).toBe(true);
    expect(line).toContain(",'@Zorg,");
  });
});

describe("the Qualtrics contact list", () => {
  const lines = qualtricsContactsCsv(panel).split("\r\n");

  it("uses Qualtrics' field names and language codes, the token as external reference, the rest as embedded data", () => {
    expect(lines[0]).toBe(
      "FirstName,LastName,Email,ExternalDataReference,Language,Token,Salutation,OrganisationId,Organisation,SectorCode,Sector,Subregions,Level,Bodies,Roles,SurveyLink",
    );
    expect(lines[1]).toBe(
      'Ayşe,Özdemir,ayse@example.org,tok7,NL,tok7,Geachte mevrouw Özdemir,3,"Zuyderland, Heerlen",ziekenhuis,Ziekenhuis,Parkstad; Westelijke Mijnstreek,strategisch,Bestuurlijke Regiegroep,voorzitter,https://enquete.example.org/s/tok7',
    );
    expect(lines[2]).toMatch(/^Jan,van der Berg,jan@example.org,tok8,EN,tok8,"Beste ""Jan""",/);
  });

  it("leaves out members excluded after freezing", () => {
    expect(lines.filter((line) => line !== "")).toHaveLength(3);
    expect(lines.join("\n")).not.toContain("weg@example.org");
  });
});

describe("the general panel table", () => {
  it("lists every member with attributes and reasons in words, and marks later exclusions", () => {
    const table = panelTable(panel, nl);
    expect(table.columns.map((c) => c.header)).toContain("Redenen");
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0]).toMatchObject({
      lastName: "Özdemir",
      reasons: "Voorzitter van Bestuurlijke Regiegroep (strategisch)",
      level: "Strategisch",
      surveyLink: "https://enquete.example.org/s/tok7",
    });
    expect(table.rows[2]).toMatchObject({ excludedAt: "2025-10-05T09:00:00.000Z", exclusionReason: "Vertrokken" });
  });

  it("of a draft wave says so in its first row, then the headers", () => {
    const csv = tableToCsv(panelTable(draft, nl)).slice(1).split("\r\n");
    expect(csv[0]).toMatch(/^"CONCEPT — nog niet bevroren; dit panel kan nog veranderen";+$/);
    expect(csv[1]?.startsWith("Persoon-id;Aanhef;Voornaam")).toBe(true);
    expect(tableToCsv(panelTable(draft, en))).toContain("DRAFT — not frozen yet");
  });
});

describe("pseudonyms", () => {
  it("are the same for the same person and secret, whatever the wave", () => {
    expect(pseudonymFor("s".repeat(32), 7)).toBe(pseudonymFor("s".repeat(32), 7));
    expect(pseudonymFor("s".repeat(32), 7)).toMatch(/^[0-9a-f]{16}$/);
  });

  it("differ between people and between secrets", () => {
    expect(pseudonymFor("s".repeat(32), 7)).not.toBe(pseudonymFor("s".repeat(32), 8));
    expect(pseudonymFor("s".repeat(32), 7)).not.toBe(pseudonymFor("t".repeat(32), 7));
  });

  it("replace names, addresses and tokens in the research file", () => {
    const table = pseudonymisedTable(panel, "s".repeat(32), nl);
    const text = tableToCsv(table);
    for (const personal of ["Özdemir", "Ayşe", "ayse@example.org", "tok7", "Berg", "weg@example.org"])
      expect(text).not.toContain(personal);
    expect(table.rows.map((row) => row.pseudonym)).toEqual([
      pseudonymFor("s".repeat(32), 7),
      pseudonymFor("s".repeat(32), 8),
    ]);
    expect(table.rows[0]).toMatchObject({
      organisationId: 3,
      sectorCode: "ziekenhuis",
      level: "strategisch",
      bodyIds: "11",
      roles: "voorzitter",
    });
  });
});

describe("the organisation roster", () => {
  const organisations = [
    { id: 3, name: "Zuyderland & Co <ZL>", shortName: "ZL", sectorCode: "ziekenhuis", sectorName: "Ziekenhuis" },
    { id: 12, name: "GGD Zuid Limburg", shortName: null, sectorCode: "ggd", sectorName: "GGD" },
  ];

  it("as CSV gives id, name, short name, sector and the answer code", () => {
    const lines = tableToCsv(rosterTable(wave, organisations, nl))
      .slice(1)
      .split("\r\n");
    expect(lines[0]).toBe("Organisatie-id;Organisatie;Korte naam;Sectorcode;Sector;Antwoordcode");
    expect(lines[1]).toBe("3;Zuyderland & Co <ZL>;ZL;ziekenhuis;Ziekenhuis;O3");
  });

  it("as a LimeSurvey label set has one label per organisation and language, escaped", () => {
    const xml = limeSurveyLabelSet("Meting 2025 organisaties", organisations, ["nl", "en"]);
    expect(xml).toContain("<LimeSurveyDocType>Label set</LimeSurveyDocType>");
    expect(xml).toContain("<languages><![CDATA[nl en]]></languages>");
    expect(xml.match(/<code>/g)).toHaveLength(4);
    expect(xml).toContain("<title><![CDATA[Zuyderland &amp; Co &lt;ZL&gt; (ZL)]]></title>");
    expect(xml).toContain("<code><![CDATA[O12]]></code>");
  });

  it("refuses an id too long for LimeSurvey's five-character answer codes", () => {
    expect(answerCode(9999)).toBe("O9999");
    expect(() => answerCode(10000)).toThrow(RangeError);
  });
});

describe("file names", () => {
  it("say CONCEPT or DRAFT for a draft wave, in the user's language", () => {
    expect(exportFileName(wave, "panel", "csv", nl)).toBe("meting-2025-panel.csv");
    expect(exportFileName(draft.wave, "panel", "csv", nl)).toBe("meting-2025-panel-CONCEPT.csv");
    expect(exportFileName(draft.wave, "panel", "xlsx", en)).toBe("meting-2025-panel-DRAFT.xlsx");
  });
});
