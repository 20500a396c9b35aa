import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { searchRegister } from "../models/search.server";
import { requirePermission } from "../auth/guard.server";
import { listScope } from "../auth/region.server";
import { pageTitle } from "../i18n/meta";
import { MAX_SEARCH_LENGTH, resultPath, SEARCH_KINDS } from "../services/search-query";

/** More than this and the page asks for a more specific search instead of paging. */
export const RESULTS_LIMIT = 50;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data?.query ? t("lookup.resultsFor", { query: data.query }) : t("lookup.title")));

/** The results page (`/zoeken?q=…`) and, through a fetcher, the as-you-type box in the header. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", { region: "current" });
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, MAX_SEARCH_LENGTH);
  const found = query
    ? await searchRegister(context.db, query, {
        limit: RESULTS_LIMIT + 1,
        language: user.language,
        scope: await listScope(request, context),
      })
    : [];
  return json({ query, results: found.slice(0, RESULTS_LIMIT), more: found.length > RESULTS_LIMIT });
}

export default function Search() {
  const { query, results, more } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const groups = SEARCH_KINDS.map((kind) => ({ kind, items: results.filter((r) => r.kind === kind) })).filter(
    (group) => group.items.length > 0,
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{query ? t("lookup.resultsFor", { query }) : t("lookup.title")}</h1>
      <Form
        method="get"
        action="/zoeken"
        role="search"
        aria-label={t("lookup.title")}
        className="card no-print space-y-2"
      >
        <div className="flex flex-wrap items-end gap-4">
          <div className="min-w-48 flex-1">
            <label htmlFor="zoekterm" className="field-label">
              {t("lookup.fieldLabel")}
            </label>
            <input
              id="zoekterm"
              name="q"
              type="search"
              defaultValue={query}
              key={query}
              maxLength={MAX_SEARCH_LENGTH}
              aria-describedby="zoekterm-uitleg"
              className="field-input"
            />
          </div>
          <button type="submit" className="btn-primary">
            {t("lookup.submit")}
          </button>
        </div>
        <p id="zoekterm-uitleg" className="text-sm text-slate-600">
          {t("lookup.intro")}
        </p>
      </Form>
      {query ? (
        <p role="status" className="font-medium">
          {results.length === 0
            ? t("lookup.nothingFound", { query })
            : more
              ? t("lookup.more", { count: RESULTS_LIMIT })
              : t("lookup.count", { count: results.length })}
        </p>
      ) : null}
      {groups.map(({ kind, items }) => (
        <section key={kind} aria-labelledby={`resultaten-${kind}`} className="card">
          <h2 id={`resultaten-${kind}`} className="text-lg font-semibold">
            {t(`lookup.groups.${kind}`)} <span className="font-normal text-slate-600">({items.length})</span>
          </h2>
          <ul className="mt-3 divide-y divide-slate-200">
            {items.map((result) => (
              <li key={result.id} className="py-2">
                <Link to={resultPath(result)} className="font-medium">
                  {result.title}
                </Link>
                {result.archived ? (
                  <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-800">
                    {t("lookup.archived")}
                  </span>
                ) : null}
                {result.subtitle ? <p className="text-sm text-slate-600">{result.subtitle}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
