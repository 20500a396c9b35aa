import { Link, useNavigate } from "@remix-run/react";
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type Sigma from "sigma";
import type { LegendEntry, MapData, MapNode } from "../../services/network/map-data";
import { foldForComparison } from "../../services/names";

/**
 * The network map (decision 036): sigma draws the positions the server computed, in the browser
 * only — loaded when the page is there, so the server render and a browser without WebGL 2 show
 * words and the link to the table instead of an empty canvas. Everything the canvas offers a mouse
 * (finding a node, opening it, zooming) the controls around it offer the keyboard.
 */

type MapState = "loading" | "ready" | "unavailable";

/** Sigma 4 draws with WebGL 2 only. */
function webGl2Available(): boolean {
  try {
    return document.createElement("canvas").getContext("webgl2") !== null;
  } catch {
    return false;
  }
}

const MAX_RESULTS = 8;

/**
 * The canvas with its side column: the page's `controls` (its filters) first, then zoom, search and
 * legend. The canvas's height follows the viewport so that, under the header, it is whole on a laptop.
 */
export function NetworkMap({ data, tableHref, controls }: { data: MapData; tableHref: string; controls: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const renderer = useRef<Sigma | null>(null);
  const [state, setState] = useState<MapState>("loading");
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<MapNode | null>(null);
  const ids = useId();
  const descriptionId = `${ids}-description`;
  const resultsId = `${ids}-results`;

  useEffect(() => {
    if (!container.current) return;
    let cancelled = false;
    void (
      webGl2Available()
        ? Promise.all([import("sigma"), import("graphology")])
        : Promise.reject(new Error("WebGL 2 is not available"))
    )
      .then(([{ default: Sigma }, { default: Graph }]) => {
        if (cancelled || !container.current) return;
        const graph = new Graph({ type: "undirected" });
        for (const node of data.nodes)
          graph.addNode(node.key, { x: node.x, y: node.y, size: node.size, color: node.color, label: node.label });
        for (const edge of data.edges) graph.mergeEdge(edge.source, edge.target, { size: edge.size, color: "#94a3b8" });
        const sigma = new Sigma(graph, container.current, {
          // while the reader pans or zooms, ties and labels wait: the frames stay short on a slow GPU
          settings: { labelRenderedSizeThreshold: 8, zoomDuration: 200, hideEdgesOnMove: true, hideLabelsOnMove: true },
          styles: {
            nodes: {
              x: { attribute: "x" },
              y: { attribute: "y" },
              color: { attribute: "color" },
              label: { attribute: "label" },
              size: (attributes: { size?: number }, nodeState: { isHovered: boolean; isHighlighted: boolean }) =>
                (attributes.size ?? 4) * (nodeState.isHighlighted ? 1.6 : nodeState.isHovered ? 1.2 : 1),
              labelVisibility: { whenState: "isHighlighted", then: "visible", else: "auto" },
              backdropVisibility: { whenState: "isHighlighted", then: "visible", else: "hidden" },
              cursor: "pointer",
            },
          },
        } as never);
        const hrefs = new Map(data.nodes.map((node) => [node.key, node.href]));
        sigma.on("clickNode", ({ node }: { node: string }) => {
          const href = hrefs.get(node);
          if (href) navigate(href);
        });
        renderer.current = sigma;
        // the constructor has drawn the first frame; the next animation frame shows it
        requestAnimationFrame(() => {
          if (!cancelled) setState("ready");
        });
      })
      .catch((error: unknown) => {
        console.error(error);
        if (!cancelled) setState("unavailable");
      });
    return () => {
      cancelled = true;
      renderer.current?.kill();
      renderer.current = null;
    };
  }, [data, navigate]);

  const results = useMemo(() => {
    const wanted = foldForComparison(search.trim());
    if (!wanted) return [];
    return data.nodes.filter((node) => foldForComparison(node.label).includes(wanted)).slice(0, MAX_RESULTS);
  }, [data.nodes, search]);

  function show(node: MapNode) {
    const sigma = renderer.current;
    if (selected && sigma) sigma.setNodeState(selected.key, { isHighlighted: false });
    setSelected(node);
    if (!sigma) return;
    sigma.setNodeState(node.key, { isHighlighted: true });
    const position = sigma.getNodeDisplayData(node.key);
    if (position) void sigma.getCamera().animate({ x: position.x, y: position.y, ratio: 0.35 }, { duration: 400 });
  }

  const zoom = (how: "in" | "out" | "reset") => {
    const camera = renderer.current?.getCamera();
    if (!camera) return;
    void (how === "in" ? camera.zoomIn() : how === "out" ? camera.zoomOut() : camera.reset());
  };

  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-[1fr_18rem]" data-map-state={state}>
      <div className="space-y-2">
        <div
          ref={container}
          role="img"
          aria-label={t("networkMap.canvasLabel", { nodes: data.nodes.length, edges: data.edges.length })}
          aria-describedby={descriptionId}
          className="relative h-[calc(100vh-17rem)] max-h-[48rem] min-h-[22rem] w-full rounded-md border border-slate-300 bg-white"
          data-testid="network-canvas"
        >
          {state === "loading" ? <p className="p-4 text-sm text-slate-600">{t("networkMap.loading")}</p> : null}
        </div>
        {state === "unavailable" ? (
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("networkMap.unavailable")} <Link to={tableHref}>{t("networkMap.toTable")}</Link>
          </p>
        ) : null}
        <p id={descriptionId} className="text-sm text-slate-600">
          {t("networkMap.description")} <Link to={tableHref}>{t("networkMap.toTable")}</Link>
        </p>
      </div>

      <div className="space-y-4">
        {controls}
        <div role="group" aria-label={t("networkMap.zoom.label")} className="flex flex-wrap gap-2">
          <button type="button" className="btn-secondary" onClick={() => zoom("in")} disabled={state !== "ready"}>
            {t("networkMap.zoom.in")}
          </button>
          <button type="button" className="btn-secondary" onClick={() => zoom("out")} disabled={state !== "ready"}>
            {t("networkMap.zoom.out")}
          </button>
          <button type="button" className="btn-secondary" onClick={() => zoom("reset")} disabled={state !== "ready"}>
            {t("networkMap.zoom.reset")}
          </button>
        </div>

        <div role="search" className="space-y-2">
          <label htmlFor={`${ids}-search`} className="field-label">
            {t("networkMap.search.label")}
          </label>
          <input
            id={`${ids}-search`}
            type="search"
            className="field-input"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            aria-controls={resultsId}
            autoComplete="off"
          />
          <p className="text-sm text-slate-600" aria-live="polite">
            {search.trim() ? t("networkMap.search.found", { count: results.length }) : t("networkMap.search.hint")}
          </p>
          <ul id={resultsId} className="space-y-1">
            {results.map((node) => (
              <li key={node.key}>
                <button
                  type="button"
                  className="text-left underline"
                  aria-pressed={selected?.key === node.key}
                  onClick={() => show(node)}
                >
                  {node.label}
                </button>
              </li>
            ))}
          </ul>
        </div>

        {selected ? (
          <p role="status" className="rounded-md border border-slate-300 p-3 text-sm">
            {t("networkMap.selected", { name: selected.label, degree: selected.degree })}{" "}
            {selected.href ? <Link to={selected.href}>{t("networkMap.open", { name: selected.label })}</Link> : null}
          </p>
        ) : null}

        <MapLegend legend={data.legend} />
      </div>
    </div>
  );
}

function MapLegend({ legend }: { legend: readonly LegendEntry[] }) {
  const { t } = useTranslation();
  const name = (entry: LegendEntry) =>
    entry.sectorName ??
    (entry.key === "body"
      ? t("networkMap.legend.body")
      : entry.key === "person"
        ? t("networkMap.legend.person")
        : t("networkMap.legend.none"));
  return (
    <section aria-labelledby="map-legend-heading" className="space-y-2">
      <h2 id="map-legend-heading" className="text-base font-semibold">
        {t("networkMap.legend.heading")}
      </h2>
      <ul className="space-y-1 text-sm" data-testid="map-legend">
        {legend.map((entry) => (
          <li key={entry.key} className="flex items-center gap-2">
            {/* an SVG fill, not a style attribute: the content security policy allows no inline styles */}
            <svg aria-hidden="true" width="12" height="12" className="shrink-0">
              <circle cx="6" cy="6" r="6" fill={entry.color} />
            </svg>
            <span>{t("networkMap.legend.entry", { name: name(entry), count: entry.count })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
