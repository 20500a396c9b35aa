import type Graph from "graphology";

/** The network's graph as the model builds it and the measures, files and pages read it. */

export type NetworkNodeKind = "organisation" | "person" | "body";

export interface NodeMeasures {
  degree: number;
  weightedDegree: number;
  /** normalised to 0–1 (decision 033) */
  betweenness: number;
}

export interface NetworkNode extends Partial<NodeMeasures> {
  label: string;
  kind: NetworkNodeKind;
  /** the sector's code */
  sector: string | null;
  sectorName: string | null;
  subregions: string[];
  level: string | null;
  href: string;
}

export interface NetworkEdge {
  weight: number;
}

export type NetworkGraph = Graph<NetworkNode, NetworkEdge>;

/**
 * The same network without graphology: nodes by index and ties as typed arrays of node indices.
 * What the network page, its files and the bench measure; graphology's own storage of the national
 * network's 750 000 ties would take 8 s and more memory than the server has (decision 033).
 */
export interface CompactNetwork {
  keys: string[];
  nodes: NetworkNode[];
  source: Int32Array;
  target: Int32Array;
  weight: Int32Array;
  ties: number;
}
