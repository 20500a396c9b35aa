import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "../auth/guard.server";
import { listScope, regionFieldOf, requirePermissionInChosenRegion } from "../auth/region.server";
import { can } from "../auth/permissions";
import { HiddenField, SubmitButton, TextField, ValidatedForm } from "../components/form";
import { Pagination } from "../components/lists";
import { NamedFilterField } from "../components/named-filter";
import { todayInAmsterdam } from "../i18n/format";
import { RegionField, regionStart } from "../components/regions/region-field";
import { pageTitle } from "../i18n/meta";
import { countAddressesToCorrect } from "../models/bounces.server";
import { organisationChoice } from "../models/named-choices.server";
import { listPeople } from "../models/people.server";
import { saveSearch } from "../models/saved-searches.server";
import { checkbox, optionalId, optionalText, parseForm, requiredText } from "../services/form-data";
import { pageFrom, paging, SORT_PARAM, sortFrom } from "../services/list-params";
import { chosenId, namedChoiceFrom } from "../services/named-choice";
import { listName } from "../services/names";
import { withNotice } from "../services/notices";
import { PEOPLE_SORTS } from "../services/people-list";
import { refusalResponse } from "../services/refusal.server";
import { isFilterActive, savedSearchFilter } from "../services/saved-search-filter";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("register.people.title"));

/** "Zoekopdracht bewaren": a name, and the list's current filter carried along in hidden fields. */
const saveSearchSchema = z.object({
  name: requiredText(120),
  q: optionalText(200),
  organisationId: optionalId(),
  researchConsent: checkbox(),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = await requirePermission(request, context, "register.read");
  const params = new URL(request.url).searchParams;
  const organisation = await organisationChoice(context.db, namedChoiceFrom(params, "organisatie"));
  const filter = {
    q: params.get("q")?.trim() || undefined,
    organisationId: chosenId(organisation),
    researchConsent: params.get("onderzoek") === "1",
    includeArchived: params.get("archief") === "1",
    scope: await listScope(request, context),
    sort: sortFrom(params, PEOPLE_SORTS) ?? "naam",
    page: pageFrom(params),
  };
  // a name that is not (yet) one organisation filters on nothing: the field says what to do instead
  const unresolved = organisation.state === "unknown" || organisation.state === "ambiguous";
  const result = unresolved
    ? { rows: [], page: paging(0, 1) }
    : await listPeople(context.db, filter, todayInAmsterdam());
  return json({
    ...result,
    organisation,
    filter,
    canEdit: can(me, "register.edit"),
    canExport: can(me, "register.export"),
    toCorrect: await countAddressesToCorrect(context.db, filter.scope, todayInAmsterdam()),
    ...(await regionFieldOf(request, context, me, "register.edit")),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const { user, regionId } = await requirePermissionInChosenRegion(request, context, "register.edit", formData);
  const parsed = parseForm(saveSearchSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    const saved = await saveSearch(context.db, user, parsed.data.name, savedSearchFilter(parsed.data), regionId);
    return redirect(withNotice("/personen/zoekopdrachten", "bewaard", { id: saved.id }));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function People() {
  const { rows, page, organisation, filter, canEdit, canExport, toCorrect, regions, chosen } =
    useLoaderData<typeof loader>();
  const location = useLocation();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("register.people.title")}</h1>
        <div className="no-print flex flex-wrap gap-2">
          <Link to="/personen/te-corrigeren" className="btn-secondary">
            {t("people.toCorrect.link", { count: toCorrect })}
          </Link>
          <Link to="/personen/dubbelen" className="btn-secondary">
            {t("duplicates.people.link")}
          </Link>
          {canExport ? (
            <a href={`/personen/vcard${location.search}`} className="btn-secondary" download>
              {t("vcard.list")}
            </a>
          ) : null}
          {canEdit ? (
            <Link to="/importeren" className="btn-secondary">
              {t("import.openImport")}
            </Link>
          ) : null}
          {canEdit ? (
            <Link to="/personen/nieuw" className="btn-primary">
              {t("people.list.newPerson")}
            </Link>
          ) : null}
        </div>
      </div>
      <Form
        method="get"
        className="card no-print flex flex-wrap items-end gap-4"
        aria-label={t("register.filters.heading")}
      >
        <div className="min-w-48 flex-1">
          <label htmlFor="q" className="field-label">
            {t("register.filters.searchPeople")}
          </label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} className="field-input" />
        </div>
        <NamedFilterField
          name="organisatie"
          label={t("people.list.organisation")}
          kind="organisation"
          result={organisation}
        />
        <div>
          <label htmlFor={SORT_PARAM} className="field-label">
            {t("people.list.sort")}
          </label>
          <select id={SORT_PARAM} name={SORT_PARAM} defaultValue={filter.sort} className="field-input">
            {PEOPLE_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`people.list.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1 pb-1">
          <div className="flex items-center gap-2">
            <input
              id="onderzoek"
              name="onderzoek"
              type="checkbox"
              value="1"
              defaultChecked={filter.researchConsent}
              className="h-4 w-4"
            />
            <label htmlFor="onderzoek" className="text-sm">
              {t("people.list.researchConsent")}
            </label>
          </div>
          <div className="flex items-center gap-2">
            <input
              id="archief"
              name="archief"
              type="checkbox"
              value="1"
              defaultChecked={filter.includeArchived}
              className="h-4 w-4"
            />
            <label htmlFor="archief" className="text-sm">
              {t("register.filters.includeArchived")}
            </label>
          </div>
        </div>
        <button type="submit" className="btn-primary">
          {t("register.filters.apply")}
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
                    {person.archived_at ? (
                      <span className="ml-2 text-xs uppercase text-slate-600">{t("register.archived")}</span>
                    ) : null}
                  </td>
                  <td>{person.organisations}</td>
                  <td className="break-all">{person.email}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination {...page} />
      </div>
      {canEdit && isFilterActive(filter) ? (
        <section aria-labelledby="save-search-heading" className="card no-print space-y-3">
          <h2 id="save-search-heading" className="text-lg font-semibold">
            {t("savedSearches.saveForm.heading")}
          </h2>
          <ValidatedForm
            id="save-search"
            // a new filter is a new form: no name or message from the previous one
            key={`${filter.q ?? ""}|${filter.organisationId ?? ""}|${filter.researchConsent}`}
            schema={saveSearchSchema}
            actionData={actionData}
            defaultValues={{
              q: filter.q ?? "",
              organisationId: filter.organisationId ?? "",
              researchConsent: filter.researchConsent ? "true" : "",
              ...regionStart(chosen),
            }}
            className="flex flex-wrap items-end gap-3"
          >
            <HiddenField name="q" />
            <HiddenField name="organisationId" />
            <HiddenField name="researchConsent" />
            <RegionField regions={regions} />
            <TextField
              name="name"
              label={t("savedSearches.saveForm.name")}
              hint={t("savedSearches.saveForm.hint")}
              autoComplete="off"
              className="min-w-48 flex-1"
              required
            />
            <SubmitButton>{t("savedSearches.saveForm.submit")}</SubmitButton>
          </ValidatedForm>
        </section>
      ) : null}
      <p className="no-print text-sm">
        <Link to="/personen/zoekopdrachten">{t("savedSearches.saveForm.list")}</Link>
      </p>
    </div>
  );
}
