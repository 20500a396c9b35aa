import { describe, expect, it } from "vitest";
import {
  type ErasedPerson,
  excerptAbout,
  identifyingTexts,
  REDACTED,
  redactSnapshot,
  redactSummary,
} from "../../app/services/person-redaction";

const anna = { first_name: "Anna", infix: "van den", last_name: "Berg", phone: "043 123 45 67" };
const erased: ErasedPerson = { personId: 7, texts: identifyingTexts(anna, ["anna.berg@zorg.example"]) };

describe("identifyingTexts", () => {
  it("names the addresses, the phone and the name as sentences and lists show it, longest first", () => {
    expect(erased.texts).toEqual(
      expect.arrayContaining(["anna.berg@zorg.example", "043 123 45 67", "Anna van den Berg", "Berg, Anna van den"]),
    );
    const lengths = erased.texts.map((text) => text.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it("leaves out texts too short to be told apart from other people's", () => {
    expect(identifyingTexts({ first_name: null, infix: null, last_name: "Li", phone: "112" }, [])).toEqual([]);
  });
});

describe("redactSnapshot", () => {
  it("empties every personal field of the person's own record, with its addresses and consents", () => {
    const own = JSON.stringify({
      id: 7,
      first_name: "Anna",
      last_name: "Berg",
      phone: "043 123 45 67",
      version: 3,
      emails: [{ email: "anna.berg@zorg.example", is_primary: 1 }],
      consents: [{ purpose: "research", status: "given", source: "formulier van Anna" }],
    });
    const result = JSON.parse(redactSnapshot(own, erased, true)!);
    expect(result).toEqual({
      id: 7,
      first_name: null,
      last_name: null,
      phone: null,
      version: 3,
      emails: null,
      consents: [{ purpose: "research", status: "given", source: null }],
    });
  });

  it("in another record, empties only the rows that name the person, and their texts anywhere", () => {
    const meeting = JSON.stringify({
      title: "Overleg met Anna van den Berg",
      attendance: [
        { person_id: 7, status: "present", note: "belde in" },
        { person_id: 8, status: "absent", note: "ziek" },
      ],
    });
    const result = JSON.parse(redactSnapshot(meeting, erased, false)!);
    expect(result.title).toBe(`Overleg met ${REDACTED}`);
    expect(result.attendance).toEqual([
      { person_id: 7, status: "present", note: null },
      { person_id: 8, status: "absent", note: "ziek" },
    ]);
  });

  it("finds an address whatever its case", () => {
    expect(redactSummary("bounce van ANNA.BERG@zorg.example", erased)).toBe(`bounce van ${REDACTED}`);
  });

  it("returns the very same text when nothing concerns the person, so the entry is left alone", () => {
    const other = '{"person_id":8,"note":"ziek"}';
    expect(redactSnapshot(other, erased, false)).toBe(other);
    expect(redactSnapshot(null, erased, true)).toBeNull();
  });
});

describe("excerptAbout", () => {
  it("keeps the person's own rows of a register (also where they stood in) and leaves out everyone else's", () => {
    const meeting = {
      title: "Overleg",
      date: "2026-03-01",
      attendance: [
        { person_id: 7, status: "aanwezig", note: "belde in" },
        { person_id: 8, status: "afgemeld", note: "ziek" },
        { person_id: 9, status: "vervangen", substitute_person_id: 7 },
        { person_id: 10, status: "vervangen", substitute_person_id: 11 },
      ],
    };
    expect(excerptAbout(meeting, 7)).toEqual({
      title: "Overleg",
      date: "2026-03-01",
      attendance: [
        { person_id: 7, status: "aanwezig", note: "belde in" },
        { person_id: 9, status: "vervangen", substitute_person_id: 7 },
      ],
    });
  });

  it("leaves a record without other people's rows as it is", () => {
    const seat = { id: 3, person_id: 7, body_id: 2, note: null };
    expect(excerptAbout(seat, 7)).toEqual(seat);
    expect(excerptAbout(null, 7)).toBeNull();
  });
});
