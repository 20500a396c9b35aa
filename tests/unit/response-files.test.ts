import { describe, expect, it } from "vitest";
import { splitMessageKey } from "../../app/services/form-data";
import { detectDelimiter, readResponseFile, surveyMoment } from "../../app/services/response-files";

const read = (content: string | Uint8Array) => {
  const result = readResponseFile(content);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result;
};

const refusal = (content: string | Uint8Array) => {
  const result = readResponseFile(content);
  if (result.ok) throw new Error("the file was read");
  return splitMessageKey(result.message);
};

/** As LimeSurvey 6 writes "Export participants": every field quoted, commas, attribute columns. */
const LIMESURVEY_PARTICIPANTS = [
  '"tid","firstname","lastname","email","emailstatus","token","language","validfrom","validuntil","invited","reminded","remindercount","completed","usesleft","attribute_1 <Organisatie>"',
  '"1","Anna","Aalders","anna@example.org","OK","tokenaaa","nl","","","2026-09-28 09:00","N","0","2026-10-03 14:12","0","GGD Zuid Limburg"',
  '"2","Bram","Bakker","bram@example.org","OK","tokenbbb","nl","","","2026-09-28 09:00","2026-10-05 09:00","1","N","1","Welzijn, Mijnstreek"',
  '"3","Cees","Claes","cees@example.org","OK","tokenccc","en","","","2026-09-28 09:00","N","0","N","1",""',
].join("\r\n");

describe("a LimeSurvey participant export", () => {
  it("is recognised by token and completed: a date is a completion (Amsterdam time, stored as UTC), N is none", () => {
    const file = read(LIMESURVEY_PARTICIPANTS);
    expect(file.format).toBe("limesurvey-deelnemers");
    expect(file.withoutToken).toBe(0);
    expect(file.responses).toEqual([
      // 3 October is summer time: 14:12 in Amsterdam is 12:12 UTC
      { token: "tokenaaa", startedAt: null, completedAt: "2026-10-03T12:12:00.000Z" },
      { token: "tokenbbb", startedAt: null, completedAt: null },
      { token: "tokenccc", startedAt: null, completedAt: null },
    ]);
  });

  it("reads semicolons, a byte-order mark (in text and in bytes) and tabs alike", () => {
    const semicolons = "\uFEFFtoken;completed;usesleft\ntokenaaa;3-10-2026 14:12;0\ntokenbbb;N;1\n";
    const expected = [
      { token: "tokenaaa", startedAt: null, completedAt: "2026-10-03T12:12:00.000Z" },
      { token: "tokenbbb", startedAt: null, completedAt: null },
    ];
    expect(read(semicolons).responses).toEqual(expected);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(semicolons.slice(1))]);
    expect(read(bytes)).toMatchObject({ format: "limesurvey-deelnemers", responses: expected });
    const tabs = "Token\tCompleted\ntokenaaa\t2026-10-03 14:12\ntokenbbb\tN\n";
    expect(read(tabs).responses).toEqual(expected);
  });

  it("refuses a completion that is not a date, naming the row, the column and the value", () => {
    const { key, values } = refusal("token,completed\ntokenaaa,N\ntokenbbb,Y\n");
    expect(key).toBe("responses.errors.badDate");
    expect(values).toEqual({ row: "3", column: "completed", value: "Y" });
  });
});

