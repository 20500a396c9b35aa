import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { can } from "../auth/permissions";
import { SuccessNotice, UndoNotice } from "../components/form";
import { PeriodText, PersonLink } from "../components/lists";
import { organisationFieldLabels, readableOrganisationValue } from "../components/organisation-form";
import { RecentAttendance } from "../components/recent-attendance";
import { formatMoment, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { attendanceLastYear, recentAttendance } from "../models/meeting-reports.server";
import { getOrganisation, organisationHistory, restoreOrganisation } from "../models/organisations.server";
import { isActiveOn } from "../services/periods";
import { refusalResponse } from "../services/refusal.server";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.organisation.name ?? t("register.organisations.title"));

/** The message after a change, from the redirect that followed it. */
function noticeFrom(params: URLSearchParams) {
  if (params.get("opgeslagen") === "nieuw") return "created" as const;
  if (params.get("opgeslagen") === "1") return "saved" as const;
  if (params.get("gearchiveerd") === "1") return "archived" as const;
  if (params.get("hersteld") === "1") return "restored" as const;
  return null;
}

/** Rows of the recent-attendance table: one per person per meeting, so a few meetings' worth. */
const RECENT_ATTENDANCE = 10;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read");
  const id = recordIdParam(params.organisationId);
  const found = await getOrganisation(context.db, id);
  if (!found) throw new Response(null, { status: 404, statusText: "Not Found" });
  const today = todayInAmsterdam();
  const [history, recent, lastYear] = await Promise.all([
    organisationHistory(context.db, id),
    recentAttendance(context.db, { organisationId: id }, RECENT_ATTENDANCE),
    attendanceLastYear(context.db, { organisationId: id }, today),
  ]);
  return json({
    ...found,
    currentPeople: found.affiliations.filter((a) => isActiveOn(a, today)),
    pastPeople: found.affiliations.filter((a) => !isActiveOn(a, today)),
    currentSeats: found.seats.filter((s) => isActiveOn(s, today)),
    pastSeats: found.seats.filter((s) => !isActiveOn(s, today)),
    history,
    recent,
    lastYear,
    canEdit: can(user.role, "register.edit"),
    notice: noticeFrom(new URL(request.url).searchParams),
  });
}

