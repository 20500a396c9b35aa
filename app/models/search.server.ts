import { sql } from "kysely";
import { todayInAmsterdam } from "../i18n/format";
import { translator } from "../i18n/index";
import { displayName } from "../services/names";
import type { ListScope } from "../services/region-choice";
import { organisationInRegion, personInRegion } from "./record-regions.server";
import { ftsMatchExpression, rankCandidates, type SearchKind, tsQueryText } from "../services/search-query";
import { engineOf } from "../../db/engine";
import type { DB } from "../../db/index";
import type { BodyLevel, IsoDate, Language } from "../../db/schema";

/**
 * The lookup: people, organisations and bodies found as you type. The one place that knows the
 * full-text index of migration 0003: SQLite's FTS5 table, or PostgreSQL's tsvector table. Both give
 * the candidates with a score (lower is better); what follows is the same on both.
 */

export interface SearchResult {
  kind: SearchKind;
  id: number;
  /** the name as Dutch readers expect it ("dr. Anna van den Berg") */
  title: string;
  /** a person's current organisation(s), an organisation's short name and sector, a body's level and abbreviation */
  subtitle: string | null;
  archived: boolean;
}

export interface SearchOptions {
  /** at most this many results (1–100, default 10) */
  limit?: number;
  /** the day on which "current organisation" is judged (default: today in Amsterdam) */
  onDay?: IsoDate;
  /** the language of the subtitles (sector names, body levels) */
  language?: Language;
  /**
   * Whose bodies are found (decision 044): the scope's region's, or in the cross-region view ("all")
   * every region's, each subtitle naming its region; likewise the people and organisations of the
   * region (decision 047). Left out: every region's, unnamed — the pickers that look for people and
   * organisations to link to a record.
   */
  scope?: ListScope;
}

/**
 * Full-text hits fetched before ranking: enough that an exact name with a weak bm25 score (a
 * single letter matches almost everything) is still among them, few enough to stay fast.
 */
const CANDIDATES = 200;

/**
 * Leaves out the bodies, people and organisations of other regions than the scope's (decisions 044,
 * 047), before the candidates are counted.
 */
function inScope(scope: ListScope | undefined, onDay: IsoDate) {
  if (scope === undefined || scope === "all") return sql``;
  const recordId = sql<number>`record_id`;
  return sql`and (kind <> 'body' or record_id in (select id from bodies where region_id = ${scope.regionId}))
    and (kind <> 'organisation' or ${organisationInRegion(recordId, scope.regionId)})
    and (kind <> 'person' or ${personInRegion(recordId, scope.regionId, onDay)})`;
}

/** The best CANDIDATES records for the input as (kind, record_id, email, score), or null when there is nothing to look for. */
function fullTextHits(db: DB, text: string, scope: ListScope | undefined, onDay: IsoDate) {
  if (engineOf(db) === "postgres") {
    const query = tsQueryText(text);
    if (!query) return null;
    // weights of D, C, B, A: e-mail 0.2, alias 0.5, name 1 (as FTS5's bm25 weights 2, 5 and 10)
    return sql`
      select kind, record_id, email, -ts_rank('{0, 0.2, 0.5, 1}', document, query) as score
      from register_search, to_tsquery('simple', unaccent(${query})) as query
      where document @@ query ${inScope(scope, onDay)}
      order by score
      limit ${CANDIDATES}`;
  }
  const match = ftsMatchExpression(text);
  if (!match) return null;
  return sql`
    select kind, record_id, email, rank as score
    from register_search
    where register_search match ${match} ${inScope(scope, onDay)}
    order by rank
    limit ${CANDIDATES}`;
}

interface CandidateRow {
  kind: SearchKind;
  id: number;
  score: number;
  emails: string | null;
  first_name: string | null;
  infix: string | null;
  last_name: string | null;
  initials: string | null;
  title: string | null;
  organisation_name: string | null;
  short_name: string | null;
  sector_nl: string | null;
  sector_en: string | null;
  body_name: string | null;
  abbreviation: string | null;
  level: BodyLevel | null;
  region_name: string | null;
  archived_at: string | null;
}

