import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { BODY_KINDS, type BodyKind, type BodyLevel, type FundingStatus, type SeatRole } from "../../db/schema";
import { addKringFunctions, openMigratedDatabase } from "../../db/index";
import { loadDemo } from "../../seeds/load";
import { register } from "../../app/i18n/nl/register";

/**
 * The synthetic national federation the benchmark runs on: the demo network of Gezond Zuid-Limburg
 * plus, per unit of scale, 100 organisations, 500 people, 20 bodies, about 1 500 seats with their
 * history, 300 meetings and about 10 000 attendance rows spread over all IZA regions. Everything
 * follows from one seeded random generator, so the same scale and day give the same database.
 *
 * The rows are written with prepared statements in large transactions, not through the models:
 * a bulk fixture is not a user's edit, and the models' one-row-at-a-time audit would take hours
 * here. Each generated record still gets the "create" entry in the audit log that the models would
 * have written, because several pages read the log and must be measured against a realistic one.
 */

/** Where `npm run bench:data` writes and `npm run bench` reads, unless told otherwise. */
export const DEFAULT_SCALE_DATABASE = path.resolve(".bench", "kring-scale.sqlite");

export interface ScaleOptions {
  scale: number;
  /** The day the network is "now": meetings before it are held, after it planned. */
  today: string;
  log?: (line: string) => void;
}

export interface ScaleCounts {
  organisations: number;
  people: number;
  bodies: number;
  seats: number;
  meetings: number;
  attendance: number;
  auditEntries: number;
}

/** The IZA regions besides the two Limburg ones (which the demo data brings), with a few subregions each. */
const REGIONS: Array<[code: string, name: string, subregions: string[]]> = [
  ["groningen", "Groningen", ["Stad Groningen", "Oost-Groningen", "Noord-Groningen"]],
  ["friesland", "Friesland", ["Noordwest-Fryslân", "Zuidoost-Fryslân"]],
  ["drenthe", "Drenthe", ["Noord-Drenthe", "Zuid-Drenthe"]],
  ["twente", "Twente", ["Noordoost-Twente", "Enschede-Hengelo", "Twentse Zuid"]],
  ["ijssel-vecht", "IJssel-Vecht", ["Zwolle", "Vechtdal"]],
  ["noord-holland-noord", "Noord-Holland Noord", ["Kop van Noord-Holland", "West-Friesland", "Noord-Kennemerland"]],
  ["amsterdam", "Amsterdam-Amstelland", ["Amsterdam-Noord", "Amsterdam-Zuidoost", "Amstelland"]],
  ["kennemerland", "Kennemerland", ["Haarlem", "IJmond"]],
  ["utrecht", "Midden-Nederland", ["Utrecht-Stad", "Utrecht-West", "Eemland"]],
  ["flevoland", "Flevoland", ["Almere", "Lelystad en Noordoostpolder"]],
  ["haaglanden", "Haaglanden", ["Den Haag", "Delft-Westland"]],
  ["zuid-holland-noord", "Zuid-Holland Noord", ["Leiden", "Duin- en Bollenstreek"]],
  ["rotterdam-rijnmond", "Rotterdam-Rijnmond", ["Rotterdam", "Nieuwe Waterweg Noord", "Voorne-Putten"]],
  ["waardenland", "Waardenland", ["Drechtsteden", "Alblasserwaard"]],
  ["zeeland", "Zeeland", ["Walcheren", "Zeeuws-Vlaanderen", "Oosterschelde"]],
  ["west-brabant", "West-Brabant", ["Breda", "Roosendaal-Bergen op Zoom"]],
  ["midden-brabant", "Midden-Brabant", ["Tilburg", "Waalwijk-Dongen"]],
  ["noordoost-brabant", "Noordoost-Brabant", ["'s-Hertogenbosch", "Maasland"]],
  ["zuidoost-brabant", "Zuidoost-Brabant", ["Eindhoven", "Helmond-De Peel", "Kempen"]],
  ["arnhem", "Arnhem", ["Arnhem", "Achterhoek"]],
  ["nijmegen", "Nijmegen", ["Nijmegen", "Rivierenland"]],
  ["apeldoorn-zutphen", "Apeldoorn-Zutphen", ["Apeldoorn", "Zutphen"]],
  ["gooi-vechtstreek", "Gooi en Vechtstreek", ["Hilversum", "Vechtstreek"]],
];

