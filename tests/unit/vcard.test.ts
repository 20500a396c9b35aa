import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, peopleToVCard, type VCardPerson } from "../../app/services/vcard.server";

const anna: VCardPerson = {
  id: 7,
  first_name: "Anna",
  infix: "van den",
  last_name: "Berg",
  initials: "A.",
  title: "dr.",
  phone: "+31 6 1234 5678",
  notes: "Voorzitter; belt liever,\nniet mailen \\ dank",
  emails: [
    { email: "anna@example.org", is_primary: true },
    { email: "a.berg@example.nl", is_primary: false },
  ],
  organisation: "Maastricht UMC+",
  function_title: "Coördinator zorg & welzijn",
};

/** The cards as ical.js reads them back: per card, its properties by name. */
function readBack(text: string) {
  const parsed = ICAL.parse(text) as unknown[];
  // one card parses to a jCard, several to a list of them
  const cards = Array.isArray(parsed[0]) ? parsed : [parsed];
  return cards.map((jcard) => {
    const component = new ICAL.Component(jcard as never);
    const value = (name: string) => component.getFirstPropertyValue(name);
    return {
      version: value("version"),
      fn: value("fn"),
      n: value("n") as unknown as string[],
      org: value("org"),
      title: value("title"),
      emails: component.getAllProperties("email").map((p) => p.getFirstValue()),
      tel: value("tel"),
      note: value("note"),
    };
  });
}

describe("vCard 4.0", () => {
  it("is read back by a standard vCard parser with every value intact", () => {
    const [card] = readBack(peopleToVCard([anna]));
    expect(card).toEqual({
      version: "4.0",
      fn: "dr. Anna van den Berg",
      n: ["van den Berg", "Anna", "", "dr.", ""],
      org: "Maastricht UMC+",
      title: "Coördinator zorg & welzijn",
      emails: ["anna@example.org", "a.berg@example.nl"],
      tel: "+31 6 1234 5678",
      note: "Voorzitter; belt liever,\nniet mailen \\ dank",
    });
  });

  it("writes a list as one card per person, CRLF throughout", () => {
    const text = peopleToVCard([
      anna,
      {
        ...anna,
        id: 8,
        first_name: null,
        initials: "J.",
        infix: null,
        last_name: "Smeets",
        emails: [],
        notes: null,
        phone: null,
        organisation: null,
        function_title: null,
        title: null,
      },
    ]);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text.endsWith("END:VCARD\r\n")).toBe(true);
    const cards = readBack(text);
    expect(cards.map((card) => card.fn)).toEqual(["dr. Anna van den Berg", "J. Smeets"]);
    expect(cards[1]!.org).toBeNull();
  });

  it("folds lines at 75 octets without splitting a character", () => {
    const long = `NOTE:${"é".repeat(100)}`;
    const folded = foldLine(long);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((line) => line.startsWith(" "))).toBe(true);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join("")).toBe(long);
    const [card] = readBack(peopleToVCard([{ ...anna, notes: "é".repeat(100) }]));
    expect(card!.note).toBe("é".repeat(100));
  });

  it("escapes the separators and neutralises a formula start", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b;c\\\\d\\ne");
    expect(escapeText("a;b", true)).toBe("a\\;b");
    const [card] = readBack(
      peopleToVCard([
        { ...anna, infix: null, last_name: '=HYPERLINK("x")', notes: "@SUM(1)", organisation: "-Rob", phone: "=1+2" },
      ]),
    );
    expect(card!.n[0]).toBe('\'=HYPERLINK("x")');
    expect(card!.note).toBe("'@SUM(1)");
    expect(card!.org).toBe("'-Rob");
    expect(card!.tel).toBe("'=1+2");
  });
});