/** The undo offered right after archiving: takes the organisation out of the archive again. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  const id = recordIdParam(params.organisationId);
  const formData = await request.formData();
  if (formData.get("intent") !== "undo") throw new Response(null, { status: 400, statusText: "Bad Request" });
  try {
    await restoreOrganisation(context.db, user, id, null);
  } catch (error) {
    return refusalResponse(error, formData);
  }
  return redirect(`/organisaties/${id}?hersteld=1`);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function AffiliationList({ items }: { items: Data["currentPeople"] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="text-sm">{t("register.organisations.none")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {items.map((a) => (
        <li key={a.id}>
          <PersonLink {...a} id={a.person_id} />
          {a.function_title ? <span>, {a.function_title}</span> : null}{" "}
          <span className="text-slate-600">
            (<PeriodText start={a.start_date} end={a.end_date} />)
          </span>
        </li>
      ))}
    </ul>
  );
}

function SeatTable({ items }: { items: Data["currentSeats"] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="text-sm">{t("register.organisations.none")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("register.bodies.name")}</th>
            <th scope="col">{t("register.bodies.role")}</th>
            <th scope="col">{t("register.bodies.person")}</th>
            <th scope="col">{t("register.bodies.active")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/gremia/${s.body_id}`}>{s.body_name}</Link>
              </td>
              <td>{t(`register.roles.${s.role}`)}</td>
              <td>
                {s.person_id && s.last_name ? (
                  <PersonLink {...s} id={s.person_id} last_name={s.last_name} />
                ) : (
                  <span className="font-semibold text-amber-800">{t("register.vacant")}</span>
                )}
              </td>
              <td>
                <PeriodText start={s.start_date} end={s.end_date} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function History({ history }: { history: Data["history"] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const labels = organisationFieldLabels(t);
  const show = (field: string, value: unknown) =>
    readableOrganisationValue(field, value, history.names, t, language) ?? t("organisations.history.emptyValue");
  if (history.entries.length === 0) return <p className="text-sm">{t("organisations.history.empty")}</p>;
  return (
    <>
      <ol className="space-y-3 text-sm">
        {history.entries.map((entry) => (
          <li key={entry.id} className="border-l-2 border-slate-300 pl-3">
            <p>
              <span className="font-semibold">{t(`organisations.history.actions.${entry.action}`)}</span>
              {" — "}
              <time dateTime={entry.at}>{formatMoment(entry.at, language)}</time>
              {", "}
              {entry.byUserId === null
                ? t("organisations.history.system")
                : (entry.by ?? t("organisations.history.unknownUser", { id: entry.byUserId }))}
            </p>
            {entry.changes.length === 0 ? (
              <p className="text-slate-600">{t("organisations.history.noChanges")}</p>
            ) : (
              <ul className="list-disc pl-5">
                {entry.changes.map((change) => (
                  <li key={change.field}>
                    {t("organisations.history.change", {
                      field: labels[change.field] ?? change.field,
                      before: show(change.field, change.before),
                      after: show(change.field, change.after),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {history.total > history.shown ? (
        <p className="text-sm text-slate-600">
          {t("organisations.history.shown", { shown: history.shown, total: history.total })}
        </p>
      ) : null}
    </>
  );
}

function Notice({ notice, archived }: { notice: Data["notice"]; archived: boolean }) {
  const { t } = useTranslation();
  if (notice === "archived" && archived) return <UndoNotice fields={{}}>{t("organisations.page.archived")}</UndoNotice>;
  if (notice === "created") return <SuccessNotice>{t("organisations.page.created")}</SuccessNotice>;
  if (notice === "saved") return <SuccessNotice>{t("organisations.page.saved")}</SuccessNotice>;
  if (notice === "restored") return <SuccessNotice>{t("organisations.page.restored")}</SuccessNotice>;
  return null;
}

export default function Organisation() {
  const {
    organisation,
    subregions,
    children,
    currentPeople,
    pastPeople,
    currentSeats,
    pastSeats,
    recent,
    lastYear,
    history,
    canEdit,
    notice,
  } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/organisaties">{t("register.organisations.title")}</Link>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-bold">
            {organisation.name}
            {organisation.short_name ? (
              <span className="font-normal text-slate-600"> ({organisation.short_name})</span>
            ) : null}
            {organisation.archived_at ? (
              <span className="ml-2 text-sm uppercase text-slate-600">{t("register.archived")}</span>
            ) : null}
          </h1>
          <div className="no-print flex flex-wrap gap-2">
            <Link to={`/overzichten/organisaties/${organisation.id}`} className="btn-secondary">
              {t("organisations.page.overviewLink")}
            </Link>
            {canEdit ? (
              <Link to={`/organisaties/${organisation.id}/bewerken`} className="btn-primary">
                {t("organisations.page.edit")}
              </Link>
            ) : null}
          </div>
        </div>
        {canEdit ? (
          <div className="mt-3">
            <Notice notice={notice} archived={organisation.archived_at !== null} />
          </div>
        ) : null}
        {organisation.archived_at ? (
          <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("organisations.page.archivedBanner", { date: formatMoment(organisation.archived_at, language) })}
          </p>
        ) : null}
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold">{t("register.organisations.sector")}</dt>
            <dd>{i18n.language === "en" ? organisation.sector_en : organisation.sector_nl}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("register.organisations.subregions")}</dt>
            <dd>
              {subregions.length ? subregions.map((s) => s.name).join(", ") : t("register.organisations.regionWide")}
            </dd>
          </div>
          <div>
            <dt className="font-semibold">{t("register.organisations.izaSignatory")}</dt>
            <dd>{organisation.iza_signatory ? t("common.yes") : t("common.no")}</dd>
          </div>
          {organisation.parent_name ? (
            <div>
              <dt className="font-semibold">{t("register.organisations.parent")}</dt>
              <dd>
                <Link to={`/organisaties/${organisation.parent_id}`}>{organisation.parent_name}</Link>
                {organisation.parent_archived_at ? (
                  <span className="text-slate-600"> ({t("register.archived")})</span>
                ) : null}
              </dd>
            </div>
          ) : null}
          {children.length ? (
            <div>
              <dt className="font-semibold">{t("register.organisations.children")}</dt>
              <dd>
                {children.map((c, i) => (
                  <span key={c.id}>
                    {i ? ", " : null}
                    <Link to={`/organisaties/${c.id}`}>{c.name}</Link>
                  </span>
                ))}
              </dd>
            </div>
          ) : null}
          {organisation.website ? (
            <div>
              <dt className="font-semibold">{t("register.organisations.website")}</dt>
              <dd>
                <a href={organisation.website} rel="noreferrer">
                  {organisation.website.replace(/^https?:\/\//, "")}
                </a>
              </dd>
            </div>
          ) : null}
          {organisation.email ? (
            <div>
              <dt className="font-semibold">{t("register.organisations.email")}</dt>
              <dd>
                <a href={`mailto:${organisation.email}`}>{organisation.email}</a>
              </dd>
            </div>
          ) : null}
          {organisation.phone ? (
            <div>
              <dt className="font-semibold">{t("register.organisations.phone")}</dt>
              <dd>{organisation.phone}</dd>
            </div>
          ) : null}
          {organisation.address ? (
            <div>
              <dt className="font-semibold">{t("register.organisations.address")}</dt>
              <dd className="whitespace-pre-line">{organisation.address}</dd>
            </div>
          ) : null}
        </dl>
        {organisation.notes ? (
          <p className="mt-3 max-w-3xl whitespace-pre-line text-sm text-slate-700">{organisation.notes}</p>
        ) : null}
      </div>
      <section aria-labelledby="seats-heading" className="card space-y-3">
        <h2 id="seats-heading" className="text-lg font-semibold">
          {t("register.organisations.seats")}
        </h2>
        <h3 className="font-semibold">{t("register.organisations.currentSeats")}</h3>
        <SeatTable items={currentSeats} />
        <h3 className="font-semibold">{t("register.organisations.pastSeats")}</h3>
        <SeatTable items={pastSeats} />
      </section>
      <section aria-labelledby="people-heading" className="card space-y-3">
        <h2 id="people-heading" className="text-lg font-semibold">
          {t("register.organisations.people")}
        </h2>
        <h3 className="font-semibold">{t("register.organisations.currentPeople")}</h3>
        <AffiliationList items={currentPeople} />
        <h3 className="font-semibold">{t("register.organisations.pastPeople")}</h3>
        <AffiliationList items={pastPeople} />
      </section>
      <RecentAttendance of={{ organisationId: organisation.id }} lines={recent} lastYear={lastYear} />
      <section aria-labelledby="history-heading" className="card space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("organisations.history.heading")}
        </h2>
        <History history={history} />
      </section>
    </div>
  );
}
