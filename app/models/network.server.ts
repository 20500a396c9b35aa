import type { DB } from "../../db/index";
import { BODY_LEVELS, type BodyLevel, type IsoDate } from "../../db/schema";
import { displayName } from "../services/names";
import { bodyKey, organisationKey, personKey } from "../services/network/keys";
import type { NetworkQuery } from "../services/network/query";
import type { ListScope } from "../services/region-choice";
import { compactToGraph } from "../services/network/compact";
import { countedPairs, sharedGroupTies, type TieList } from "../services/network/projection";
import type { CompactNetwork, NetworkGraph, NetworkNode } from "../services/network/types";
import { subregionsOfBodies } from "./governance.server";

export type { CompactNetwork, NetworkEdge, NetworkGraph, NetworkNode } from "../services/network/types";

/**
 * The network as the register holds it on a day (decision 033): who sat with whom in which bodies,
 * or who came to the same meetings in a period: compact (typed arrays, for the page, its files and the
 * national network) or as an undirected graphology graph (for the map). Organisations, people and
 * bodies are its nodes; measures are added by app/services/network/measures.ts.
 */

/** A seat held on the day, or a presence at a meeting of the period: the network's raw material. */
interface Fact {
  bodyId: number;
  personId: number;
  organisationId: number | null;
  /** the seat (seat mode) or the meeting (attendance mode) */
  occasion: number;
}

/** Plenary network meetings tie every organisation to every other: they count only when asked for by kind. */
const PLENARY_KIND = "netwerkbijeenkomst";

const PRESENT = ["aanwezig", "gast", "vervangen"] as const;

async function includedBodies(db: DB, query: NetworkQuery, scope: ListScope) {
  let bodies = db
    .selectFrom("bodies")
    .select(["bodies.id", "bodies.name", "bodies.abbreviation", "bodies.level", "bodies.kind"])
    .where("bodies.archived_at", "is", null);
  if (scope !== "all") bodies = bodies.where("bodies.region_id", "=", scope.regionId);
  if (query.level) bodies = bodies.where("bodies.level", "=", query.level as BodyLevel);
  bodies = query.bodyKind
    ? bodies.where("bodies.kind", "=", query.bodyKind as never)
    : bodies.where("bodies.kind", "<>", PLENARY_KIND);
  if (query.themeId !== null) bodies = bodies.where("bodies.theme_id", "=", query.themeId);
  const rows = await bodies.execute();
  const subregions = await subregionsOfBodies(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, subregions: (subregions.get(row.id) ?? []).map((subregion) => subregion.name) }));
}

async function seatFacts(db: DB, on: IsoDate, bodyIds: ReadonlySet<number>): Promise<Fact[]> {
  const active = db
    .selectFrom("seats")
    .where("seats.person_id", "is not", null)
    .where("seats.start_date", "<=", on)
    .where((eb) => eb.or([eb("seats.end_date", "is", null), eb("seats.end_date", ">=", on)]));
  const [seats, jobs] = await Promise.all([
    active.select(["seats.id", "seats.body_id", "seats.person_id", "seats.organisation_id"]).execute(),
    // a seat on behalf of no organisation stands for the organisation the person worked at that day
    active
      .innerJoin("affiliations", "affiliations.person_id", "seats.person_id")
      .where("seats.organisation_id", "is", null)
      .where((eb) => eb.or([eb("affiliations.start_date", "is", null), eb("affiliations.start_date", "<=", on)]))
      .where((eb) => eb.or([eb("affiliations.end_date", "is", null), eb("affiliations.end_date", ">=", on)]))
      .select(["affiliations.id", "affiliations.person_id", "affiliations.organisation_id", "affiliations.start_date"])
      .distinct()
      .execute(),
  ]);
  const employer = new Map<number, { organisationId: number; start: string; id: number }>();
  for (const job of jobs) {
    const start = job.start_date ?? "";
    const known = employer.get(job.person_id);
    if (!known || start < known.start || (start === known.start && job.id < known.id)) {
      employer.set(job.person_id, { organisationId: job.organisation_id, start, id: job.id });
    }
  }
  return seats.flatMap((seat) =>
    bodyIds.has(seat.body_id) && seat.person_id !== null
      ? [
          {
            bodyId: seat.body_id,
            personId: seat.person_id,
            organisationId: seat.organisation_id ?? employer.get(seat.person_id)?.organisationId ?? null,
            occasion: seat.id,
          },
        ]
      : [],
  );
}

