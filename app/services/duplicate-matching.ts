import { foldForComparison } from "../../db/sort-name";
import { phoneKey, surnameKey } from "../../db/match-keys";

export { phoneKey, surnameKey } from "../../db/match-keys";

/**
 * How likely two people (or two organisations) are one and the same, as a score from 0 to 100 with
 * the reasons as codes the pages put into words. Pure: the model (app/models/duplicates.server.ts)
 * finds the candidates through indexed keys and calls this to score them.
 */

/** Pairs per page of the duplicate-pairs pages. */
export const DUPLICATE_PAGE_SIZE = 50;

/** From this score on a pair is shown as a likely duplicate. */
export const LIKELY_DUPLICATE = 50;

export const PERSON_MATCH_REASONS = [
  "same_name",
  "surname_spelled_differently",
  "infix_differs",
  "initials_match_first_name",
  "same_surname",
  "swapped_names",
  "same_email",
  "same_phone",
  "same_organisation",
] as const;
export type PersonMatchReason = (typeof PERSON_MATCH_REASONS)[number];

export const ORGANISATION_MATCH_REASONS = [
  "same_name",
  "same_short_name",
  "name_is_abbreviation",
  "same_email",
  "same_website",
  "same_phone",
] as const;
export type OrganisationMatchReason = (typeof ORGANISATION_MATCH_REASONS)[number];

export interface Match<R extends string> {
  score: number;
  reasons: R[];
}

export interface PersonForMatching {
  first_name: string | null;
  infix: string | null;
  last_name: string;
  initials?: string | null;
  phone?: string | null;
  emails?: readonly string[];
  organisationIds?: readonly number[];
}

/** A person's names and numbers reduced once, so a pass over thousands of pairs compares strings only. */
export interface PreparedPerson {
  core: string;
  /** the tussenvoegsel written one way: "v.d.", "van der", "van den" all read "van d" */
  infix: string;
  /** the achternaam with its tussenvoegsel as written, letters only */
  written: string;
  /** the voornaam, letters only; empty when only initials are known */
  first: string;
  /** the initials, letters only ("J.P." gives "jp"); the voornaam's first letter when none are given */
  initials: string;
  phone: string;
  emails: ReadonlySet<string>;
  organisationIds: ReadonlySet<number>;
}

const INFIX_WORDS: Record<string, string> = {
  v: "van",
  van: "van",
  von: "van",
  d: "d",
  vd: "van d",
  de: "d",
  den: "d",
  der: "d",
  t: "het",
  het: "het",
  te: "t",
  ter: "t",
  ten: "t",
  op: "op",
  in: "in",
};
const GLUED_PARTICLE = /^(van|von|der|den|het|ter|ten|vd|de|te|op)/;

/**
 * Names repeat (a register has thousands of Jannen and Bergen), and folding is the costly part of
 * preparing a person: each text is folded once per process, up to a bound.
 */
const folded = new Map<string, string>();
const FOLDED_MAX = 100_000;

function lettersOf(text: string | null | undefined): string {
  if (!text) return "";
  let letters = folded.get(text);
  if (letters === undefined) {
    letters = foldForComparison(text).replace(/[^\p{L}\p{N}]/gu, "");
    if (folded.size >= FOLDED_MAX) folded.clear();
    folded.set(text, letters);
  }
  return letters;
}

