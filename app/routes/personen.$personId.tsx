import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { PeriodText } from "../components/lists";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { getPerson } from "../models/people.server";
import { displayName } from "../services/names";
import { isActiveOn } from "../services/periods";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? displayName(data.person) : t("register.people.title")));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.read");
  const found = await getPerson(context.db, Number(params.personId));
  if (!found) throw new Response(null, { status: 404 });
  return json({ ...found, today: todayInAmsterdam() });
}

function Status({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <span className="rounded bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-900">{t("register.people.current")}</span>
  ) : (
    <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">{t("register.people.ended")}</span>
  );
}

export default function Person() {
  const { person, emails, consents, affiliations, seats, today } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/personen">{t("register.people.title")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{displayName(person)}</h1>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold">{t("register.people.emails")}</dt>
            <dd>
              <ul>
                {emails.map((e) => (
                  <li key={e.email}>
                    <a href={`mailto:${e.email}`}>{e.email}</a>
                    {e.is_primary ? <span className="text-slate-600"> ({t("register.people.primary")})</span> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          {person.phone ? (
            <div>
              <dt className="font-semibold">{t("register.people.phone")}</dt>
              <dd>{person.phone}</dd>
            </div>
          ) : null}
          <div>
            <dt className="font-semibold">{t("register.people.language")}</dt>
            <dd>{t(`common.language.${person.preferred_language}`)}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("register.people.consents")}</dt>
            <dd>
              <ul>
                {consents.map((c, i) => (
                  <li key={i}>
                    {t(`register.consent.${c.purpose}`)}: {t(`register.consent.${c.status}`)} ({formatDay(c.recorded_on, language)}
                    {c.source ? `, ${c.source}` : ""})
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
        {person.notes ? <p className="mt-3 max-w-3xl text-sm text-slate-700">{person.notes}</p> : null}
      </div>
      <section aria-labelledby="jobs-heading" className="card">
        <h2 id="jobs-heading" className="text-lg font-semibold">
          {t("register.people.jobs")}
        </h2>
        {affiliations.length === 0 ? (
          <p className="mt-2 text-sm">{t("register.people.none")}</p>
        ) : (
          <ol className="mt-3 space-y-2 border-l-2 border-brand-100 pl-4 text-sm">
            {affiliations.map((a) => (
              <li key={a.id}>
                <Status active={isActiveOn(a, today)} /> <Link to={`/organisaties/${a.organisation_id}`}>{a.organisation_name}</Link>
                {a.function_title ? <span>, {a.function_title}</span> : null}
                <span className="block text-slate-600">
                  <PeriodText start={a.start_date} end={a.end_date} />
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="seats-heading" className="card">
        <h2 id="seats-heading" className="text-lg font-semibold">
          {t("register.people.seats")}
        </h2>
        {seats.length === 0 ? (
          <p className="mt-2 text-sm">{t("register.people.none")}</p>
        ) : (
          <ol className="mt-3 space-y-2 border-l-2 border-brand-100 pl-4 text-sm">
            {seats.map((s) => (
              <li key={s.id}>
                <Status active={isActiveOn(s, today)} /> {t(`register.roles.${s.role}`)},{" "}
                <Link to={`/gremia/${s.body_id}?datum=${s.start_date}`}>{s.body_name}</Link>
                {s.organisation_name ? (
                  <>
                    {" "}
                    ({t("register.people.onBehalfOf", { organisation: "" })}
                    <Link to={`/organisaties/${s.organisation_id}`}>{s.organisation_name}</Link>)
                  </>
                ) : null}
                <span className="block text-slate-600">
                  <PeriodText start={s.start_date} end={s.end_date} />
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
