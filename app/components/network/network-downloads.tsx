import { useTranslation } from "react-i18next";
import { NETWORK_FILES, type NetworkFile } from "../../services/network/file-kinds";

const LABELS = {
  graphml: "network.downloads.graphml",
  knopen: "network.downloads.nodes",
  banden: "network.downloads.edges",
  "maten-csv": "network.downloads.measuresCsv",
  "maten-xlsx": "network.downloads.measuresXlsx",
} as const satisfies Record<NetworkFile, string>;

/** The files for analysis tools, each with the page's own parameters. */
export function NetworkDownloads({ search }: { search: string }) {
  const { t } = useTranslation();
  const href = (file: NetworkFile) => {
    const params = new URLSearchParams(search);
    params.set("bestand", file);
    return `/netwerk/download?${params}`;
  };
  return (
    <section aria-labelledby="network-downloads" className="no-print space-y-2">
      <h2 id="network-downloads" className="text-lg font-semibold">
        {t("network.downloads.heading")}
      </h2>
      <ul className="flex flex-wrap gap-3">
        {NETWORK_FILES.map((file) => (
          <li key={file}>
            <a href={href(file)} className="btn-secondary" download>
              {t(LABELS[file])}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