describe("a LimeSurvey response export", () => {
  it("takes submitdate as the completion and startdate as the start, whatever the case of Token", () => {
    const file = read(
      [
        "id,submitdate,lastpage,startlanguage,seed,Token,startdate,datestamp,G01Q01",
        "1,2026-10-03 14:12:33,3,nl,123,tokenaaa,2026-10-03 13:58:02,2026-10-03 14:12:33,A1",
        "2,,1,nl,456,tokenbbb,2026-10-04 08:00:00,2026-10-04 08:03:00,",
        "3,,1,nl,789,,2026-10-04 08:10:00,2026-10-04 08:11:00,",
      ].join("\n"),
    );
    expect(file.format).toBe("limesurvey-antwoorden");
    expect(file.withoutToken).toBe(1);
    expect(file.responses).toEqual([
      { token: "tokenaaa", startedAt: "2026-10-03T11:58:02.000Z", completedAt: "2026-10-03T12:12:33.000Z" },
      { token: "tokenbbb", startedAt: "2026-10-04T06:00:00.000Z", completedAt: null },
    ]);
  });

  it("gives a token that answered twice its earliest start and earliest completion", () => {
    const file = read(
      [
        "id;token;submitdate;startdate",
        "1;tokenaaa;;2026-10-02 10:00",
        "2;tokenaaa;2026-10-06 10:30;2026-10-06 10:00",
        "3;tokenaaa;2026-10-05 09:30;2026-10-05 09:00",
      ].join("\n"),
    );
    expect(file.responses).toEqual([
      { token: "tokenaaa", startedAt: "2026-10-02T08:00:00.000Z", completedAt: "2026-10-05T07:30:00.000Z" },
    ]);
  });

  it("reads the export headed with question texts (Date submitted, Date started)", () => {
    const file = read(
      '"Response ID","Date submitted","Token","Date started"\n"1","2026-10-03 14:12","tokenaaa","2026-10-03 14:00"\n',
    );
    expect(file).toMatchObject({
      format: "limesurvey-antwoorden",
      responses: [
        { token: "tokenaaa", startedAt: "2026-10-03T12:00:00.000Z", completedAt: "2026-10-03T12:12:00.000Z" },
      ],
    });
  });
});

/** Qualtrics' CSV export: the column ids, then the question texts, then the ImportId JSON. */
const QUALTRICS = [
  "StartDate,EndDate,Status,Progress,Finished,RecordedDate,ResponseId,ExternalReference,DistributionChannel,token,Q1",
  '"Start Date","End Date","Response Type","Progress","Finished","Recorded Date","Response ID","External Data Reference","Distribution Channel","token","Hoe verloopt de samenwerking, vindt u?"',
  '"{""ImportId"":""startDate"",""timeZone"":""Europe/Amsterdam""}","{""ImportId"":""endDate"",""timeZone"":""Europe/Amsterdam""}","{""ImportId"":""status""}","{""ImportId"":""progress""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate"",""timeZone"":""Europe/Amsterdam""}","{""ImportId"":""_recordId""}","{""ImportId"":""externalDataReference""}","{""ImportId"":""distributionChannel""}","{""ImportId"":""token""}","{""ImportId"":""QID1""}"',
  "2026-10-03 13:58:02,2026-10-03 14:12:33,0,100,1,2026-10-03 14:12:34,R_1,tokenaaa,email,tokenaaa,Goed",
  "2026-10-04 08:00:00,2026-10-04 08:03:00,0,20,0,2026-10-11 08:03:01,R_2,,email,tokenbbb,",
  "2026-10-04 09:00:00,2026-10-04 09:05:00,1,100,True,2026-10-04 09:05:00,R_3,,preview,,Test",
].join("\n");

describe("a Qualtrics response export", () => {
  it("skips the two extra header rows, reads Finished, and takes the token from ExternalReference or embedded data", () => {
    const file = read(QUALTRICS);
    expect(file.format).toBe("qualtrics");
    // the survey preview has no token
    expect(file.withoutToken).toBe(1);
    expect(file.responses).toEqual([
      { token: "tokenaaa", startedAt: "2026-10-03T11:58:02.000Z", completedAt: "2026-10-03T12:12:33.000Z" },
      { token: "tokenbbb", startedAt: "2026-10-04T06:00:00.000Z", completedAt: null },
    ]);
  });

  it("reads the dates in the zone the ImportId row names, and dates with a zone as they are", () => {
    const file = read(
      [
        "StartDate,EndDate,Finished,ExternalDataReference",
        '"Start Date","End Date","Finished","External Data Reference"',
        '"{""ImportId"":""startDate"",""timeZone"":""America/Denver""}","{""ImportId"":""endDate"",""timeZone"":""UTC""}","{""ImportId"":""finished""}","{""ImportId"":""externalDataReference""}"',
        "2026-10-03 06:00:00,2026-10-03T12:12:33Z,true,tokenaaa",
      ].join("\n"),
    );
    // Denver is UTC-6 in October
    expect(file.responses).toEqual([
      { token: "tokenaaa", startedAt: "2026-10-03T12:00:00.000Z", completedAt: "2026-10-03T12:12:33.000Z" },
    ]);
  });

  it("reads an export without the extra rows", () => {
    const file = read(
      "StartDate;EndDate;Finished;ExternalDataReference\n2026-10-03 13:00;2026-10-03 13:20;False;tokenaaa\n",
    );
    expect(file.responses).toEqual([{ token: "tokenaaa", startedAt: "2026-10-03T11:00:00.000Z", completedAt: null }]);
  });

  it("refuses a Qualtrics file without a token column, and a Finished that is not 1/0 or True/False", () => {
    const missing = refusal("StartDate,EndDate,Finished,ResponseId\n2026-10-03 13:00,2026-10-03 13:20,1,R_1\n");
    expect(missing.key).toBe("responses.errors.missingColumns");
    expect(missing.values).toEqual({
      format: "Qualtrics",
      columns: "ExternalDataReference / token",
      found: "StartDate, EndDate, Finished, ResponseId",
    });
    const finished = refusal("StartDate,EndDate,Finished,token\n2026-10-03 13:00,2026-10-03 13:20,1,a\n,,ja,b\n");
    expect(finished).toEqual({ key: "responses.errors.badFinished", values: { row: "3", value: "ja" } });
  });
});