const SECTOR_WEIGHTS: Array<[code: string, weight: number]> = [
  ["gemeente", 6],
  ["zorgverzekeraar", 0.4],
  ["ziekenhuis", 2],
  ["revalidatie", 0.6],
  ["ggz", 4],
  ["vvt", 10],
  ["huisartsenzorg", 30],
  ["ggd", 0.5],
  ["welzijn", 20],
  ["burgerorganisatie", 14],
  ["kennisinstituut", 2],
  ["overheid", 1.5],
  ["overig", 9],
];

const SECTOR_NAME_PARTS: Record<string, string[]> = {
  gemeente: ["Gemeente"],
  zorgverzekeraar: ["Zorgverzekeraar", "Zorgkantoor"],
  ziekenhuis: ["Ziekenhuis", "Medisch Centrum", "Ziekenhuisgroep"],
  revalidatie: ["Revalidatiecentrum", "Revalidatiezorg"],
  ggz: ["GGZ", "Mondriaan-achtige GGZ", "Verslavingszorg"],
  vvt: ["Zorggroep", "Thuiszorg", "Woonzorgcentrum", "Verpleeghuis"],
  huisartsenzorg: ["Huisartsenpraktijk", "Gezondheidscentrum", "Huisartsencoöperatie", "Apotheek"],
  ggd: ["GGD"],
  welzijn: ["Welzijnsstichting", "Buurtteam", "Vrijwilligerscentrale", "Sociaal Wijkteam"],
  burgerorganisatie: ["Cliëntenraad", "Patiëntenvereniging", "Seniorenvereniging", "Dorpsraad"],
  kennisinstituut: ["Lectoraat", "Academische Werkplaats", "Kenniscentrum"],
  overheid: ["Provincie", "Veiligheidsregio"],
  overig: ["Woningcorporatie", "Sportvereniging", "Onderwijsgroep", "Stichting"],
};

