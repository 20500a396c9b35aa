import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "../auth/guard.server";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { translator } from "../i18n/index";
import { requestLanguage } from "../i18n/request.server";
import { compactNetworkOf } from "../models/network.server";
import { listScope } from "../auth/region.server";
import { downloadTable } from "../services/download.server";
import { isNetworkFile } from "../services/network/file-kinds";
import { edgeListTable, measuresTable, networkGraphml, nodeListTable } from "../services/network/files";
import { measureCompactNetwork } from "../services/network/compact-measures";
import { networkQueryFrom } from "../services/network/query";
import { asciiFileName } from "../services/table-export.server";

/** The network of the page's parameters as a file for analysis tools (`bestand`). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.export", { region: "current" });
  const search = new URL(request.url).searchParams;
  const file = search.get("bestand");
  if (!isNetworkFile(file)) throw new Response(null, { status: 404, statusText: "Not Found" });
  const query = networkQueryFrom(search, todayInAmsterdam());
  const network = await compactNetworkOf(context.db, query, await listScope(request, context));
  measureCompactNetwork(network);
  const language = requestLanguage(request, user);
  const t = translator(language);
  const date = formatDay(query.on, language);
  switch (file) {
    case "graphml": {
      const name = asciiFileName(`kring-netwerk-${query.kind}-${query.on}`, "csv").replace(/\.csv$/, ".graphml");
      return new Response(networkGraphml(network), {
        headers: {
          "Content-Type": "application/graphml+xml; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name}"`,
          "Cache-Control": "no-store",
        },
      });
    }
    case "knopen":
      return downloadTable(nodeListTable(network, t("network.files.nodes", { date })), "csv");
    case "banden":
      return downloadTable(edgeListTable(network, t("network.files.edges", { date })), "csv");
    case "maten-csv":
    case "maten-xlsx":
      return downloadTable(
        measuresTable(network, t("network.files.measures", { date }), t),
        file === "maten-csv" ? "csv" : "xlsx",
      );
  }
}