async function attendanceFacts(db: DB, from: IsoDate, until: IsoDate, bodyIds: ReadonlySet<number>): Promise<Fact[]> {
  const rows = await db
    .selectFrom("attendance")
    .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
    .leftJoin("seats", "seats.id", "attendance.seat_id")
    .where("meetings.date", ">=", from)
    .where("meetings.date", "<=", until)
    .where("meetings.status", "<>", "geannuleerd")
    .where("meetings.body_id", "is not", null)
    .where("attendance.status", "in", PRESENT)
    .select([
      "meetings.id as meeting_id",
      "meetings.body_id",
      "attendance.person_id",
      "attendance.status",
      "attendance.substitute_person_id",
      "attendance.organisation_id",
      "seats.organisation_id as seat_organisation_id",
    ])
    .execute();
  return rows.flatMap((row) => {
    // a substitute came in the member's place, on behalf of the member's organisation
    const personId = row.status === "vervangen" ? row.substitute_person_id : row.person_id;
    if (row.body_id === null || personId === null || !bodyIds.has(row.body_id)) return [];
    return [
      {
        bodyId: row.body_id,
        personId,
        organisationId: row.organisation_id ?? row.seat_organisation_id,
        occasion: row.meeting_id,
      },
    ];
  });
}

async function organisationsById(db: DB) {
  const [organisations, subregions] = await Promise.all([
    db
      .selectFrom("organisations")
      .innerJoin("sectors", "sectors.id", "organisations.sector_id")
      .select([
        "organisations.id",
        "organisations.name",
        "organisations.sector_id",
        "sectors.code as sector_code",
        "sectors.name_nl as sector_name",
      ])
      .execute(),
    db
      .selectFrom("organisation_subregions")
      .innerJoin("subregions", "subregions.id", "organisation_subregions.subregion_id")
      .select(["organisation_subregions.organisation_id", "subregions.id", "subregions.name"])
      .execute(),
  ]);
  const byId = new Map(
    organisations.map((o) => [o.id, { ...o, subregionIds: [] as number[], subregions: [] as string[] }]),
  );
  for (const row of subregions.sort((a, b) => a.id - b.id)) {
    const organisation = byId.get(row.organisation_id);
    organisation?.subregionIds.push(row.id);
    organisation?.subregions.push(row.name);
  }
  return byId;
}

const levelRank = (level: string | null) =>
  level === null ? BODY_LEVELS.length : BODY_LEVELS.indexOf(level as BodyLevel);
const higherLevel = (a: string | null, b: string | null) => (levelRank(b) < levelRank(a) ? b : a);

/**
 * The network the query asks for. Sector and subregion choose the seats (or presences) by the
 * organisation they stand for; level, body kind and theme choose the bodies. Organisations and people
 * with a seat but no tie stay in as nodes without edges: they belong to the network's density. The
 * scope chooses the bodies too: one region's, or every region's (decision 044).
 */
