import type { TFunction } from "i18next";
import type { DB } from "../../../db/index";
import { compactNetworkOf } from "../../models/network.server";
import type { ExportPanel } from "../panel-export-formats";
import { measureCompactNetwork } from "./compact-measures";
import { panelNetworkTable } from "./panel-measures";
import { networkQueryFrom } from "./query";
import type { ListScope } from "../region-choice";

/**
 * The wave's panel with the two networks of its reference date measured (seats on that day, shared
 * bodies), within the wave's region, or every region's for a network-wide wave.
 */
export async function panelNetworkFile(db: DB, panel: ExportPanel, secret: string, t: TFunction) {
  const on = panel.wave.referenceDate;
  const scope: ListScope = panel.wave.regionId === null ? "all" : { regionId: panel.wave.regionId };
  const query = (kind: string) => networkQueryFrom(new URLSearchParams({ soort: kind, datum: on }), on);
  const [people, organisations] = await Promise.all([
    compactNetworkOf(db, query("personen-gremia"), scope),
    compactNetworkOf(db, query("organisaties"), scope),
  ]);
  measureCompactNetwork(people);
  measureCompactNetwork(organisations);
  return panelNetworkTable(panel, secret, people, organisations, t);
}
