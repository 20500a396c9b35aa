import type { TFunction } from "i18next";
import { organisationKey, personKey } from "./keys";
import { roundedMeasure } from "./files";
import type { ExportTable } from "../table-export.server";
import { type ExportPanel, pseudonymFor, surveyedMembers } from "../panel-export-formats";
import type { CompactNetwork, NodeMeasures } from "./types";

/**
 * A frozen wave's panel with each member's network measures on the wave's reference date, by
 * pseudonym only (decision 008): the person's place among the bodies (the person–body network) and
 * their organisation's place among the organisations (the organisation network).
 */
export function panelNetworkTable(
  panel: ExportPanel,
  secret: string,
  people: CompactNetwork,
  organisations: CompactNetwork,
  t: TFunction,
): ExportTable {
  const nodeByKey = (network: CompactNetwork) => new Map(network.keys.map((key, i) => [key, network.nodes[i]!]));
  const peopleByKey = nodeByKey(people);
  const organisationsByKey = nodeByKey(organisations);
  const measure = (nodes: Map<string, Partial<NodeMeasures>>, key: string): Partial<NodeMeasures> =>
    nodes.get(key) ?? { degree: 0, weightedDegree: 0, betweenness: 0 };
  const keys = [
    "pseudonym",
    "organisationId",
    "personDegree",
    "personWeightedDegree",
    "personBetweenness",
    "organisationDegree",
    "organisationWeightedDegree",
    "organisationBetweenness",
  ] as const;
  return {
    title: `${panel.wave.name} – ${t("panelExports.files.network")}`,
    columns: keys.map((key) => ({ key, header: t(`panelExports.networkColumns.${key}`) })),
    rows: surveyedMembers(panel).map((member) => {
      const person = measure(peopleByKey, personKey(member.personId));
      const organisationId = member.attributes.organisationId;
      const organisation =
        organisationId === null ? null : measure(organisationsByKey, organisationKey(organisationId));
      return {
        pseudonym: pseudonymFor(secret, member.personId),
        organisationId,
        personDegree: person.degree,
        personWeightedDegree: person.weightedDegree,
        personBetweenness: roundedMeasure(person.betweenness),
        organisationDegree: organisation?.degree,
        organisationWeightedDegree: organisation?.weightedDegree,
        organisationBetweenness: roundedMeasure(organisation?.betweenness),
      };
    }),
  };
}