export async function compactNetworkOf(db: DB, query: NetworkQuery, scope: ListScope): Promise<CompactNetwork> {
  const [bodies, organisations] = await Promise.all([includedBodies(db, query, scope), organisationsById(db)]);
  const bodyById = new Map(bodies.map((body) => [body.id, body]));
  const bodyIds = new Set(bodyById.keys());
  const all =
    query.weight === "vergaderingen"
      ? await attendanceFacts(db, query.attendanceFrom ?? query.on, query.attendanceUntil ?? query.on, bodyIds)
      : await seatFacts(db, query.on, bodyIds);
  const narrowedByOrganisation = query.sectorId !== null || query.subregionId !== null;
  const facts = all.filter((fact) => {
    if (query.kind === "organisaties" && fact.organisationId === null) return false;
    if (!narrowedByOrganisation) return true;
    const organisation = fact.organisationId === null ? undefined : organisations.get(fact.organisationId);
    return (
      organisation !== undefined &&
      (query.sectorId === null || organisation.sector_id === query.sectorId) &&
      (query.subregionId === null || organisation.subregionIds.includes(query.subregionId))
    );
  });

  const nodes = new Map<string, NetworkNode>();
  const addOrganisation = (id: number, level: string | null) => {
    const key = organisationKey(id);
    const known = nodes.get(key);
    if (known) {
      known.level = higherLevel(known.level, level);
      return;
    }
    const organisation = organisations.get(id)!;
    nodes.set(key, {
      label: organisation.name,
      kind: "organisation",
      sector: organisation.sector_code,
      sectorName: organisation.sector_name,
      subregions: organisation.subregions,
      level,
      href: `/organisaties/${id}`,
    });
  };
  const addBody = (id: number) => {
    const key = bodyKey(id);
    if (nodes.has(key)) return;
    const body = bodyById.get(id)!;
    nodes.set(key, {
      label: body.abbreviation ?? body.name,
      kind: "body",
      sector: null,
      sectorName: null,
      subregions: body.subregions,
      level: body.level,
      href: `/gremia/${id}`,
    });
  };

  let ties: TieList;
  if (query.kind === "organisaties") {
    for (const fact of facts) addOrganisation(fact.organisationId!, bodyById.get(fact.bodyId)!.level);
    ties = sharedGroupTies(
      facts.map((fact) => ({
        group: query.weight === "vergaderingen" ? fact.occasion : fact.bodyId,
        member: organisationKey(fact.organisationId!),
      })),
    );
  } else if (query.kind === "gremia") {
    for (const fact of facts) addBody(fact.bodyId);
    ties = sharedGroupTies(facts.map((fact) => ({ group: fact.personId, member: bodyKey(fact.bodyId) })));
  } else {
    await addPeople(db, nodes, facts, bodyById, organisations);
    for (const fact of facts) addBody(fact.bodyId);
    ties = countedPairs(
      facts.map((fact) => ({ source: personKey(fact.personId), target: bodyKey(fact.bodyId), group: fact.occasion })),
    );
  }
  const keys = [...nodes.keys()];
  const index = new Map(keys.map((key, i) => [key, i]));
  const memberIndex = Int32Array.from(ties.members, (member) => index.get(member)!);
  const source = ties.source.map((member) => memberIndex[member]!);
  const target = ties.target.map((member) => memberIndex[member]!);
  return { keys, nodes: [...nodes.values()], source, target, weight: ties.weight, ties: ties.count };
}

/**
 * The network as a graphology graph, for the map and other small networks: graphology keeps each tie
 * as objects, which for the national network's 750 000 ties costs more memory than the server has.
 */
export async function networkOf(db: DB, query: NetworkQuery, scope: ListScope): Promise<NetworkGraph> {
  return compactToGraph(await compactNetworkOf(db, query, scope));
}

/** People as nodes, each with the sector and subregions of the organisation of their highest seat. */
async function addPeople(
  db: DB,
  nodes: Map<string, NetworkNode>,
  facts: readonly Fact[],
  bodyById: ReadonlyMap<number, { level: string }>,
  organisations: Awaited<ReturnType<typeof organisationsById>>,
) {
  const main = new Map<number, { level: string; organisationId: number | null }>();
  for (const fact of facts) {
    const level = bodyById.get(fact.bodyId)!.level;
    const known = main.get(fact.personId);
    const higher = !known || levelRank(level) < levelRank(known.level);
    const sameWithOrganisation = known && known.level === level && known.organisationId === null;
    if (higher || sameWithOrganisation) main.set(fact.personId, { level, organisationId: fact.organisationId });
  }
  if (main.size === 0) return;
  // substitutes and guests need not hold a seat: every person, read once, is simpler than a list of ids
  const everyone = await db
    .selectFrom("people")
    .select(["id", "title", "first_name", "initials", "infix", "last_name"])
    .execute();
  const byId = new Map(everyone.map((person) => [person.id, person]));
  for (const [id, { level, organisationId }] of main) {
    const person = byId.get(id);
    const organisation = organisationId === null ? undefined : organisations.get(organisationId);
    nodes.set(personKey(id), {
      label: person ? displayName(person) : "",
      kind: "person",
      sector: organisation?.sector_code ?? null,
      sectorName: organisation?.sector_name ?? null,
      subregions: organisation?.subregions ?? [],
      level,
      href: `/personen/${id}`,
    });
  }
}
