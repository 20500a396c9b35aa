import type { DB } from "../../../db/index";
import { compactNetworkOf } from "../../models/network.server";
import type { ListScope } from "../region-choice";
import { pageFrom, paging } from "../list-params";
import { isIsoDay } from "../periods";
import { bridgingOrganisations } from "./bridges";
import { compareNetworks } from "./comparison";
import { measureCompactNetwork } from "./compact-measures";
import { nodeSortFrom, sortedNodeRows } from "./node-table";
import type { NodeMeasures } from "./types";
import { COMPARE_PARAM, networkQueryFrom, type NetworkQuery } from "./query";

/** What the network page shows: only what fits a page travels to the browser, the rest stays here. */

const NODES_PAGE_SIZE = 50;
const BRIDGES_SHOWN = 10;
const NODE_CHANGES_SHOWN = 50;
const TIES_SHOWN = 25;

const changeOf = (then: NodeMeasures | null, now: NodeMeasures | null) =>
  then === null || now === null
    ? Number.POSITIVE_INFINITY
    : Math.abs(now.degree - then.degree) + Math.abs(now.betweenness - then.betweenness);

export type EmptyReason = "noSeats" | "noAttendance" | "noTies";

export async function networkPage(db: DB, scope: ListScope, search: URLSearchParams, today: string) {
  const query = networkQueryFrom(search, today);
  const network = await compactNetworkOf(db, query, scope);
  const measures = measureCompactNetwork(network);
  const empty: EmptyReason | null =
    network.nodes.length === 0
      ? query.weight === "vergaderingen"
        ? "noAttendance"
        : "noSeats"
      : network.ties === 0
        ? "noTies"
        : null;
  const bridges = bridgingOrganisations(network, BRIDGES_SHOWN);
  const sort = nodeSortFrom(search);
  const rows = sortedNodeRows(network, sort);
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
    const otherNetwork = await compactNetworkOf(db, earlierQuery, scope);
    const other = { network: otherNetwork, measures: measureCompactNetwork(otherNetwork) };
    const current = { network, measures };
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
      // the nodes whose place changed most first: a new or gone node, then the largest change in degree
      nodesCount: whole.nodes.length,
      nodes: whole.nodes
        .map((node) => ({ node, change: changeOf(node.then, node.now) }))
        .filter(({ change }) => change > 0)
        .sort((a, b) => b.change - a.change || a.node.label.localeCompare(b.node.label, "nl"))
        .slice(0, NODE_CHANGES_SHOWN)
        .map(({ node }) => node),
    };
  }
  return {
    query,
    compareOn: compareOn && isIsoDay(compareOn) ? compareOn : null,
    measures,
    empty,
    bridges,
    bridgesShown: BRIDGES_SHOWN,
    sort,
    page,
    rows: rows.slice(page.offset, page.offset + page.limit),
    comparison,
  };
}
