import type { DB } from "../../db/index";
import { searchRegister } from "../../app/models/search.server";
import { bodyRoster } from "../../app/models/bodies.server";
import { HISTORY_SHOWN } from "../../app/services/roster-view";
import { bodyMeetings } from "../../app/models/meetings.server";
import {
  attendanceFigures,
  attendanceLastYear,
  recentAttendance,
  yearOverview,
} from "../../app/models/meeting-reports.server";
import { membershipMatrix } from "../../app/models/overviews.server";
import { organisationFilterOptions } from "../../app/models/organisations.server";
import { organisationChoice } from "../../app/models/named-choices.server";
import { getPerson, listPeople, personHistory } from "../../app/models/people.server";
import { RESULTS_LIMIT } from "../../app/routes/zoeken";
import { PAGE_SIZE } from "../../app/services/list-params";
import { ftsMatchExpression, tsQueryText } from "../../app/services/search-query";
import type { RawDatabase } from "./raw";

/**
 * The benchmark's key operations, each twice: Kring's own path (the model functions a page's loader
 * calls, as it calls them) and hand-written SQL sent straight to the driver (./raw.ts) returning the
 * same rows, the database's own limit. `same` proves they agree, so the ratio compares like with
 * like. The SQL is the same on both engines except the search and a list of ids.
 */

export interface Fixtures {
  today: string;
  pastDay: string;
  year: number;
  employerId: number;
  busyPersonId: number;
  bigBodyId: number;
  figuresBodyId: number;
  matrixSubregionId: number;
  shortQuery: string;
  fullNameQuery: string;
}

export interface Operation {
  name: string;
  /** "page" lines must stay within 3× raw and 150 ms; "search" within 30 ms */
  kind: "page" | "search";
  model: () => Promise<unknown>;
  raw: () => Promise<unknown>;
  /** what the model's and the raw path's results have in common (ids in order, counts) */
  modelKey: (result: never) => unknown;
  rawKey: (result: never) => unknown;
  /** the same page through the built server */
  path: string;
}

const op = <M, R>(spec: {
  name: string;
  kind: Operation["kind"];
  model: () => Promise<M>;
  raw: () => Promise<R>;
  modelKey: (result: M) => unknown;
  rawKey: (result: R) => unknown;
  path: string;
}): Operation => spec;

/** `start <= day and (end is null or end >= day)` for a table alias, as the models write it. */
const activeOn = (alias: string, nullableStart = false) =>
  `${nullableStart ? `(${alias}.start_date is null or ${alias}.start_date <= @day)` : `${alias}.start_date <= @day`} and (${alias}.end_date is null or ${alias}.end_date >= @day)`;

export async function pickFixtures(raw: RawDatabase, today: string): Promise<Fixtures> {
  const one = async <T>(query: string, params: Record<string, unknown> = {}) => (await raw.all<T>(query, params))[0]!;
  const pastDay = `${Number(today.slice(0, 4)) - 1}-06-30`;
  const year = Number(today.slice(0, 4)) - 1;
  const person = await one<{ first_name: string; infix: string | null; last_name: string }>(
    "select first_name, infix, last_name from people where infix is not null order by id limit 1 offset 1000",
  );
  return {
    today,
    pastDay,
    year,
    employerId: (
      await one<{ id: number }>(
        `select organisation_id as id from affiliations a where ${activeOn("a", true)} group by organisation_id order by count(*) desc limit 1`,
        { day: today },
      )
    ).id,
    busyPersonId: (
      await one<{ id: number }>(
        "select person_id as id from seats where person_id is not null group by person_id order by count(*) desc limit 1",
      )
    ).id,
    bigBodyId: (
      await one<{ id: number }>("select body_id as id from seats group by body_id order by count(*) desc limit 1")
    ).id,
    figuresBodyId: (
      await one<{ id: number }>(
        "select body_id as id from meetings where status = 'gehouden' and date between @from and @to and body_id is not null group by body_id order by count(*) desc limit 1",
        { from: `${year}-01-01`, to: `${year}-12-31` },
      )
    ).id,
    matrixSubregionId: (
      await one<{ id: number }>(
        "select subregion_id as id from organisation_subregions group by subregion_id order by count(*) desc limit 1",
      )
    ).id,
    shortQuery: "jan",
    fullNameQuery: [person.first_name, person.infix, person.last_name].join(" "),
  };
}

