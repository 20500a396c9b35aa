import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { Pagination } from "../components/lists";
import { formatDay, formatMoment } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { AUDIT_PAGE_SIZE, auditedEntities, listAuditEntries } from "../models/audit.server";
import { listUserNames } from "../models/users.server";
import { auditDiff, displayValue } from "../services/audit-diff";
import { pageFrom, paging, positiveIntFrom } from "../services/list-params";
import { isIsoDay } from "../services/periods";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("admin.audit.title"));

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A short free-text URL parameter, or undefined. */
function textFrom(params: URLSearchParams, name: string, maxLength = 100): string | undefined {
  const value = params.get(name)?.trim();
  return value && value.length <= maxLength ? value : undefined;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "audit.read");
  const url = new URL(request.url);
  const params = url.searchParams;
  const filter = {
    entity: textFrom(params, "soort"),
    entityId: textFrom(params, "record"),
    userId: positiveIntFrom(params, "gebruiker"),
    page: pageFrom(params),
  };
  const [result, entities, users] = await Promise.all([
    listAuditEntries(context.db, filter),
    auditedEntities(context.db),
    listUserNames(context.db),
  ]);
  const page = paging(result.total, result.page, AUDIT_PAGE_SIZE);
  if (page.page < filter.page) {
    // past the last page (say, after narrowing the filter): show the last one
    params.set("pagina", String(page.page));
    throw redirect(`${url.pathname}?${params}`);
  }
  const entries = result.entries.map(({ before, after, ...entry }) => ({
    ...entry,
    changes: auditDiff(before, after),
  }));
  return json({
    entries,
    page,
    filter,
    entities,
    users,
  });
}

export default function AuditLog() {
  const { entries, page, filter, entities, users } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const translated = (key: string, fallback: string) =>
    i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : fallback;
  const entityLabel = (entity: string) => translated(`admin.audit.entities.${entity}`, entity);
  const show = (value: unknown) => {
    if (typeof value === "string" && ISO_MOMENT.test(value)) return formatMoment(value, language);
    if (isIsoDay(value)) return formatDay(value, language);
    return displayValue(value) ?? t("admin.audit.empty");
  };
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("admin.audit.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("admin.audit.intro")}</p>
      </div>

      <Form method="get" className="card no-print flex flex-wrap items-end gap-4" aria-label={t("admin.audit.filters")}>
        <div>
          <label htmlFor="soort" className="field-label">
            {t("admin.audit.entity")}
          </label>
          <select id="soort" name="soort" defaultValue={filter.entity ?? ""} className="field-input">
            <option value="">{t("admin.audit.all")}</option>
            {entities.map((entity) => (
              <option key={entity} value={entity}>
                {entityLabel(entity)}
              </option>
            ))}
          </select>
        </div>
        <div className="w-40">
          <label htmlFor="record" className="field-label">
            {t("admin.audit.recordId")}
          </label>
          <input
            id="record"
            name="record"
            inputMode="numeric"
            defaultValue={filter.entityId ?? ""}
            className="field-input"
          />
        </div>
        <div>
          <label htmlFor="gebruiker" className="field-label">
            {t("admin.audit.user")}
          </label>
          <select id="gebruiker" name="gebruiker" defaultValue={filter.userId ?? ""} className="field-input">
            <option value="">{t("admin.audit.all")}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          {t("admin.audit.apply")}
        </button>
        <Link to="/beheer/logboek" className="btn-secondary">
          {t("admin.audit.reset")}
        </Link>
      </Form>

      <div className="card overflow-x-auto">
        {entries.length === 0 ? (
          <p>{t("common.empty")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("admin.audit.when")}</th>
                <th scope="col">{t("admin.audit.who")}</th>
                <th scope="col">{t("admin.audit.action")}</th>
                <th scope="col">{t("admin.audit.record")}</th>
                <th scope="col">{t("admin.audit.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const record = t("admin.audit.recordLabel", { entity: entityLabel(entry.entity), id: entry.entity_id });
                return (
                  <tr key={entry.id}>
                    <td className="whitespace-nowrap">
                      <time dateTime={entry.at}>{formatMoment(entry.at, language)}</time>
                    </td>
                    <td>
                      {entry.user_id === null
                        ? t("admin.audit.system")
                        : (entry.user_name ?? t("admin.audit.unknownUser", { id: entry.user_id }))}
                    </td>
                    <td>
                      {translated(`admin.audit.actions.${entry.action}`, entry.action)}
                      {entry.summary ? (
                        <span className="block text-xs text-slate-600">
                          {translated(`admin.audit.summaries.${entry.summary}`, entry.summary)}
                        </span>
                      ) : null}
                    </td>
                    <td className="whitespace-nowrap">
                      <Link
                        to={`?soort=${encodeURIComponent(entry.entity)}&record=${encodeURIComponent(entry.entity_id)}`}
                        aria-label={t("admin.audit.recordHistory", { record })}
                      >
                        {record}
                      </Link>
                    </td>
                    <td>
                      {entry.changes.length === 0 ? (
                        <span className="text-slate-600">{t("admin.audit.noChanges")}</span>
                      ) : (
                        <ul className="space-y-1">
                          {entry.changes.map((change) => (
                            <li key={change.field} className="break-words">
                              <span className="font-semibold">
                                {translated(`admin.audit.fields.${change.field}`, change.field)}
                              </span>
                              :{" "}
                              {entry.action === "create" ? null : (
                                <>
                                  <del className="text-red-800">{show(change.before)}</del> →{" "}
                                </>
                              )}
                              <ins className="text-green-800 no-underline">{show(change.after)}</ins>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <Pagination {...page} />
      </div>
    </div>
  );
}
