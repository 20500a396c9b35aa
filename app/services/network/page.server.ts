import type { DB } from "../../../db/index";
import { networkOf } from "../../models/network.server";
import { pageFrom, paging } from "../list-params";
import { isIsoDay } from "../periods";
import { bridgingOrganisations } from "./bridges";
import { compareNetworks } from "./comparison";
import { networkMeasures } from "./measures";
import { nodeSortFrom, sortedNodeRows } from "./node-table";
import { COMPARE_PARAM, networkQueryFrom, type NetworkQuery } from "./query";

/** What the network page shows: only what fits a page travels to the browser, the rest stays here. */

const NODES_PAGE_SIZE = 50;
const BRIDGES_SHOWN = 15;
const TIES_SHOWN = 25;

export type EmptyReason = "noSeats" | "noAttendance" | "noTies";

export async function networkPage(db: DB, search: URLSearchParams, today: string) {
  const query = networkQueryFrom(search, today);
  const graph = await networkOf(db, query);
  const measures = networkMeasures(graph);
  const empty: EmptyReason | null =
    graph.order === 0
      ? query.weight === "vergaderingen"
        ? "noAttendance"
        : "noSeats"
      : graph.size === 0
        ? "noTies"
        : null;
  const bridges = bridgingOrganisations(graph);
  const sort = nodeSortFrom(search);
  const rows = sortedNodeRows(graph, sort);
  const page = paging(rows.length, pageFrom(search), NODES_PAGE_SIZE);

  const compareOn = search.get(COMPARE_PARAM);
  let comparison = null;
  if (compareOn && isIsoDay(compareOn) && compareOn !== query.on && empty !== "noSeats") {
    const earlierQuery: NetworkQuery = { ...query, on: compareOn };
    if (query.weight === "vergaderingen") {
      const shifted = networkQueryFrom(new URLSearchParams({ datum: compareOn, gewicht: "vergaderingen" }), compareOn);
      earlierQuery.attendanceFrom = shifted.attendanceFrom;
      earlierQuery.attendanceUntil = shifted.attendanceUntil;
    }
    const otherGraph = await networkOf(db, earlierQuery);
    const other = { graph: otherGraph, measures: networkMeasures(otherGraph) };
    const current = { graph, measures };
    // "then" is the earlier of the two days, whichever the reader typed first
    const whole = compareOn < query.on ? compareNetworks(other, current) : compareNetworks(current, other);
    comparison = {
      thenOn: compareOn < query.on ? compareOn : query.on,
      nowOn: compareOn < query.on ? query.on : compareOn,
      then: whole.then,
      now: whole.now,
      gainedCount: whole.gained.length,
      lostCount: whole.lost.length,
      gained: whole.gained.slice(0, TIES_SHOWN),
      lost: whole.lost.slice(0, TIES_SHOWN),
    };
  }
  return {
    query,
    compareOn: compareOn && isIsoDay(compareOn) ? compareOn : null,
    measures,
    empty,
    bridgesCount: bridges.length,
    bridges: bridges.slice(0, BRIDGES_SHOWN),
    sort,
    page,
    rows: rows.slice(page.offset, page.offset + page.limit),
    comparison,
  };
}
