import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { PeriodText, PersonLink } from "../components/lists";
import { todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { getOrganisation } from "../models/organisations.server";
import { isActiveOn } from "../services/periods";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.organisation.name ?? t("register.organisations.title"));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.read");
  const found = await getOrganisation(context.db, Number(params.organisationId));
  if (!found) throw new Response(null, { status: 404 });
  const today = todayInAmsterdam();
  return json({
    ...found,
    currentPeople: found.affiliations.filter((a) => isActiveOn(a, today)),
    pastPeople: found.affiliations.filter((a) => !isActiveOn(a, today)),
    currentSeats: found.seats.filter((s) => isActiveOn(s, today)),
    pastSeats: found.seats.filter((s) => !isActiveOn(s, today)),
  });
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

export default function Organisation() {
  const { organisation, subregions, children, currentPeople, pastPeople, currentSeats, pastSeats } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/organisaties">{t("register.organisations.title")}</Link>
        </p>
        <h1 className="text-2xl font-bold">
          {organisation.name}
          {organisation.archived_at ? <span className="ml-2 text-sm uppercase text-slate-600">{t("register.archived")}</span> : null}
        </h1>
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="font-semibold">{t("register.organisations.sector")}</dt>
            <dd>{i18n.language === "en" ? organisation.sector_en : organisation.sector_nl}</dd>
          </div>
          <div>
            <dt className="font-semibold">{t("register.organisations.subregions")}</dt>
            <dd>{subregions.length ? subregions.map((s) => s.name).join(", ") : t("register.organisations.regionWide")}</dd>
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
              <dd>{organisation.address}</dd>
            </div>
          ) : null}
        </dl>
        {organisation.notes ? <p className="mt-3 max-w-3xl text-sm text-slate-700">{organisation.notes}</p> : null}
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
    </div>
  );
}