const FIRST_NAMES = [
  "Anna",
  "Bram",
  "Carla",
  "Daan",
  "Eva",
  "Fleur",
  "Gijs",
  "Hanna",
  "Ilse",
  "Jeroen",
  "Karin",
  "Lars",
  "Maud",
  "Niels",
  "Olga",
  "Pieter",
  "Quinten",
  "Rosa",
  "Sander",
  "Tessa",
  "Umut",
  "Vera",
  "Wouter",
  "Yara",
  "Zeynep",
  "Ahmed",
  "Bianca",
  "Chantal",
  "Dirk",
  "Esther",
  "Frank",
  "Greetje",
  "Hans",
  "Inge",
  "Joost",
  "Kim",
  "Leon",
  "Marieke",
  "Noor",
  "Oscar",
  "Paula",
  "Ruud",
  "Sanne",
  "Thijs",
  "Ursula",
  "Vincent",
  "Willemijn",
  "Xander",
  "Yvonne",
  "Zoë",
  "Ayşe",
  "Fatima",
  "Mohammed",
  "Priya",
  "Ricardo",
  "Siobhan",
  "Jan",
  "Marie",
  "Loes",
  "Sem",
];
const INFIXES = ["van", "de", "van der", "van den", "van de", "ter", "op de", "in 't", "den"];
const LAST_NAMES = [
  "Janssen",
  "Peeters",
  "Smeets",
  "Willems",
  "Hendriks",
  "Bemelmans",
  "Vliegen",
  "Ramakers",
  "Schepers",
  "Kuijpers",
  "Bosch",
  "Berg",
  "Dijk",
  "Vries",
  "Meulen",
  "Linden",
  "Brink",
  "Heuvel",
  "Wiel",
  "Beek",
  "Houben",
  "Coenen",
  "Jacobs",
  "Lemmens",
  "Claessens",
  "Frissen",
  "Geurts",
  "Habets",
  "Hermans",
  "Jongen",
  "Kerckhoffs",
  "Lenssen",
  "Mertens",
  "Notermans",
  "Offermans",
  "Pluijmen",
  "Quaedvlieg",
  "Rutten",
  "Senden",
  "Theunissen",
  "Ubachs",
  "Vaessen",
  "Wetzels",
  "Xhonneux",
  "Yilmaz",
  "Zeegers",
  "Bakker",
  "Visser",
  "Mulder",
  "Bos",
  "Vos",
  "Dekker",
  "Öztürk",
  "El Amrani",
  "Nguyen",
  "Kowalski",
  "Schmitz",
  "Müller",
  "Dupont",
  "Martens",
  "Pauwels",
  "Kessels",
];
const PLACES = [
  "Noord",
  "Zuid",
  "Oost",
  "West",
  "Centrum",
  "De Heide",
  "Het Veld",
  "Aan de Maas",
  "De Linde",
  "Bergen",
  "Dal",
  "Heuvelrug",
  "Waterkant",
  "Kasteelpark",
  "Molenwijk",
  "De Kempen",
  "Rivierzone",
  "Zonnedael",
];
const TOPICS = [
  "Ouderenzorg",
  "Jeugd en gezin",
  "Mentale gezondheid",
  "Leefstijl",
  "Eerstelijnszorg",
  "Wonen en zorg",
  "Arbeidsmarkt",
  "Digitale zorg",
  "Armoede en gezondheid",
  "Valpreventie",
  "Dementie",
  "Acute zorg",
  "Palliatieve zorg",
  "Gezonde school",
  "Sport en bewegen",
  "Eenzaamheid",
  "Mantelzorg",
  "Preventie",
];
const FUNDING: FundingStatus[] = ["iza", "iza", "andere", "wachtlijst_iza", "geen_iza", "white_spot"];
const MEMBER_ROLES: SeatRole[] = [
  "lid",
  "lid",
  "lid",
  "lid",
  "lid",
  "lid",
  "adviseur",
  "agendalid",
  "plaatsvervanger",
  "themaleider",
];

/** The first meeting the scale data records; earlier meetings were never kept in Kring. */
const FIRST_MEETING_DAY = "2022-01-01";
const DAY_MS = 86_400_000;

/** mulberry32: small, fast and good enough for a fixture; the seed makes every run the same. */
function randomGenerator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof randomGenerator>;

/** Picks by weight in O(log n): the cumulative weights are computed once. */
function weightedPicker<T>(items: readonly T[], weightOf: (item: T, index: number) => number) {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((item, index) => {
    total += weightOf(item, index);
    cumulative.push(total);
  });
  return (random: Random): T => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! <= target) low = middle + 1;
      else high = middle;
    }
    return items[low]!;
  };
}

const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const isWeekend = (ms: number) => {
  const weekday = new Date(ms).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/** ASCII for e-mail addresses: "Ayşe Öztürk" → "ayse.ozturk". */
const mailPart = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ş/g, "s")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

interface Position {
  role: SeatRole;
}
interface SeatSpan {
  id: number;
  personId: number | null;
  organisationId: number | null;
  start: number;
  end: number | null;
}