export function operations(db: DB, raw: RawDatabase, f: Fixtures): Operation[] {
  const statement = (text: string) => ({
    all: <Row>(params: Record<string, unknown> = {}) => raw.all<Row>(text, params),
  });

  const peoplePage = statement(`
    select p.id, p.first_name, p.infix, p.last_name, p.initials, p.title, p.archived_at,
      (select e.email from person_emails e where e.person_id = p.id and e.is_primary = 1) as email,
      (select string_agg(o.name, ', ') from affiliations a join organisations o on o.id = a.organisation_id
        where a.person_id = p.id and ${activeOn("a", true)}) as organisations
    from people p
    where p.archived_at is null
      and p.id in (select a.person_id from affiliations a where a.organisation_id = @organisationId and ${activeOn("a", true)})
    order by p.sort_name, p.id
    limit ${PAGE_SIZE}`);
  const peopleCount = statement(`
    select count(*) as n from people p where p.archived_at is null
      and p.id in (select a.person_id from affiliations a where a.organisation_id = @organisationId and ${activeOn("a", true)})`);
  const organisationById = statement("select id, name, short_name from organisations where id = @id");

  const personRow = statement("select * from people where id = @id");
  const personEmails = statement(
    "select id, email, is_primary from person_emails where person_id = @id order by is_primary desc, email",
  );
  const personConsents = statement(
    "select id, purpose, status, recorded_on, source, created_at from consents where person_id = @id order by recorded_on desc, id desc",
  );
  const personJobs = statement(`
    select a.id, a.version, a.function_title, a.start_date, a.end_date, o.id as organisation_id, o.name as organisation_name, o.archived_at as organisation_archived_at
    from affiliations a join organisations o on o.id = a.organisation_id where a.person_id = @id order by a.start_date desc, a.id desc`);
  const personSeats = statement(`
    select s.id, s.role, s.start_date, s.end_date, b.id as body_id, b.name as body_name, o.id as organisation_id, o.name as organisation_name
    from seats s join bodies b on b.id = s.body_id left join organisations o on o.id = s.organisation_id where s.person_id = @id order by s.start_date desc`);
  const personHistoryRows = statement(`
    select l.id, l.at, l.action, l.entity, l.summary, l.before, l.after, u.name as user_name
    from audit_log l left join users u on u.id = l.user_id
    where l.id in (
      select id from audit_log where entity = 'people' and entity_id = @person
      union all
      select id from audit_log where entity = 'affiliations'
        and entity_id in (select cast(id as text) from affiliations where person_id = @id))
    order by l.id desc limit 100`);
  const personRecent = statement(`
    select a.id, m.id as meeting_id, m.date, m.title, m.kind, b.id as body_id, b.name as body_name, a.status,
      member.id as person_id, member.first_name, member.last_name, sub.id as substitute_id, sub.last_name as substitute_last_name
    from attendance a join meetings m on m.id = a.meeting_id left join bodies b on b.id = m.body_id
      join people member on member.id = a.person_id left join people sub on sub.id = a.substitute_person_id
    where m.status = 'gehouden' and (a.person_id = @id or a.substitute_person_id = @id)
    order by m.date desc, m.id desc, a.id limit 10`);
  const personYear = statement(`
    select a.status, count(*) as n from attendance a join meetings m on m.id = a.meeting_id
    where m.status = 'gehouden' and m.date between @from and @to and (a.person_id = @id or a.substitute_person_id = @id)
    group by a.status`);

  const rosterRows = statement(`
    select s.id, s.role, s.start_date, s.end_date, s.note, s.person_id, s.organisation_id,
      p.first_name, p.infix, p.last_name, p.initials, p.title, o.name as organisation_name
    from seats s left join people p on p.id = s.person_id left join organisations o on o.id = s.organisation_id
    where s.body_id = @body`);
  const upcoming = statement(
    "select id, title, date, start_time, end_time, status from meetings where body_id = @body and date >= @day order by date, start_time limit 5",
  );
  const recent = statement(
    "select id, title, date, start_time, end_time, status from meetings where body_id = @body and date < @day order by date desc, start_time desc limit 5",
  );

  const matrixRows = statement(`
    select s.id as seat_id, s.role, s.person_id, b.id as body_id, b.name as body_name, b.abbreviation, b.level,
      o.id as organisation_id, o.name as organisation_name, o.short_name, sec.sort_order, sec.name_nl,
      p.first_name, p.infix, p.last_name, p.initials
    from seats s join bodies b on b.id = s.body_id join organisations o on o.id = s.organisation_id
      join sectors sec on sec.id = o.sector_id left join people p on p.id = s.person_id
    where ${activeOn("s")} and b.archived_at is null and b.level = 'strategisch'
      and exists (select 1 from organisation_subregions os where os.organisation_id = o.id and os.subregion_id = @subregion)
    order by sec.sort_order, o.name, b.name`);
  const filterOptions = [
    statement("select id, name_nl, name_en from sectors order by sort_order"),
    statement("select id, name from subregions order by name"),
  ];

  const searchCandidates =
    raw.engine === "postgres"
      ? `select kind, record_id, email, -ts_rank('{0, 0.2, 0.5, 1}', document, query) as score
          from register_search, to_tsquery('simple', unaccent(@match)) as query where document @@ query order by score limit 200`
      : "select kind, record_id, email, rank as score from register_search where register_search match @match order by rank limit 200";
  const searchHits = statement(`
    with hits as (${searchCandidates})
    select hits.kind, hits.record_id, hits.score, hits.email, p.first_name, p.infix, p.last_name, p.initials, p.title,
      o.name as organisation_name, o.short_name, s.name_nl, b.name as body_name, b.abbreviation, b.level,
      coalesce(p.archived_at, o.archived_at, b.archived_at) as archived_at
    from hits
      left join people p on hits.kind = 'person' and p.id = hits.record_id
      left join organisations o on hits.kind = 'organisation' and o.id = hits.record_id
      left join sectors s on s.id = o.sector_id
      left join bodies b on hits.kind = 'body' and b.id = hits.record_id
    order by hits.score`);
  const idsIn =
    raw.engine === "postgres"
      ? "(select value::integer from json_array_elements_text(cast(@ids as json)))"
      : "(select value from json_each(@ids))";
  const employers = statement(`
    select a.person_id, o.name from affiliations a join organisations o on o.id = a.organisation_id
    where a.person_id in ${idsIn} and ${activeOn("a", true)} order by o.name`);

  const figureFacts = statement(`
    select a.meeting_id, m.body_id, a.person_id, a.organisation_id, a.status, a.substitute_person_id
    from attendance a join meetings m on m.id = a.meeting_id
    where m.status = 'gehouden' and m.date between @from and @to and m.body_id = @body`);
  const figureNames = statement(`
    with held as (select a.person_id, a.substitute_person_id from attendance a join meetings m on m.id = a.meeting_id
      where m.status = 'gehouden' and m.date between @from and @to and m.body_id = @body)
    select p.id, p.first_name, p.infix, p.last_name, p.initials, p.title from people p
    where p.id in (select person_id from held union select substitute_person_id from held)`);

  const yearCounts = statement(`
    select body_id, kind, status, count(*) as count from meetings where date between @first and @last group by body_id, kind, status`);
  const yearBodies = statement(`
    select b.id, b.name, b.abbreviation, b.level, s.id as subregion_id, s.name as subregion_name, b.meetings_per_year
    from bodies b left join body_subregions bs on bs.body_id = b.id left join subregions s on s.id = bs.subregion_id
    where b.id in (select body_id from meetings where date between @first and @last)
       or (b.meetings_per_year is not null and b.archived_at is null
           and (b.active_from is null or b.active_from <= @last) and (b.active_to is null or b.active_to >= @first))`);

  const figuresFrom = `${f.year}-01-01`;
  const figuresTo = `${f.year}-12-31`;
  const lastYearFrom = `${Number(f.today.slice(0, 4)) - 1}${f.today.slice(4)}`;

  return [
    op({
      name: "personenlijst, gefilterd op organisatie",
      kind: "page",
      model: async () => {
        await organisationChoice(db, { id: f.employerId });
        return listPeople(db, { organisationId: f.employerId, sort: "naam", page: 1 }, f.today);
      },
      raw: async () => {
        const params = { organisationId: f.employerId, day: f.today };
        const [, rows, [count]] = await Promise.all([
          organisationById.all({ id: f.employerId }),
          peoplePage.all<{ id: number }>(params),
          peopleCount.all<{ n: number }>(params),
        ]);
        return { rows, total: count!.n };
      },
      modelKey: (list) => [list.page.total, list.rows.map((r) => r.id)],
      rawKey: (result) => [result.total, result.rows.map((r) => r.id)],
      path: `/personen?organisatie=${f.employerId}`,
    }),
    op({
      name: "persoonspagina (meeste zetels)",
      kind: "page",
      model: async () => {
        const found = await getPerson(db, f.busyPersonId);
        const [history, recentRows, lastYear] = await Promise.all([
          personHistory(db, f.busyPersonId),
          recentAttendance(db, { personId: f.busyPersonId }, 10),
          attendanceLastYear(db, { personId: f.busyPersonId }, f.today),
        ]);
        return { found, history, recentRows, lastYear };
      },
      raw: async () => {
        const id = f.busyPersonId;
        const [, , , jobs, seats, history, recentRows] = await Promise.all([
          personRow.all({ id }),
          personEmails.all({ id }),
          personConsents.all({ id }),
          personJobs.all<{ id: number }>({ id }),
          personSeats.all<{ id: number }>({ id }),
          personHistoryRows.all<{ id: number }>({ person: String(id), id }),
          personRecent.all<{ id: number }>({ id }),
          personYear.all({ id, from: lastYearFrom, to: f.today }),
        ]);
        return { jobs, seats, history, recentRows };
      },
      modelKey: (r) => [
        r.found!.affiliations.map((a) => a.id),
        r.found!.seats.length,
        r.history.map((h) => h.id),
        r.recentRows.map((a) => a.attendanceId),
      ],
      rawKey: (r) => [
        r.jobs.map((a) => a.id),
        r.seats.length,
        r.history.map((h) => h.id),
        r.recentRows.map((a) => a.id),
      ],
      path: `/personen/${f.busyPersonId}`,
    }),
    op({
      name: `bezetting grootste gremium op ${f.pastDay}`,
      kind: "page",
      model: async () => {
        const [roster, meetings] = await Promise.all([
          bodyRoster(db, f.bigBodyId, f.pastDay, HISTORY_SHOWN),
          bodyMeetings(db, f.bigBodyId, f.today),
        ]);
        return { roster, meetings };
      },
      raw: async () => {
        const [seats] = await Promise.all([
          rosterRows.all<{ id: number; start_date: string; end_date: string | null }>({ body: f.bigBodyId }),
          upcoming.all({ body: f.bigBodyId, day: f.today }),
          recent.all({ body: f.bigBodyId, day: f.today }),
        ]);
        return seats.filter((s) => s.start_date <= f.pastDay && (s.end_date === null || s.end_date >= f.pastDay));
      },
      modelKey: (r) => r.roster.roster.map((s) => s.id).sort((a, b) => a - b),
      rawKey: (r) => r.map((s) => s.id).sort((a, b) => a - b),
      path: `/gremia/${f.bigBodyId}?datum=${f.pastDay}`,
    }),
    op({
      name: "matrix organisaties × gremia (subregio, strategisch)",
      kind: "page",
      model: async () => {
        const [matrix] = await Promise.all([
          membershipMatrix(db, { date: f.today, level: "strategisch", subregionId: f.matrixSubregionId }, "nl", "all"),
          organisationFilterOptions(db),
        ]);
        return matrix;
      },
      raw: async () => {
        const [rows] = await Promise.all([
          matrixRows.all<{ seat_id: number }>({ day: f.today, subregion: f.matrixSubregionId }),
          ...filterOptions.map((options) => options.all()),
        ]);
        return rows;
      },
      modelKey: (m) =>
        Object.values(m.cells)
          .flat()
          .map((r) => r.seatId)
          .sort((a, b) => a - b),
      rawKey: (rows) => rows.map((r) => r.seat_id).sort((a, b) => a - b),
      path: `/overzichten/matrix?subregio=${f.matrixSubregionId}&niveau=strategisch`,
    }),
    ...[f.shortQuery, f.fullNameQuery].map((query) =>
      op({
        name: `zoeken terwijl je typt: "${query}"`,
        kind: "search",
        model: () => searchRegister(db, query, { limit: RESULTS_LIMIT + 1, onDay: f.today }),
        raw: async () => {
          const match = raw.engine === "postgres" ? tsQueryText(query) : ftsMatchExpression(query);
          const hits = await searchHits.all<{ kind: string; record_id: number }>({ match });
          const people = hits
            .filter((hit) => hit.kind === "person")
            .slice(0, RESULTS_LIMIT + 1)
            .map((hit) => hit.record_id);
          await employers.all({ ids: JSON.stringify(people), day: f.today });
          return hits;
        },
        modelKey: (results) => results.length > 0,
        rawKey: (rows) => rows.length > 0,
        path: `/zoeken?q=${encodeURIComponent(query)}&_data=routes%2Fzoeken`,
      }),
    ),
    op({
      name: `presentiecijfers van een gremium over ${f.year}`,
      kind: "page",
      model: () =>
        attendanceFigures(db, { groupBy: "person", bodyId: f.figuresBodyId, from: figuresFrom, to: figuresTo }),
      raw: async () => {
        const params = { body: f.figuresBodyId, from: figuresFrom, to: figuresTo };
        const [, names] = await Promise.all([figureFacts.all(params), figureNames.all<{ id: number }>(params)]);
        return names;
      },
      modelKey: (rows) => rows.length,
      rawKey: (rows) => rows.length,
      path: `/vergaderingen/cijfers?gremium=${f.figuresBodyId}&van=${figuresFrom}&tot=${figuresTo}`,
    }),
    op({
      name: `jaaroverzicht ${f.year}`,
      kind: "page",
      model: () => yearOverview(db, f.year, "all"),
      raw: async () => {
        const params = { first: figuresFrom, last: figuresTo };
        const [, bodies] = await Promise.all([yearCounts.all(params), yearBodies.all<{ id: number }>(params)]);
        return bodies;
      },
      modelKey: (overview) => overview.bodies.length,
      rawKey: (rows) => rows.length,
      path: `/vergaderingen/jaaroverzicht?jaar=${f.year}`,
    }),
  ];
}
