import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BODY_KINDS, BODY_LEVELS, CONSENT_PURPOSES, LANGUAGES, SEAT_ROLES, THEME_KINDS } from "../../db/schema";

/**
 * The second demo region's data (seeds/data/noord-midden-limburg.json) checked against itself, the
 * first region's data files and the source it claims to follow: the region's plan and cooperation
 * agreement. Every fact about a real organisation carries a source: file, line and the supporting words
 * verbatim. The quotes are checked with the repository alone; that each quote stands at its line is
 * checked only where the source itself is at hand, as it names real people and so lives outside the
 * repository. The people are synthetic and none may be a real one.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATA = path.join(ROOT, "seeds/data");
const SOURCE_FILE = "regioplan-noord-midden-limburg.txt";

/** The source's lines, or null on a clean clone; KRING_SOURCES, when set, is the only place looked at. */
function readSource(): string[] | null {
  const folder = process.env.KRING_SOURCES ?? path.join(ROOT, "../shared/sources");
  const file = path.join(folder, SOURCE_FILE);
  return existsSync(file) ? readFileSync(file, "utf8").split("\n") : null;
}

// How the governance migration names the ways a body decides; the data must use one of them.
const DECISION_MODES = ["consent", "consensus", "consensus_anders_meerderheid", "meerderheid", "unaniem"];
const FREQUENCY_UNITS = ["weeks", "year"];

/**
 * The only placements in a subregion the source makes: the stuurgroep members in the "Sub-regio"
 * columns of its achterban table (lines 1738-1760). The first and second ring below them cannot be
 * assigned to a column from the text, and no municipality is placed at all.
 */
const PLACED_BY_THE_SOURCE: Record<string, string> = {
  viecuri: "nml-noord",
  "de-zorggroep": "nml-noord",
  laurentius: "nml-midden-oost",
  "met-ggz": "nml-midden-oost",
  "land-van-horne": "nml-midden-west",
  meditta: "nml-midden-west",
};

interface Source {
  file: string;
  line: number;
  quote: string;
}
type Row = Record<string, unknown> & { source?: Source };
interface Organisation extends Row {
  key: string;
  name: string;
  short_name: string | null;
  sector: string;
  subregions: string[];
}
interface Constituency {
  sector: string | null;
  subregion: string | null;
}
interface Seat extends Row {
  body: string;
  person: string | null;
  role: string;
  organisation: string | null;
  constituency?: Constituency;
  start_date: string;
  end_date: string | null;
}
interface MeetingDate {
  date: string;
  agenda?: string;
}
interface RegionData {
  region: {
    code: string;
    name: string;
    tagline: string;
    source: Source;
    subregions: (Row & { code: string; name: string })[];
  };
  organisations: (Organisation & { iza_signatory: boolean })[];
  existingOrganisationsAlsoHere: (Row & { key: string; regions: string[]; subregions: string[] })[];
  themes: (Row & { key: string; name: string; kind: string })[];
  bodies: (Row & {
    key: string;
    name: string;
    abbreviation: string | null;
    kind: string;
    level: string;
    parent: string | null;
    subregions: string[];
    theme: string | null;
    active_from: string | null;
    active_to: string | null;
    meetings_per_year: number | null;
    frequency_range?: { min: number; max: number; unit: string };
    decision_mode: string | null;
    dates_source?: Source;
  })[];
  plans: (Row & {
    key: string;
    name: string;
    theme: string | null;
    funding_markers: string[];
    lead_organisation: string | null;
    lead_source?: Source;
    subregions: string[];
    team_body: string | null;
  })[];
  people: (Row & {
    key: string;
    first_name: string | null;
    infix: string | null;
    last_name: string;
    emails: { email: string; primary: boolean }[];
    preferred_language: string;
    consents: { purpose: string; status: string; recorded_on: string }[];
  })[];
  affiliations: (Row & {
    person: string;
    organisation: string;
    start_date: string | null;
    end_date: string | null;
  })[];
  seats: Seat[];
  meetings: {
    as_of: string;
    venues: Record<string, string>;
    bodies: {
      body: string;
      online_url?: string;
      venues: string[];
      guests: string[];
      held: (string | MeetingDate)[];
      cancelled?: (string | MeetingDate)[];
      planned?: (string | MeetingDate)[];
    }[];
    events: unknown[];
  };
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(path.join(DATA, name), "utf8")) as T;
const data = readJson<RegionData>("noord-midden-limburg.json");
const existingOrganisations = readJson<Organisation[]>("organisations.json");
const existingSectors = new Set(readJson<{ code: string }[]>("sectors.json").map((s) => s.code));
const existingRegions = readJson<{ code: string; subregions: { code: string }[] }[]>("regions.json");

