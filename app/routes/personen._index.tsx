import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { Pagination } from "../components/lists";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { listPeople } from "../models/people.server";
import { pageFrom } from "../services/list-params";
import { listName } from "../services/names";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("register.people.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.read");
  const params = new URL(request.url).searchParams;
  const filter = { q: params.get("q")?.trim() || undefined, page: pageFrom(params) };
  return json({ ...(await listPeople(context.db, filter, todayInAmsterdam())), filter });
}

export default function People() {
  const { rows, page, filter } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("register.people.title")}</h1>
      <Form method="get" className="card no-print flex flex-wrap items-end gap-4">
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="field-label">
            {t("register.filters.searchPeople")}
          </label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} className="field-input" />
        </div>
        <button type="submit" className="btn-primary">
          {t("common.actions.search")}
        </button>
        <Link to="/personen" className="btn-secondary">
          {t("register.filters.reset")}
        </Link>
      </Form>
      <div className="card overflow-x-auto">
        {rows.length === 0 ? (
          <p>{t("common.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("register.people.name")}</th>
                <th scope="col">{t("register.people.organisations")}</th>
                <th scope="col">{t("register.people.email")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((person) => (
                <tr key={person.id}>
                  <td>
                    <Link to={`/personen/${person.id}`}>{listName(person)}</Link>
                  </td>
                  <td>{person.organisations}</td>
                  <td>{person.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination {...page} />
      </div>
    </div>
  );
}