export async function searchRegister(db: DB, text: string, options: SearchOptions = {}): Promise<SearchResult[]> {
  const onDay = options.onDay ?? todayInAmsterdam();
  const hits = fullTextHits(db, text, options.scope, onDay);
  if (!hits) return [];
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 10), 1), 100);
  const language = options.language ?? "nl";

  const { rows } = await sql<CandidateRow>`
    with hits as (${hits})
    select hits.kind, hits.record_id as id, hits.score, hits.email as emails,
      p.first_name, p.infix, p.last_name, p.initials, p.title,
      o.name as organisation_name, o.short_name, s.name_nl as sector_nl, s.name_en as sector_en,
      b.name as body_name, b.abbreviation, b.level, r.name as region_name,
      coalesce(p.archived_at, o.archived_at, b.archived_at) as archived_at
    from hits
      left join people p on hits.kind = 'person' and p.id = hits.record_id
      left join organisations o on hits.kind = 'organisation' and o.id = hits.record_id
      left join sectors s on s.id = o.sector_id
      left join bodies b on hits.kind = 'body' and b.id = hits.record_id
      left join regions r on r.id = b.region_id
    -- a merged duplicate is found as the record it went into
    where p.merged_into_id is null and o.merged_into_id is null
  `.execute(db);

  const candidates = rows.flatMap((row) => {
    const described = describe(row);
    return described ? [{ ...described, row, score: row.score, archived: row.archived_at !== null }] : [];
  });
  const ranked = rankCandidates(text, candidates).slice(0, limit);

  const personIds = ranked.filter((c) => c.row.kind === "person").map((c) => c.row.id);
  const employers = await currentOrganisations(db, personIds, onDay);
  const t = translator(language);

  return ranked.map(({ row, title, archived }) => ({
    kind: row.kind,
    id: row.id,
    title,
    subtitle:
      row.kind === "person"
        ? (employers.get(row.id) ?? null)
        : row.kind === "organisation"
          ? joinParts([row.short_name, language === "en" ? row.sector_en : row.sector_nl])
          : joinParts([
              row.level && t(`register.levels.${row.level}`),
              row.abbreviation,
              options.scope === "all" && row.region_name ? t("regions.wholeRegion", { name: row.region_name }) : null,
            ]),
    archived,
  }));
}

/** The title and the labels ranking compares with what was typed; null for a hit whose record is gone. */
function describe(row: CandidateRow): { title: string; labels: (string | null)[] } | null {
  const emails = row.emails ? row.emails.split(" ") : [];
  switch (row.kind) {
    case "person": {
      if (row.last_name === null) return null;
      const name = { first_name: row.first_name, infix: row.infix, last_name: row.last_name, initials: row.initials };
      const surname = joinParts([row.infix, row.last_name], " ");
      return {
        title: displayName({ ...name, title: row.title }),
        labels: [displayName(name), surname, row.last_name, ...emails],
      };
    }
    case "organisation":
      return row.organisation_name === null
        ? null
        : { title: row.organisation_name, labels: [row.organisation_name, row.short_name] };
    case "body":
      return row.body_name === null ? null : { title: row.body_name, labels: [row.body_name, row.abbreviation] };
    default:
      return null;
  }
}

/** Each person's organisations on the day, by name: "Envida, Zuyderland Medisch Centrum". */
async function currentOrganisations(db: DB, personIds: number[], onDay: IsoDate): Promise<Map<number, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("affiliations")
    .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
    .select(["affiliations.person_id", "organisations.name"])
    .where("affiliations.person_id", "in", personIds)
    .where((w) => w.or([w("affiliations.start_date", "is", null), w("affiliations.start_date", "<=", onDay)]))
    .where((w) => w.or([w("affiliations.end_date", "is", null), w("affiliations.end_date", ">=", onDay)]))
    .orderBy("organisations.name")
    .execute();
  const names = new Map<number, string[]>();
  for (const { person_id, name } of rows) {
    const list = names.get(person_id) ?? [];
    if (!list.includes(name)) list.push(name);
    names.set(person_id, list);
  }
  return new Map([...names].map(([id, list]) => [id, list.join(", ")]));
}

function joinParts(parts: (string | null | undefined)[], separator = " · "): string | null {
  const present = parts.filter((part): part is string => !!part?.trim());
  return present.length ? present.join(separator) : null;
}