const sourceLines = readSource();
const withoutSource = sourceLines === null;

const organisationsByKey = new Map<string, { name: string; short_name: string | null }>(
  [...existingOrganisations, ...data.organisations].map((o) => [o.key, o]),
);
const subregionNames = new Map(data.region.subregions.map((s) => [s.code, s.name]));
const sectorNames = new Map(
  readJson<{ code: string; name_nl: string }[]>("sectors.json").map((s) => [s.code, s.name_nl]),
);

// Words that name the region or the programme and so say nothing about which record a quote is about.
const GENERIC = new Set(["iza", "nml", "noord", "midden", "limburg", "en", "van", "de", "het", "voor", "in", "met"]);
const wordsOf = (name: string) =>
  name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && !GENERIC.has(word));

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/** How many of the words the text holds, also where the PDF split a word in two ("Ambulance zorg"). */
function wordsFound(text: string, words: string[]) {
  const spaced = normalise(text.toLowerCase());
  const squashed = spaced.replace(/[^\p{L}\p{N}]+/gu, "");
  return words.filter((word) => spaced.includes(word) || squashed.includes(word)).length;
}

/** The text names at least half of the name's words (at least one). */
function namesMostOf(text: string, name: string) {
  const words = wordsOf(name);
  return words.length > 0 && wordsFound(text, words) >= Math.ceil(words.length / 2);
}

function organisationNamed(text: string, key: string) {
  const o = organisationsByKey.get(key)!;
  return namesMostOf(text, o.name) || (o.short_name !== null && namesMostOf(text, o.short_name));
}

interface Citation {
  what: string;
  source: Source | undefined;
  /** Whether the quote says what the record claims; a record without a source fails if it needs one. */
  supports: (quote: string) => boolean;
  required: boolean;
}

/** Every citation in the data, with what its quote must name. */
function citations(): Citation[] {
  const list: Citation[] = [];
  const add = (what: string, source: Source | undefined, supports: Citation["supports"], required = true) =>
    list.push({ what, source, supports, required });
  add("region", data.region.source, (q) => q.toLowerCase().includes(data.region.tagline.toLowerCase()));
  for (const s of data.region.subregions) add(s.code, s.source, (q) => q.toLowerCase().includes(s.name.toLowerCase()));
  for (const o of data.organisations) add(o.key, o.source, (q) => organisationNamed(q, o.key));
  for (const o of data.existingOrganisationsAlsoHere) add(o.key, o.source, (q) => organisationNamed(q, o.key));
  for (const t of data.themes) add(t.key, t.source, (q) => namesMostOf(q, t.name));
  for (const p of data.plans) {
    add(p.key, p.source, (q) => namesMostOf(q, p.name));
    if (p.lead_organisation) add(`lead of ${p.key}`, p.lead_source, (q) => organisationNamed(q, p.lead_organisation!));
  }
  for (const b of data.bodies) {
    // a themagroep's quote may name the thematafels as a whole: one word of its name is enough
    add(b.key, b.source, (q) => wordsFound(q, wordsOf(b.name)) > 0);
    const dated = b.active_from ?? b.active_to;
    if (dated) add(`dates of ${b.key}`, b.dates_source, (q) => q.includes(dated.slice(0, 4)));
  }
  const jobsOf = (person: string | null) =>
    data.affiliations.filter((a) => a.person === person).map((a) => a.organisation);
  for (const s of data.seats) {
    const body = data.bodies.find((b) => b.key === s.body)!;
    const terms = [
      ...wordsOf(`${body.name} ${body.abbreviation ?? ""}`),
      ...[s.organisation, ...jobsOf(s.person)]
        .filter((key): key is string => key !== null)
        .flatMap((key) => wordsOf(organisationsByKey.get(key)!.short_name ?? organisationsByKey.get(key)!.name)),
      ...wordsOf(s.constituency?.sector ? (sectorNames.get(s.constituency.sector) ?? "") : ""),
      ...wordsOf(s.constituency?.subregion ? (subregionNames.get(s.constituency.subregion) ?? "") : ""),
    ];
    add(`seat of ${s.person ?? "vacancy"} on ${s.body}`, s.source, (q) => wordsFound(q, terms) > 0, false);
  }
  for (const a of data.affiliations) {
    const o = organisationsByKey.get(a.organisation)!;
    add(`job of ${a.person}`, a.source, (q) => wordsFound(q, wordsOf(o.short_name ?? o.name)) > 0, false);
  }
  return list;
}