export async function generateScaleNetwork(
  file: string,
  { scale, today, log = () => {} }: ScaleOptions,
): Promise<ScaleCounts> {
  if (!(scale > 0)) throw new Error(`The scale must be a positive number, not ${scale}.`);
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) rmSync(file + suffix);

  const kysely = await openMigratedDatabase(file);
  try {
    await loadDemo(kysely);
  } finally {
    await kysely.destroy();
  }

  const db = new SQLite(file);
  addKringFunctions(db);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("foreign_keys = ON");
  db.pragma("cache_size = -200000");
  const random = randomGenerator(Math.round(scale * 1000) + 20_261_123);
  const todayMs = dayMs(today);
  const stamp = `${today}T09:00:00.000Z`;
  const beheerderId = (
    db
      .prepare("select user_id as id from user_roles where role = 'beheerder' and region_id is null order by user_id")
      .get() as { id: number }
  ).id;

  const insertAudit = db.prepare(
    "insert into audit_log (at, user_id, action, entity, entity_id, summary, before, after) values (?, ?, 'create', ?, ?, null, null, ?)",
  );
  let auditEntries = 0;
  const audit = (entity: string, id: number, row: Record<string, unknown>, at = stamp) => {
    insertAudit.run(at, beheerderId, entity, String(id), JSON.stringify({ id, ...row }));
    auditEntries += 1;
  };
  const inTransaction = (work: () => void) => db.transaction(work)();

  // Regions and subregions of the whole country.
  const subregionIds: number[] = (db.prepare("select id from subregions").all() as Array<{ id: number }>).map(
    (r) => r.id,
  );
  inTransaction(() => {
    const insertRegion = db.prepare("insert into regions (code, name) values (?, ?)");
    const insertSubregion = db.prepare("insert into subregions (region_id, code, name) values (?, ?, ?)");
    for (const [code, name, subs] of REGIONS) {
      const regionId = Number(insertRegion.run(code, name).lastInsertRowid);
      for (const sub of subs) {
        subregionIds.push(Number(insertSubregion.run(regionId, `${code}-${mailPart(sub)}`, sub).lastInsertRowid));
      }
    }
  });
  // Every record lies in a region (decision 040): a subregion's, or one picked for the rest.
  const regionOfSubregion = new Map(
    (db.prepare("select id, region_id from subregions").all() as Array<{ id: number; region_id: number }>).map((r) => [
      r.id,
      r.region_id,
    ]),
  );
  const regionIds = [...new Set(regionOfSubregion.values())];
  const sectorIds = new Map(
    (db.prepare("select id, code from sectors").all() as Array<{ id: number; code: string }>).map((r) => [
      r.code,
      r.id,
    ]),
  );
  const pickSector = weightedPicker(SECTOR_WEIGHTS, ([, weight]) => weight);
  const themeIds = (db.prepare("select id from themes").all() as Array<{ id: number }>).map((r) => r.id);

  // Organisations: a long tail of small practices and a few very large employers.
  const organisationCount = Math.round(100 * scale);
  const organisationIds: number[] = [];
  log(`organisaties: ${organisationCount}`);
  inTransaction(() => {
    const insert = db.prepare(
      "insert into organisations (name, short_name, sector_id, iza_signatory, website, email, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertSubregion = db.prepare(
      "insert into organisation_subregions (organisation_id, subregion_id) values (?, ?)",
    );
    const insertRegion = db.prepare("insert into organisation_regions (organisation_id, region_id) values (?, ?)");
    for (let i = 1; i <= organisationCount; i += 1) {
      const [sector] = pickSector(random);
      const name = `${random.pick(SECTOR_NAME_PARTS[sector]!)} ${random.pick(PLACES)} ${i}`;
      const row = {
        name,
        short_name: random.chance(0.2) ? `ORG${i}` : null,
        sector_id: sectorIds.get(sector)!,
        iza_signatory: random.chance(0.05) ? 1 : 0,
        website: `https://www.organisatie${i}.example`,
        email: `info@organisatie${i}.example`,
      };
      const id = Number(
        insert.run(row.name, row.short_name, row.sector_id, row.iza_signatory, row.website, row.email, stamp, stamp)
          .lastInsertRowid,
      );
      const subregions = new Set([random.pick(subregionIds)]);
      if (random.chance(0.15)) subregions.add(random.pick(subregionIds));
      for (const subregionId of subregions) insertSubregion.run(id, subregionId);
      for (const regionId of new Set([...subregions].map((subregionId) => regionOfSubregion.get(subregionId)!))) {
        insertRegion.run(id, regionId);
      }
      audit("organisations", id, row);
      organisationIds.push(id);
    }
  });
  // Zipf-like: organisation k employs about 1/k^0.8 of the people of the largest.
  const pickEmployer = weightedPicker(organisationIds, (_, index) => 1 / (index + 1) ** 0.8);

  // People, their addresses, consents and jobs.
  const personCount = Math.round(500 * scale);
  const personIds: number[] = [];
  const employerOf = new Map<number, number>();
  log(`personen: ${personCount}`);
  inTransaction(() => {
    const insertPerson = db.prepare(
      "insert into people (first_name, infix, last_name, initials, salutation, preferred_language, archived_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertEmail = db.prepare("insert into person_emails (person_id, email, is_primary) values (?, ?, ?)");
    const insertConsent = db.prepare(
      "insert into consents (person_id, purpose, status, recorded_on, source) values (?, 'research', ?, ?, 'schaaldata')",
    );
    const insertJob = db.prepare(
      "insert into affiliations (person_id, organisation_id, function_title, start_date, end_date, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
    );
    const jobTitles = [
      "Beleidsadviseur",
      "Directeur",
      "Programmamanager",
      "Huisarts",
      "Projectleider",
      "Teamleider",
      "Wethouder",
      "Onderzoeker",
      "Coördinator",
      "Bestuurder",
    ];
    for (let i = 1; i <= personCount; i += 1) {
      const firstName = random.pick(FIRST_NAMES);
      const infix = random.chance(0.3) ? random.pick(INFIXES) : null;
      const lastName = random.pick(LAST_NAMES);
      const row = {
        first_name: firstName,
        infix,
        last_name: lastName,
        initials: `${firstName[0]}.`,
        salutation: random.chance(0.5) ? "mevrouw" : "de heer",
        preferred_language: random.chance(0.03) ? "en" : "nl",
        archived_at: random.chance(0.02) ? stamp : null,
      };
      const id = Number(
        insertPerson.run(
          row.first_name,
          row.infix,
          row.last_name,
          row.initials,
          row.salutation,
          row.preferred_language,
          row.archived_at,
          stamp,
          stamp,
        ).lastInsertRowid,
      );
      personIds.push(id);
      const employer = pickEmployer(random);
      employerOf.set(id, employer);
      const local = `${mailPart(firstName)}.${mailPart(`${infix ?? ""}${lastName}`)}.${i}`;
      // One in fifty has no address at all: the survey must exclude them.
      if (!random.chance(0.02)) insertEmail.run(id, `${local}@org${employer}.example`, 1);
      if (random.chance(0.1)) insertEmail.run(id, `${local}@prive.example`, 0);
      if (random.chance(0.5))
        insertConsent.run(
          id,
          random.chance(0.04) ? "withdrawn" : "given",
          toDay(todayMs - random.int(30, 1500) * DAY_MS),
        );

      const jobStart = toDay(todayMs - random.int(200, 5000) * DAY_MS);
      // One in thirty left their job: no active affiliation.
      const jobEnd = random.chance(1 / 30) ? toDay(todayMs - random.int(1, 150) * DAY_MS) : null;
      const title = random.pick(jobTitles);
      const jobId = Number(insertJob.run(id, employer, title, jobStart, jobEnd, stamp, stamp).lastInsertRowid);
      audit("people", id, row);
      audit("affiliations", jobId, {
        person_id: id,
        organisation_id: employer,
        function_title: title,
        start_date: jobStart,
        end_date: jobEnd,
      });
      if (random.chance(0.3)) {
        const earlier = pickEmployer(random);
        const end = toDay(dayMs(jobStart) - DAY_MS);
        const start = toDay(dayMs(jobStart) - random.int(400, 3000) * DAY_MS);
        const earlierId = Number(
          insertJob.run(id, earlier, random.pick(jobTitles), start, end, stamp, stamp).lastInsertRowid,
        );
        audit("affiliations", earlierId, { person_id: id, organisation_id: earlier, start_date: start, end_date: end });
      }
    }
  });
  // Most seats go to anyone; a fifth go to the 2 % "connectors" who sit everywhere.
  const connectors = personIds.filter(() => random.chance(0.02));
  const pickHolder = () => (random.chance(0.2) && connectors.length ? random.pick(connectors) : random.pick(personIds));

  // Bodies with their positions and the seats' history.
  const bodyCount = Math.round(20 * scale);
  const seatsByBody = new Map<number, SeatSpan[]>();
  const bodyPeriods = new Map<number, { from: number; to: number | null; perYear: number }>();
  const regionOfBody = new Map<number, number>();
  log(`gremia: ${bodyCount}`);
  inTransaction(() => {
    const insertBody = db.prepare(
      "insert into bodies (name, abbreviation, kind, level, parent_id, theme_id, active_from, active_to, meetings_per_year, created_at, updated_at, region_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertBodySubregion = db.prepare("insert into body_subregions (body_id, subregion_id) values (?, ?)");
    const insertPlanSubregion = db.prepare("insert into plan_subregions (plan_id, subregion_id) values (?, ?)");
    const insertPlanMarker = db.prepare("insert into plan_funding_markers (plan_id, marker) values (?, ?)");
    const insertSeat = db.prepare(
      "insert into seats (body_id, person_id, role, organisation_id, start_date, end_date, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertPlan = db.prepare(
      "insert into plans (name, theme_id, lead_organisation_id, team_body_id, created_at, updated_at, region_id) values (?, ?, ?, ?, ?, ?, ?)",
    );
    const parents: number[] = [];
    for (let i = 1; i <= bodyCount; i += 1) {
      const size = random.next();
      // A few very large bodies (network meetings, broad coalitions), a tenth medium, most small.
      const positionCount = size < 0.01 ? random.int(250, 700) : size < 0.1 ? random.int(40, 100) : random.int(6, 22);
      const level: BodyLevel =
        positionCount > 200
          ? "strategisch"
          : random.pick(["strategisch", "tactisch", "tactisch", "operationeel", "operationeel", "operationeel"]);
      const kind: BodyKind =
        positionCount > 200 ? random.pick(["netwerkbijeenkomst", "coalitie"]) : random.pick(BODY_KINDS);
      const fromMs = todayMs - random.int(400, 4000) * DAY_MS;
      const toMs = random.chance(0.1) ? Math.min(todayMs - 30 * DAY_MS, fromMs + random.int(365, 2500) * DAY_MS) : null;
      const subregionIdsOfBody = random.chance(0.7) ? [random.pick(subregionIds)] : [];
      const regionId =
        subregionIdsOfBody.length > 0 ? regionOfSubregion.get(subregionIdsOfBody[0]!)! : random.pick(regionIds);
      const row = {
        name: `${register.bodyKinds[kind]} ${random.pick(TOPICS)} ${random.pick(PLACES)} ${i}`,
        abbreviation: random.chance(0.3) ? `G${i}` : null,
        kind,
        level,
        parent_id: level !== "strategisch" && parents.length && random.chance(0.4) ? random.pick(parents) : null,
        subregion_ids: subregionIdsOfBody,
        region_id: regionId,
        theme_id: random.chance(0.5) ? random.pick(themeIds) : null,
        active_from: toDay(fromMs),
        active_to: toMs === null ? null : toDay(toMs),
        meetings_per_year: positionCount > 200 ? random.int(2, 4) : random.int(4, 11),
      };
      const bodyId = Number(
        insertBody.run(
          row.name,
          row.abbreviation,
          row.kind,
          row.level,
          row.parent_id,
          row.theme_id,
          row.active_from,
          row.active_to,
          row.meetings_per_year,
          stamp,
          stamp,
          regionId,
        ).lastInsertRowid,
      );
      for (const subregionId of row.subregion_ids) insertBodySubregion.run(bodyId, subregionId);
      audit("bodies", bodyId, row);
      if (level !== "operationeel") parents.push(bodyId);
      bodyPeriods.set(bodyId, { from: fromMs, to: toMs, perYear: row.meetings_per_year });
      regionOfBody.set(bodyId, regionId);
      if (kind === "projectteam") {
        const plan = {
          name: `Plan ${random.pick(TOPICS)} ${i}`,
          theme_id: random.pick(themeIds),
          funding_markers: [random.pick(FUNDING)],
          lead_organisation_id: random.pick(organisationIds),
          subregion_ids: row.subregion_ids,
        };
        const planId = Number(
          insertPlan.run(plan.name, plan.theme_id, plan.lead_organisation_id, bodyId, stamp, stamp, regionId)
            .lastInsertRowid,
        );
        for (const marker of plan.funding_markers) insertPlanMarker.run(planId, marker);
        for (const subregionId of plan.subregion_ids) insertPlanSubregion.run(planId, subregionId);
        audit("plans", planId, { ...plan, team_body_id: bodyId });
      }

      const positions: Position[] = Array.from({ length: positionCount }, (_, index) => ({
        role:
          index === 0
            ? "voorzitter"
            : index === 1
              ? "secretaris"
              : index === 2 && kind === "projectteam"
                ? "projectleider"
                : random.pick(MEMBER_ROLES),
      }));
      const spans: SeatSpan[] = [];
      const lastDay = toMs ?? todayMs + 400 * DAY_MS;
      for (const position of positions) {
        // Each position passes from holder to holder; a term lasts half a year to four years.
        let start = fromMs + (random.chance(0.7) ? 0 : random.int(0, 600) * DAY_MS);
        while (start <= lastDay && start <= todayMs) {
          const term = random.int(180, 1420) * DAY_MS;
          const endMs = start + term > todayMs ? (toMs ?? null) : Math.min(start + term, toMs ?? Infinity);
          const vacant = random.chance(0.04);
          const personId = vacant ? null : pickHolder();
          const organisationId = personId === null ? null : employerOf.get(personId)!;
          const startDay = toDay(start);
          const endDay = endMs === null ? null : toDay(endMs);
          const seatId = Number(
            insertSeat.run(bodyId, personId, position.role, organisationId, startDay, endDay, stamp, stamp)
              .lastInsertRowid,
          );
          audit("seats", seatId, {
            body_id: bodyId,
            person_id: personId,
            role: position.role,
            organisation_id: organisationId,
            start_date: startDay,
            end_date: endDay,
          });
          spans.push({ id: seatId, personId, organisationId, start, end: endMs });
          if (endMs === null) break;
          start = endMs + DAY_MS;
        }
      }
      seatsByBody.set(bodyId, spans);
    }
  });

  // Meetings of the bodies and their attendance; bodies with many members meet on every one of their
  // planned days, so the large rosters weigh in the attendance as they do in a real network.
  const meetingTarget = Math.round(300 * scale);
  const bodyIds = [...seatsByBody.keys()];
  const pickMeetingBody = weightedPicker(bodyIds, (id) => Math.sqrt(seatsByBody.get(id)!.length));
  const meetingsOf = new Map<number, number[]>();
  const firstMeetingMs = dayMs(FIRST_MEETING_DAY);
  for (let made = 0, tries = 0; made < meetingTarget && tries < meetingTarget * 20; tries += 1) {
    const bodyId = pickMeetingBody(random);
    const period = bodyPeriods.get(bodyId)!;
    const from = Math.max(period.from, firstMeetingMs);
    const to = Math.min(period.to ?? todayMs + 365 * DAY_MS, todayMs + 365 * DAY_MS);
    if (to <= from) continue;
    let day = from + Math.floor(random.next() * ((to - from) / DAY_MS)) * DAY_MS;
    while (isWeekend(day)) day += DAY_MS;
    if (day > to) continue;
    const days = meetingsOf.get(bodyId) ?? [];
    if (days.includes(day)) continue;
    days.push(day);
    meetingsOf.set(bodyId, days);
    made += 1;
  }

  log(`vergaderingen: ${meetingTarget} met hun presentie`);
  const insertMeeting = db.prepare(
    "insert into meetings (body_id, kind, title, date, start_time, end_time, location, status, created_at, updated_at, region_id) values (?, 'vergadering', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertAttendance = db.prepare(
    "insert into attendance (meeting_id, person_id, status, substitute_person_id, seat_id, organisation_id) values (?, ?, ?, ?, ?, ?)",
  );
  const bodyName = db.prepare("select name from bodies where id = ?").pluck();
  const bodyEntries = [...meetingsOf.entries()];
  // Several transactions, so the write-ahead log stays small.
  for (let offset = 0; offset < bodyEntries.length; offset += 500) {
    inTransaction(() => {
      for (const [bodyId, days] of bodyEntries.slice(offset, offset + 500)) {
        const name = bodyName.get(bodyId) as string;
        const spans = seatsByBody.get(bodyId)!;
        for (const day of days.sort((a, b) => a - b)) {
          const past = day < todayMs;
          const status = past
            ? random.chance(0.05)
              ? "geannuleerd"
              : "gehouden"
            : random.chance(0.03)
              ? "geannuleerd"
              : "gepland";
          const hour = random.pick(["09:00", "10:00", "13:30", "15:00", "19:30"]);
          const end =
            hour === "19:30" ? "21:30" : `${String(Number(hour.slice(0, 2)) + 2).padStart(2, "0")}${hour.slice(2)}`;
          const date = toDay(day);
          const meetingId = Number(
            insertMeeting.run(
              bodyId,
              `Vergadering ${name}`,
              date,
              hour,
              end,
              random.pick(["Online", "Gemeentehuis", "Stadhuis", "Zorgcentrum"]),
              status,
              stamp,
              stamp,
              regionOfBody.get(bodyId)!,
            ).lastInsertRowid,
          );
          audit("meetings", meetingId, { body_id: bodyId, title: `Vergadering ${name}`, date, status });
          if (status !== "gehouden") continue;
          const present = new Set<number>();
          for (const seat of spans) {
            if (
              seat.personId === null ||
              seat.start > day ||
              (seat.end !== null && seat.end < day) ||
              present.has(seat.personId)
            )
              continue;
            present.add(seat.personId);
            const roll = random.next();
            const attendance =
              roll < 0.72 ? "aanwezig" : roll < 0.87 ? "afgemeld" : roll < 0.95 ? "afwezig" : "vervangen";
            let substitute: number | null = null;
            if (attendance === "vervangen") {
              substitute = random.pick(personIds);
              if (present.has(substitute) || substitute === seat.personId) substitute = null;
            }
            insertAttendance.run(
              meetingId,
              seat.personId,
              substitute === null && attendance === "vervangen" ? "afgemeld" : attendance,
              substitute,
              seat.id,
              seat.organisationId,
            );
          }
          if (random.chance(0.1)) {
            const guest = random.pick(personIds);
            if (!present.has(guest)) {
              insertAttendance.run(meetingId, guest, "gast", null, null, employerOf.get(guest) ?? null);
            }
          }
        }
      }
    });
  }

  db.pragma("wal_checkpoint(truncate)");
  const count = (table: string) => db.prepare(`select count(*) from ${table}`).pluck().get() as number;
  const counts: ScaleCounts = {
    organisations: count("organisations"),
    people: count("people"),
    bodies: count("bodies"),
    seats: count("seats"),
    meetings: count("meetings"),
    attendance: count("attendance"),
    auditEntries: count("audit_log"),
  };
  db.close();
  return counts;
}
