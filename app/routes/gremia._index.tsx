import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BODY_LEVELS } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { listBodies } from "../models/bodies.server";
import { organisationFilterOptions } from "../models/organisations.server";
import { oneOf, positiveIntFrom } from "../services/list-params";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("register.bodies.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.read");
  const params = new URL(request.url).searchParams;
  const filter = { level: oneOf(params, "niveau", BODY_LEVELS), subregionId: positiveIntFrom(params, "subregio") };
  const [bodies, { subregions }] = await Promise.all([
    listBodies(context.db, todayInAmsterdam(), filter),
    organisationFilterOptions(context.db),
  ]);
  return json({ bodies, subregions, filter });
}

export default function Bodies() {
  const { bodies, subregions, filter } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("register.bodies.title")}</h1>
      <Form method="get" className="card no-print flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="niveau" className="field-label">
            {t("register.filters.level")}
          </label>
          <select id="niveau" name="niveau" defaultValue={filter.level ?? ""} className="field-input">
            <option value="">{t("register.filters.all")}</option>
            {BODY_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`register.levels.${level}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="subregio" className="field-label">
            {t("register.filters.subregion")}
          </label>
          <select id="subregio" name="subregio" defaultValue={filter.subregionId ?? ""} className="field-input">
            <option value="">{t("register.filters.all")}</option>
            {subregions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          {t("register.filters.apply")}
        </button>
        <Link to="/gremia" className="btn-secondary">
          {t("register.filters.reset")}
        </Link>
      </Form>
      <div className="card overflow-x-auto">
        {bodies.length === 0 ? (
          <p>{t("common.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("register.bodies.name")}</th>
                <th scope="col">{t("register.bodies.level")}</th>
                <th scope="col">{t("register.bodies.kind")}</th>
                <th scope="col">{t("register.bodies.subregion")}</th>
                <th scope="col" className="text-right">{t("register.bodies.members")}</th>
                <th scope="col" className="text-right">{t("register.bodies.vacancies")}</th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((body) => (
                <tr key={body.id}>
                  <td>
                    <Link to={`/gremia/${body.id}`}>{body.name}</Link>
                    {body.abbreviation ? <span className="text-slate-600"> ({body.abbreviation})</span> : null}
                  </td>
                  <td>{t(`register.levels.${body.level}`)}</td>
                  <td>{t(`register.bodyKinds.${body.kind}`)}</td>
                  <td>{body.subregion_name ?? t("register.filters.wholeRegion")}</td>
                  <td className="text-right">{body.members}</td>
                  <td className="text-right">{body.vacancies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