/** "v.d." → "van d", "van 't" → "van het": each word of a tussenvoegsel by what it stands for. */
function canonicalInfix(infix: string | null | undefined): string[] {
  return foldForComparison(infix ?? "")
    .replace(/[.'’‘`]/g, " ")
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => (word === "vd" ? ["van", "d"] : [INFIX_WORDS[word] ?? word]));
}

/** The particles glued onto an achternaam ("Vandenberg" → van, d), read the way canonicalInfix reads them. */
function gluedParticles(lastName: string): string[] {
  let rest = lettersOf(lastName);
  const found: string[] = [];
  for (;;) {
    const particle = GLUED_PARTICLE.exec(rest)?.[0];
    if (!particle || rest.length - particle.length < 3) return found;
    found.push(INFIX_WORDS[particle] ?? particle);
    rest = rest.slice(particle.length);
  }
}

const cores = new Map<string, string>();
function coreOf(lastName: string): string {
  let core = cores.get(lastName);
  if (core === undefined) {
    core = surnameKey(lastName);
    if (cores.size >= FOLDED_MAX) cores.clear();
    cores.set(lastName, core);
  }
  return core;
}

const infixes = new Map<string, string>();
function infixOf(infix: string | null, lastName: string): string {
  const key = `${infix ?? ""}\u0000${lastName}`;
  let canonical = infixes.get(key);
  if (canonical === undefined) {
    canonical = [...canonicalInfix(infix), ...gluedParticles(lastName)].join(" ");
    if (infixes.size >= FOLDED_MAX) infixes.clear();
    infixes.set(key, canonical);
  }
  return canonical;
}

/** A voornaam field holding only initials ("J." or "J.P.") counts as initials. */
const INITIALS_ONLY = /^(\p{L}\.\s*)+$|^\p{L}$/u;

export function preparePerson(person: PersonForMatching): PreparedPerson {
  const firstIsInitials = INITIALS_ONLY.test(person.first_name?.trim() ?? "");
  const first = firstIsInitials ? "" : lettersOf(person.first_name);
  const typedInitials = lettersOf(person.initials) || (firstIsInitials ? lettersOf(person.first_name) : "");
  return {
    core: coreOf(person.last_name),
    infix: infixOf(person.infix, person.last_name),
    written: lettersOf(`${person.infix ?? ""}${person.last_name}`),
    first,
    initials: typedInitials || first.slice(0, 1),
    phone: phoneKey(person.phone),
    emails: new Set((person.emails ?? []).map((email) => email.trim().toLowerCase())),
    organisationIds: new Set(person.organisationIds ?? []),
  };
}

type FirstNames = "same" | "initials" | "unknown" | "different";

function compareFirstNames(a: PreparedPerson, b: PreparedPerson): FirstNames {
  if (a.first && b.first) return a.first === b.first ? "same" : "different";
  if (!a.initials || !b.initials) return "unknown";
  const [shorter, longer] = a.initials.length <= b.initials.length ? [a, b] : [b, a];
  if (!longer.initials.startsWith(shorter.initials)) return "different";
  return a.first || b.first ? "initials" : "same";
}

const intersects = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>) => {
  for (const value of a) if (b.has(value)) return true;
  return false;
};

/** What the names alone say, before addresses, numbers and organisations add to it. */
function nameMatch(a: PreparedPerson, b: PreparedPerson): Match<PersonMatchReason> {
  if (a.core && a.core === b.core) {
    const firstNames = compareFirstNames(a, b);
    if (firstNames === "different") return { score: 0, reasons: [] };
    const surname: PersonMatchReason[] =
      a.infix !== b.infix ? ["infix_differs"] : a.written !== b.written ? ["surname_spelled_differently"] : [];
    const penalty = a.infix !== b.infix ? 10 : a.written !== b.written ? 5 : 0;
    if (firstNames === "same") return { score: 65 - penalty, reasons: ["same_name", ...surname] };
    if (firstNames === "initials") return { score: 55 - penalty, reasons: ["initials_match_first_name", ...surname] };
    return { score: 35 - penalty, reasons: ["same_surname", ...surname] };
  }
  if (a.first && b.first && coreOf(a.first) === b.core && coreOf(b.first) === a.core) {
    return { score: 55, reasons: ["swapped_names"] };
  }
  return { score: 0, reasons: [] };
}

export function matchPreparedPeople(a: PreparedPerson, b: PreparedPerson): Match<PersonMatchReason> {
  const { score, reasons } = nameMatch(a, b);
  let total = score;
  if (intersects(a.emails, b.emails)) {
    total += 50;
    reasons.push("same_email");
  }
  if (a.phone && a.phone === b.phone) {
    total += 30;
    reasons.push("same_phone");
  }
  // a shared employer says little alone (colleagues), so it only strengthens another sign
  if (total > 0 && intersects(a.organisationIds, b.organisationIds)) {
    total += 15;
    reasons.push("same_organisation");
  }
  return { score: Math.min(100, total), reasons };
}

export function matchPeople(a: PersonForMatching, b: PersonForMatching): Match<PersonMatchReason> {
  return matchPreparedPeople(preparePerson(a), preparePerson(b));
}

export interface ParsedName {
  first_name: string | null;
  infix: string | null;
  last_name: string;
  initials: string | null;
}

