/** The network's downloads, as `bestand` in /netwerk/download; apart from the writers so the page stays light. */
export const NETWORK_FILES = ["graphml", "knopen", "banden", "maten-csv", "maten-xlsx"] as const;
export type NetworkFile = (typeof NETWORK_FILES)[number];

export function isNetworkFile(value: unknown): value is NetworkFile {
  return typeof value === "string" && (NETWORK_FILES as readonly string[]).includes(value);
}