const fullNames = data.people.map((p) =>
  [p.first_name, p.infix, p.last_name]
    .filter((part) => part)
    .join(" ")
    .toLowerCase(),
);

const dateList = (entries: (string | MeetingDate)[] | undefined) =>
  (entries ?? []).map((entry) => (typeof entry === "string" ? entry : entry.date));

describe("the Noord- en Midden-Limburg demo region", () => {
  it("is a new region with the source's three subregions, named as the source writes them", () => {
    expect(data.region.code).toBe("noord-midden-limburg");
    expect(existingRegions.map((r) => r.code)).not.toContain(data.region.code);
    expect(data.region.subregions.map((s) => s.name)).toEqual(["Noord", "Midden-Oost", "Midden-West"]);
    const taken = new Set(existingRegions.flatMap((r) => r.subregions.map((s) => s.code)));
    for (const sub of data.region.subregions) expect(taken.has(sub.code), sub.code).toBe(false);
  });

  it("holds the fourteen municipalities that signed the agreement, linked to the region only", () => {
    const municipalities = data.organisations.filter((o) => o.sector === "gemeente");
    expect(municipalities).toHaveLength(14);
    for (const municipality of municipalities) {
      expect(municipality.iza_signatory, municipality.key).toBe(true);
      expect(municipality.subregions, municipality.key).toEqual([]);
    }
    expect(data.organisations.filter((o) => o.iza_signatory)).toHaveLength(14);
  });

  it.skipIf(withoutSource)("holds exactly the municipalities of the agreement's footnote", () => {
    const footnote = sourceLines!.findIndex((line) => line.includes("Veertien gemeenten:"));
    expect(footnote).toBeGreaterThan(0);
    const listed = normalise(sourceLines!.slice(footnote, footnote + 2).join(" ")).toLowerCase();
    for (const municipality of data.organisations.filter((o) => o.sector === "gemeente"))
      expect(listed, municipality.name).toContain(municipality.short_name!.toLowerCase());
  });

  it("places in a subregion only the organisations the source's achterban table puts in a Sub-regio column", () => {
    const placed = Object.fromEntries(
      [...data.organisations, ...data.existingOrganisationsAlsoHere]
        .filter((o) => o.subregions.length > 0)
        .map((o) => [o.key, o.subregions.join(",")]),
    );
    expect(placed).toEqual(PLACED_BY_THE_SOURCE);
    expect(data.bodies.filter((b) => b.subregions.length > 0).map((b) => b.key)).toEqual([]);
    expect(data.plans.filter((p) => p.subregions.length > 0).map((p) => p.key)).toEqual([]);
  });

  it.skipIf(withoutSource)("finds each placed organisation in the table's member row, under its column", () => {
    const members = sourceLines!.findIndex((line) => line.startsWith("Leden van de stuurgroep")) + 1;
    const firstRing = sourceLines!.findIndex((line, index) => index >= members && line.startsWith("1e schil"));
    const headers = data.region.subregions.map((s) => s.source!.line);
    expect(Math.max(...headers)).toBeLessThan(members);
    // The PDF's text reads the table column by column, so the members follow the columns' order.
    const columnOrder = data.region.subregions.map((s) => s.code);
    const cited = Object.keys(PLACED_BY_THE_SOURCE)
      .map((key) => {
        const o = [...data.organisations, ...data.existingOrganisationsAlsoHere].find((org) => org.key === key)!;
        return { key, line: o.source!.line, column: columnOrder.indexOf(PLACED_BY_THE_SOURCE[key]!) };
      })
      .sort((a, b) => a.line - b.line);
    for (const { key, line } of cited) {
      expect(line, key).toBeGreaterThanOrEqual(members);
      expect(line, key).toBeLessThan(firstRing + 1);
    }
    const columns = cited.map((c) => c.column);
    expect(columns).toEqual([...columns].sort((a, b) => a - b));
  });

  it("uses keys that are unique and do not collide with the first region's data", () => {
    const existing = (file: string, field = "key") =>
      new Set(readJson<Record<string, string>[]>(file).map((row) => row[field]));
    const spaces: [string, string[]][] = [
      ["organisations.json", data.organisations.map((o) => o.key)],
      ["themes.json", data.themes.map((t) => t.key)],
      ["bodies.json", data.bodies.map((b) => b.key)],
      ["plans.json", data.plans.map((p) => p.key)],
      ["people.json", data.people.map((p) => p.key)],
    ];
    for (const [file, keys] of spaces) {
      expect(new Set(keys).size, file).toBe(keys.length);
      const taken = existing(file);
      expect(
        keys.filter((key) => taken.has(key)),
        file,
      ).toEqual([]);
    }
    const venues = Object.keys(readJson<{ venues: Record<string, string> }>("meetings.json").venues);
    expect(Object.keys(data.meetings.venues).filter((key) => venues.includes(key))).toEqual([]);
  });

  it("resolves every reference, within the file or to the existing data files", () => {
    const organisations = new Set(organisationsByKey.keys());
    const themes = new Set(data.themes.map((t) => t.key));
    const bodies = new Set(data.bodies.map((b) => b.key));
    const people = new Set(data.people.map((p) => p.key));
    const subregions = new Set(subregionNames.keys());
    const missing: string[] = [];
    const need = (set: Set<string>, key: string | null | undefined, what: string) => {
      if (key != null && !set.has(key)) missing.push(`${what}: ${key}`);
    };
    for (const o of data.organisations) {
      need(existingSectors, o.sector, "sector");
      o.subregions.forEach((s) => need(subregions, s, `subregion of ${o.key}`));
    }
    for (const o of data.existingOrganisationsAlsoHere) {
      need(new Set(existingOrganisations.map((e) => e.key)), o.key, "existing organisation");
      expect(o.regions).toEqual(["zuid-limburg", "noord-midden-limburg"]);
      o.subregions.forEach((s) => need(subregions, s, `subregion of ${o.key}`));
    }
    for (const b of data.bodies) {
      need(bodies, b.parent, `parent of ${b.key}`);
      need(themes, b.theme, `theme of ${b.key}`);
      b.subregions.forEach((s) => need(subregions, s, `subregion of ${b.key}`));
    }
    for (const p of data.plans) {
      need(themes, p.theme, `theme of ${p.key}`);
      need(organisations, p.lead_organisation, `lead of ${p.key}`);
      need(bodies, p.team_body, `team of ${p.key}`);
      p.subregions.forEach((s) => need(subregions, s, `subregion of ${p.key}`));
    }
    for (const a of data.affiliations) {
      need(people, a.person, "person of an affiliation");
      need(organisations, a.organisation, `organisation of ${a.person}`);
    }
    for (const s of data.seats) {
      need(bodies, s.body, "body of a seat");
      need(people, s.person, `person on ${s.body}`);
      need(organisations, s.organisation, `organisation on ${s.body}`);
      need(existingSectors, s.constituency?.sector, `constituency on ${s.body}`);
      need(subregions, s.constituency?.subregion, `constituency on ${s.body}`);
    }
    for (const m of data.meetings.bodies) {
      need(bodies, m.body, "body with meetings");
      m.guests.forEach((g) => need(people, g, `guest of ${m.body}`));
      m.venues
        .filter((v) => v !== "online")
        .forEach((v) => need(new Set(Object.keys(data.meetings.venues)), v, "venue"));
    }
    expect(missing).toEqual([]);
  });

  it("uses only the register's sectors, kinds, levels, roles, decision modes and frequency units", () => {
    for (const b of data.bodies) {
      expect(BODY_KINDS, b.key).toContain(b.kind);
      expect(BODY_LEVELS, b.key).toContain(b.level);
      if (b.decision_mode !== null) expect(DECISION_MODES, b.key).toContain(b.decision_mode);
      if (b.frequency_range) {
        expect(FREQUENCY_UNITS, b.key).toContain(b.frequency_range.unit);
        expect(b.frequency_range.min, b.key).toBeLessThanOrEqual(b.frequency_range.max);
        expect(b.meetings_per_year, `${b.key} states one frequency`).toBeNull();
      }
    }
    for (const t of data.themes) expect(THEME_KINDS, t.key).toContain(t.kind);
    for (const s of data.seats) {
      expect(SEAT_ROLES, s.body).toContain(s.role);
      // a seat stands for one organisation or for a constituency, never both
      expect(s.organisation !== null && s.constituency !== undefined, `${s.body} ${s.person}`).toBe(false);
      if (s.constituency) expect(s.constituency.sector ?? s.constituency.subregion, s.body).not.toBeNull();
    }
    for (const p of data.plans)
      expect(
        p.funding_markers.every((m) => ["iza", "andere", "wachtlijst_iza", "geen_iza", "white_spot"].includes(m)),
      ).toBe(true);
  });

  it("cites a source for every record that states a fact about a real organisation", () => {
    const missing = citations().filter((c) => c.required && c.source === undefined);
    expect(missing.map((c) => c.what)).toEqual([]);
  });

  it("quotes, for every citation, at most 200 characters of the source that name what the record claims", () => {
    const unsupported: string[] = [];
    for (const { what, source, supports } of citations()) {
      if (source === undefined) continue;
      expect(source.file, what).toBe(SOURCE_FILE);
      expect(Number.isInteger(source.line) && source.line > 0, what).toBe(true);
      expect(source.quote.length, what).toBeLessThanOrEqual(200);
      expect(source.quote, what).toBe(normalise(source.quote));
      if (!supports(source.quote)) unsupported.push(`${what}: "${source.quote}"`);
    }
    expect(unsupported).toEqual([]);
  });

  it.skipIf(withoutSource)("finds every quote at its line of the source or in the two after it", () => {
    const misquoted: string[] = [];
    for (const { what, source } of citations()) {
      if (source === undefined) continue;
      // The source is a PDF's text, whose lines break sentences and names apart.
      const lines = normalise(sourceLines!.slice(source.line - 1, source.line + 2).join(" "));
      if (!sourceLines![source.line - 1]?.trim() || !lines.includes(source.quote))
        misquoted.push(`${what} (line ${source.line})`);
    }
    expect(misquoted).toEqual([]);
  });

  it("has synthetic people only: no full name in a quote, addresses at example domains", () => {
    expect(data.people.length).toBeGreaterThanOrEqual(40);
    expect(data.people.length).toBeLessThanOrEqual(60);
    const quotes = citations().flatMap((c) => (c.source ? [c.source.quote.toLowerCase()] : []));
    expect(fullNames.filter((name) => quotes.some((quote) => quote.includes(name)))).toEqual([]);
    const existingEmails = new Set(
      readJson<{ emails: { email: string }[] }[]>("people.json").flatMap((p) => p.emails.map((e) => e.email)),
    );
    const emails = data.people.flatMap((p) => p.emails.map((e) => e.email.toLowerCase()));
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.filter((e) => existingEmails.has(e))).toEqual([]);
    for (const email of emails) expect(email).toMatch(/@([a-z-]+\.)?example\.(org|nl)$/);
    for (const p of data.people) {
      expect(LANGUAGES, p.key).toContain(p.preferred_language);
      for (const c of p.consents) expect(CONSENT_PURPOSES, p.key).toContain(c.purpose);
    }
  });

  it.skipIf(withoutSource)("has no person whose full name occurs anywhere in the source", () => {
    const sourceText = normalise(sourceLines!.join(" ")).toLowerCase();
    expect(fullNames.filter((name) => sourceText.includes(name))).toEqual([]);
  });

  it("gives everyone a job and lets nobody hold a seat on a body twice at once", () => {
    const employed = new Set(data.affiliations.map((a) => a.person));
    expect(data.people.filter((p) => !employed.has(p.key)).map((p) => p.key)).toEqual([]);
    const overlaps: string[] = [];
    const end = (date: string | null) => date ?? "9999-12-31";
    for (const [index, seat] of data.seats.entries()) {
      expect(seat.start_date <= end(seat.end_date), `${seat.body} ${seat.person}`).toBe(true);
      for (const other of data.seats.slice(index + 1)) {
        if (seat.person === null || seat.person !== other.person || seat.body !== other.body) continue;
        if (seat.start_date <= end(other.end_date) && other.start_date <= end(seat.end_date))
          overlaps.push(`${seat.person} on ${seat.body}`);
      }
    }
    expect(overlaps).toEqual([]);
  });

  it("has meetings in 2025 and 2026 only for bodies whose frequency the source states", () => {
    const bodies = new Map(data.bodies.map((b) => [b.key, b]));
    for (const m of data.meetings.bodies) {
      const body = bodies.get(m.body)!;
      expect(body.meetings_per_year ?? body.frequency_range, m.body).toBeTruthy();
      const held = dateList(m.held);
      const later = dateList(m.planned);
      expect(
        held.every((date) => date >= "2025-01-01" && date < data.meetings.as_of),
        m.body,
      ).toBe(true);
      expect(
        later.every((date) => date >= data.meetings.as_of && date <= "2026-12-31"),
        m.body,
      ).toBe(true);
      expect(
        dateList(m.cancelled).every((date) => date >= "2025-01-01" && date <= "2026-12-31"),
        m.body,
      ).toBe(true);
      if (m.venues.includes("online")) expect(m.online_url, m.body).toMatch(/^https:\/\/[a-z.]*example\.org\//);
      if (body.meetings_per_year !== null) {
        const in2025 = [...held, ...dateList(m.cancelled)].filter((date) => date.startsWith("2025")).length;
        expect(in2025, `${m.body} meets as often as the source says`).toBeGreaterThanOrEqual(body.meetings_per_year);
      }
    }
  });
});
