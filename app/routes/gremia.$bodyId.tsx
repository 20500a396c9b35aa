import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { PeriodText } from "../components/lists";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { bodyRoster, getBody } from "../models/bodies.server";
import { displayName } from "../services/names";
import { isIsoDay } from "../services/periods";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.body.name ?? t("register.bodies.title"));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.read");
  const body = await getBody(context.db, Number(params.bodyId));
  if (!body) throw new Response(null, { status: 404 });
  const asked = new URL(request.url).searchParams.get("datum");
  const today = todayInAmsterdam();
  const onDay = asked && isIsoDay(asked) ? asked : today;
  const { roster, changes, history } = await bodyRoster(context.db, body.id, onDay);
  return json({ body, onDay, today, invalidDate: asked && !isIsoDay(asked) ? asked : null, roster, changes, history });
}

export default function Body() {
  const { body, onDay, today, invalidDate, roster, changes, history } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const nameOf = (s: { first_name: string | null; infix: string | null; last_name: string | null; initials: string | null; title: string | null }) =>
    s.last_name ? displayName({ ...s, last_name: s.last_name }) : null;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/gremia">{t("register.bodies.title")}</Link>
        </p>
        <h1 className="text-2xl font-bold">
          {body.name}
          {body.abbreviation ? <span className="font-normal text-slate-600"> ({body.abbreviation})</span> : null}
        </h1>
        {body.description ? <p className="mt-2 max-w-3xl text-slate-700">{body.description}</p> : null}
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold">{t("register.bodies.level")}</dt>
            <dd>{t(`register.levels.${body.level}`)}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("register.bodies.kind")}</dt>
            <dd>{t(`register.bodyKinds.${body.kind}`)}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("register.bodies.subregion")}</dt>
            <dd>{body.subregion_name ?? t("register.filters.wholeRegion")}</dd>
          </div>
          {body.parent_name ? (
            <div>
              <dt className="font-semibold">{t("register.bodies.parent")}</dt>
              <dd>
                <Link to={`/gremia/${body.parent_id}`}>{body.parent_name}</Link>
              </dd>
            </div>
          ) : null}
          {body.theme_name ? (
            <div>
              <dt className="font-semibold">{t("register.bodies.theme")}</dt>
              <dd>{body.theme_name}</dd>
            </div>
          ) : null}
          {body.meetings_per_year !== null ? (
            <div>
              <dt className="font-semibold">{t("register.bodies.meetingsPerYear")}</dt>
              <dd>{body.meetings_per_year}</dd>
            </div>
          ) : null}
          <div>
            <dt className="font-semibold">{t("register.bodies.active")}</dt>
            <dd>
              <PeriodText start={body.active_from} end={body.active_to} />
            </dd>
          </div>
        </dl>
      </div>

      <section aria-labelledby="roster-heading" className="card space-y-4">
        <h2 id="roster-heading" className="text-lg font-semibold">
          {t("register.bodies.rosterHeading", { date: formatDay(onDay, language) })}
        </h2>
        {invalidDate ? (
          <p role="alert" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t("register.bodies.invalidDate", { value: invalidDate })}
          </p>
        ) : null}
        <div className="no-print flex flex-wrap items-end gap-3">
          <Form method="get" className="flex items-end gap-2">
            <div>
              <label htmlFor="datum" className="field-label">
                {t("register.bodies.rosterDate")}
              </label>
              <input id="datum" name="datum" type="date" defaultValue={onDay} key={onDay} className="field-input" required />
            </div>
            <button type="submit" className="btn-primary">
              {t("register.bodies.show")}
            </button>
          </Form>
          {changes.previous ? (
            <Link className="btn-secondary" to={`?datum=${changes.previous}`}>
              ← {t("register.bodies.previousChange", { date: formatDay(changes.previous, language) })}
            </Link>
          ) : (
            <span className="text-sm text-slate-600">{t("register.bodies.noPreviousChange")}</span>
          )}
          {changes.next ? (
            <Link className="btn-secondary" to={`?datum=${changes.next}`}>
              {t("register.bodies.nextChange", { date: formatDay(changes.next, language) })} →
            </Link>
          ) : (
            <span className="text-sm text-slate-600">{t("register.bodies.noNextChange")}</span>
          )}
          {onDay !== today ? (
            <Link className="btn-secondary" to=".">
              {t("register.bodies.today")}
            </Link>
          ) : null}
        </div>
        {roster.length === 0 ? (
          <p>{t("register.bodies.emptyRoster")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("register.bodies.role")}</th>
                  <th scope="col">{t("register.bodies.person")}</th>
                  <th scope="col">{t("register.bodies.onBehalfOf")}</th>
                  <th scope="col">{t("register.bodies.since")}</th>
                </tr>
              </thead>
              <tbody>
                {roster.map((seat) => (
                  <tr key={seat.id}>
                    <td>{t(`register.roles.${seat.role}`)}</td>
                    <td>
                      {seat.person_id ? (
                        <Link to={`/personen/${seat.person_id}`}>{nameOf(seat)}</Link>
                      ) : (
                        <span className="font-semibold text-amber-800">{t("register.vacant")}</span>
                      )}
                      {seat.note ? <span className="block text-xs text-slate-600">{seat.note}</span> : null}
                    </td>
                    <td>
                      {seat.organisation_id ? (
                        <Link to={`/organisaties/${seat.organisation_id}`}>{seat.organisation_name}</Link>
                      ) : null}
                    </td>
                    <td>{formatDay(seat.start_date, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="history-heading" className="card">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("register.bodies.history")}
        </h2>
        {history.length === 0 ? (
          <p className="mt-2">{t("register.bodies.noHistory")}</p>
        ) : (
          <ol className="mt-3 space-y-2 text-sm">
            {history.map((event) => {
              const role = t(`register.roles.${event.item.role}`).toLowerCase();
              const person = nameOf(event.item);
              const text = person
                ? t(event.kind === "start" ? "register.bodies.joined" : "register.bodies.left", { person, role })
                : t(event.kind === "start" ? "register.bodies.vacancyOpened" : "register.bodies.vacancyClosed", { role });
              return (
                <li key={`${event.item.id}-${event.kind}`} className="flex flex-wrap gap-x-3">
                  <Link to={`?datum=${event.day}`} className="w-40 shrink-0">
                    <time dateTime={event.day}>{formatDay(event.day, language)}</time>
                  </Link>
                  <span>
                    {text}
                    {event.item.organisation_name ? (
                      <span className="text-slate-600"> — {t("register.people.onBehalfOf", { organisation: event.item.organisation_name })}</span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
