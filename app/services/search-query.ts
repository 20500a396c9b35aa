import { compareDutch, foldForComparison } from "./names";

/** What the lookup finds, in the order the results page groups them. */
export const SEARCH_KINDS = ["person", "organisation", "body"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

const SECTIONS: Record<SearchKind, string> = { person: "personen", organisation: "organisaties", body: "gremia" };

/** The page of a found record: /personen/12, /organisaties/3, /gremia/8. */
export function resultPath(result: { kind: SearchKind; id: number }): string {
  return `/${SECTIONS[result.kind]}/${result.id}`;
}

/**
 * What a user types into the lookup, turned into a full-text query that cannot fail or be
 * steered: every word becomes a quoted FTS5 string, so quotes, `*`, `-`, `:`, `^`, parentheses
 * and words like AND, OR, NOT or NEAR are only ever text to look for.
 */

/** Longer input is cut off: nobody types more to find one record, and it keeps the query cheap. */
export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_WORDS = 8;

/** The characters FTS5's unicode61 tokenizer keeps in a token; a word without any is only punctuation. */
const TOKEN_CHARACTER = /[\p{L}\p{N}\p{Co}]/u;

/** The words of the input, as the user meant them: composed, without control characters, at most MAX_SEARCH_WORDS. */
export function searchWords(text: string): string[] {
  return text
    .slice(0, MAX_SEARCH_LENGTH)
    .normalize("NFC")
    .replace(/\p{Cc}/gu, " ")
    .split(/\s+/u)
    .filter((word) => TOKEN_CHARACTER.test(word))
    .slice(0, MAX_SEARCH_WORDS);
}

/** An FTS5 string literal: the only special character inside one is `"`, written twice. */
export function quoteFtsString(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/**
 * The FTS5 MATCH expression for the input, or null when there is nothing to look for. All words
 * must occur; the last one may be unfinished ("berg" while typing "bergen"), so it is a prefix.
 * A word with punctuation inside (an e-mail address, "A.M.") becomes a phrase of its parts.
 */
export function ftsMatchExpression(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  return words.map((word, index) => quoteFtsString(word) + (index === words.length - 1 ? "*" : "")).join(" ");
}

/**
 * The PostgreSQL tsquery for the input (migration 0003's tsvector table), with FTS5's meaning: all
 * words must occur, the last one may be unfinished, and a word with punctuation inside is a phrase
 * of its parts. Every part is a quoted lexeme of letters and digits only, so nothing the user
 * types is an operator. The database folds it further (unaccent) as it folded the index.
 */
export function tsQueryText(text: string): string | null {
  const words = searchWords(text)
    .map((word) => foldForComparison(word).match(/[\p{L}\p{N}\p{Co}]+/gu) ?? [])
    .filter((parts) => parts.length > 0);
  if (words.length === 0) return null;
  return words
    .map((parts, index) =>
      parts
        .map((part, at) => `'${part}'${index === words.length - 1 && at === parts.length - 1 ? ":*" : ""}`)
        .join(" <-> "),
    )
    .join(" & ");
}

/** The input as ranking compares it: folded like the index (case, accents) with single spaces. */
export function normaliseForRanking(text: string): string {
  return foldForComparison(searchWords(text).join(" "));
}

/** 0: a label is exactly what was typed; 1: a label starts with it; 2: it matched elsewhere. */
export type MatchTier = 0 | 1 | 2;

export function matchTier(typed: string, labels: readonly (string | null | undefined)[]): MatchTier {
  return tierOf(normaliseForRanking(typed), labels);
}

function tierOf(query: string, labels: readonly (string | null | undefined)[]): MatchTier {
  let tier: MatchTier = 2;
  for (const label of labels) {
    if (!label) continue;
    const folded = foldForComparison(label.trim().replace(/\s+/gu, " "));
    if (folded === query) return 0;
    if (query && folded.startsWith(query)) tier = 1;
  }
  return tier;
}

export interface RankCandidate {
  /** what the record is called: names, short names, abbreviations, e-mail addresses */
  labels: readonly (string | null | undefined)[];
  /** FTS5 bm25 score: lower is better */
  score: number;
  archived: boolean;
  title: string;
}

/**
 * Orders the full-text hits as a person looking something up expects: exact names first, then
 * names that start with what was typed, then the rest by relevance; within each, current records
 * before archived ones.
 */
export function rankCandidates<T extends RankCandidate>(typed: string, candidates: readonly T[]): T[] {
  const query = normaliseForRanking(typed);
  return candidates
    .map((candidate) => ({ candidate, tier: tierOf(query, candidate.labels) }))
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        Number(a.candidate.archived) - Number(b.candidate.archived) ||
        a.candidate.score - b.candidate.score ||
        compareDutch(a.candidate.title, b.candidate.title),
    )
    .map(({ candidate }) => candidate);
}