const INFIX_TOKEN = /^(van|von|de|den|der|het|'t|t|ter|ten|te|op|in|v\.?|d\.?|v\.d\.?|vd)$/i;

/**
 * A whole name as one text, the way spreadsheets hold it: "J. van den Berg", "Jan v.d. Berg",
 * "Berg, Jan van den". Initials are told from a voornaam by their dots.
 */
export function parseDutchName(text: string): ParsedName {
  const comma = text.indexOf(",");
  const words =
    comma >= 0
      ? [
          ...text
            .slice(comma + 1)
            .trim()
            .split(/\s+/),
          "|",
          ...text.slice(0, comma).trim().split(/\s+/),
        ]
      : text.trim().split(/\s+/);
  const lastStart = comma >= 0 ? words.indexOf("|") + 1 : words.length - 1;
  const before = words.slice(0, comma >= 0 ? lastStart - 1 : lastStart).filter(Boolean);
  const lastWords = words.slice(lastStart).filter(Boolean);
  const firstInfix = before.findIndex((word, i) => i > 0 && INFIX_TOKEN.test(word));
  const given = firstInfix >= 0 ? before.slice(0, firstInfix) : before;
  const infixWords = firstInfix >= 0 ? before.slice(firstInfix) : [];
  // "Jan v.d. Berg" is split as given "Jan", infix "v.d."; a lone "van" before the surname too
  if (given.length === 1 && infixWords.length === 0 && before.length === 1 && INFIX_TOKEN.test(given[0]!)) {
    infixWords.push(...given.splice(0));
  }
  const givenText = given.join(" ");
  const isInitials = INITIALS_ONLY.test(givenText.replace(/\s+/g, ""));
  return {
    first_name: givenText && !isInitials ? givenText : null,
    infix: infixWords.length ? infixWords.join(" ") : null,
    last_name: lastWords.join(" "),
    initials: givenText && isInitials ? givenText.replace(/\s+/g, "") : null,
  };
}

export interface OrganisationForMatching {
  name: string;
  short_name?: string | null;
  email?: string | null;
  website?: string | null;
  phone?: string | null;
}

export interface PreparedOrganisation {
  name: string;
  shortName: string;
  abbreviation: string;
  email: string;
  website: string;
  phone: string;
}

/** Legal forms and filler words that say nothing about which organisation it is. */
const ORGANISATION_NOISE = new Set(["stichting", "vereniging", "bv", "nv", "cooperatie", "ua", "de", "het"]);
const ABBREVIATION_SKIPS = new Set(["de", "het", "van", "en", "voor", "in", "op", "der", "den"]);

function organisationWords(name: string): string[] {
  return foldForComparison(name)
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, "$1")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .split(/[\s-]+/)
    .filter(Boolean);
}

/** "https://www.ggdzl.nl/over-ons" → "ggdzl.nl". */
export function websiteKey(website: string | null | undefined): string {
  return (website ?? "")
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, "")
    .replace(/^www\./, "")
    .replace(/[/?#].*$/, "");
}

/** "GGD Zuid-Limburg" → "ggdzl": the first letter of each word, an acronym within it whole. */
function abbreviationOf(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .split(/[\s-]+/)
    .filter(
      (word) => word && !ORGANISATION_NOISE.has(word.toLowerCase()) && !ABBREVIATION_SKIPS.has(word.toLowerCase()),
    )
    .map((word) => (/^[\p{Lu}\p{N}]{2,}$/u.test(word) ? word : word[0]!).toLowerCase())
    .join("");
}

export function prepareOrganisation(organisation: OrganisationForMatching): PreparedOrganisation {
  const words = organisationWords(organisation.name);
  const meaningful = words.filter((word) => !ORGANISATION_NOISE.has(word));
  return {
    name: meaningful.join(""),
    shortName: lettersOf(organisation.short_name),
    abbreviation: meaningful.length > 1 ? abbreviationOf(organisation.name) : "",
    email: (organisation.email ?? "").trim().toLowerCase(),
    website: websiteKey(organisation.website),
    phone: phoneKey(organisation.phone),
  };
}

const namesOf = (organisation: PreparedOrganisation) =>
  [organisation.name, organisation.shortName, organisation.abbreviation].filter(Boolean);

export function matchPreparedOrganisations(
  a: PreparedOrganisation,
  b: PreparedOrganisation,
): Match<OrganisationMatchReason> {
  const reasons: OrganisationMatchReason[] = [];
  let score = 0;
  if (a.name && a.name === b.name) {
    score += 70;
    reasons.push("same_name");
  } else if (a.shortName && a.shortName === b.shortName) {
    score += 55;
    reasons.push("same_short_name");
  } else if (namesOf(a).some((key) => namesOf(b).includes(key))) {
    score += 50;
    reasons.push("name_is_abbreviation");
  }
  if (a.email && a.email === b.email) {
    score += 40;
    reasons.push("same_email");
  }
  // one website is one organisation (or a department of it): enough alone
  if (a.website && a.website === b.website) {
    score += 50;
    reasons.push("same_website");
  }
  if (a.phone && a.phone === b.phone) {
    score += 30;
    reasons.push("same_phone");
  }
  return { score: Math.min(100, score), reasons };
}

export function matchOrganisations(
  a: OrganisationForMatching,
  b: OrganisationForMatching,
): Match<OrganisationMatchReason> {
  return matchPreparedOrganisations(prepareOrganisation(a), prepareOrganisation(b));
}