describe("a file in another format", () => {
  it("is refused with the columns expected (in the message) and the columns found", () => {
    const { key, values } = refusal("firstname,lastname,email\nAnna,Aalders,anna@example.org\n");
    expect(key).toBe("responses.errors.unknownFormat");
    expect(values).toEqual({ found: "firstname, lastname, email" });
  });

  it("lists at most twenty columns found, with how many more there are", () => {
    const header = Array.from({ length: 25 }, (_, i) => `Q${i + 1}`).join(",");
    const { values } = refusal(`${header}\n`);
    expect(values.found).toMatch(/^Q1, Q2, .*, Q20 \(\+5\)$/);
  });

  it("an empty file and a broken CSV get their own messages", () => {
    expect(refusal("").key).toBe("responses.errors.empty");
    expect(refusal("\uFEFF\n\n").key).toBe("responses.errors.empty");
    expect(refusal('token,completed\n"tokenaaa"x,N\n')).toEqual({
      key: "responses.errors.unreadable",
      values: { line: "2" },
    });
  });
});

describe("dates on the Dutch wall clock", () => {
  it("are summer or winter time as the day was, across both changes of 2026", () => {
    // 29 March 2026: 02:00 becomes 03:00
    expect(surveyMoment("2026-03-29 01:30")).toBe("2026-03-29T00:30:00.000Z");
    expect(surveyMoment("2026-03-29 03:30")).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 does not exist that night: moved forward by the change, to 03:30 summer time
    expect(surveyMoment("2026-03-29 02:30")).toBe("2026-03-29T01:30:00.000Z");
    // 25 October 2026: 03:00 becomes 02:00 again
    expect(surveyMoment("2026-10-25 01:30")).toBe("2026-10-24T23:30:00.000Z");
    expect(surveyMoment("2026-10-25 03:30")).toBe("2026-10-25T02:30:00.000Z");
    // 02:30 happens twice that night: the first, still summer time
    expect(surveyMoment("2026-10-25 02:30")).toBe("2026-10-25T00:30:00.000Z");
    expect(surveyMoment("2026-12-01 14:12")).toBe("2026-12-01T13:12:00.000Z");
  });

  it("in a participant export across the change", () => {
    const file = read("token,completed\nbefore,2026-10-24 23:00\nafter,2026-10-25 23:00\n");
    expect(file.responses.map((r) => r.completedAt)).toEqual(["2026-10-24T21:00:00.000Z", "2026-10-25T22:00:00.000Z"]);
  });

  it("takes offsets and Z as written, and refuses days that do not exist", () => {
    expect(surveyMoment("2026-10-03T14:12:00+02:00")).toBe("2026-10-03T12:12:00.000Z");
    expect(surveyMoment("2026-10-03T12:12:00.250Z")).toBe("2026-10-03T12:12:00.000Z");
    expect(surveyMoment("2026-10-03")).toBe("2026-10-02T22:00:00.000Z");
    expect(surveyMoment("2026-02-30 10:00")).toBeNull();
    expect(surveyMoment("2026-10-03 24:00")).toBeNull();
    expect(surveyMoment("gisteren")).toBeNull();
  });
});

describe("the delimiter", () => {
  it("is the one the header line uses most outside quotes", () => {
    expect(detectDelimiter('"a,b,c";"d"\n1;2')).toBe(";");
    expect(detectDelimiter("a\tb\tc,d\n")).toBe("\t");
    expect(detectDelimiter("token\n")).toBe(",");
  });
});
