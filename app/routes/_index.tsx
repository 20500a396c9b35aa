import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { formatDay, todayInAmsterdam } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { networkCounts } from "../models/overview.server";
import { useRootData } from "../root";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("home.title"));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.read", { region: "current" });
  const today = todayInAmsterdam();
  return json({ name: user.name, today, counts: await networkCounts(context.db, today) });
}

export default function Home() {
  const { name, today, counts } = useLoaderData<typeof loader>();
  const region = useRootData()?.region ?? null;
  const { t, i18n } = useTranslation();
  const items = [
    ["organisations", counts.organisations],
    ["people", counts.people],
    ["bodies", counts.bodies],
    ["seats", counts.seats],
    ["vacancies", counts.vacancies],
  ] as const;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("home.welcome", { name })}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          {region ? t("home.introRegion", { name: region.name }) : t("home.intro")}
        </p>
      </div>
      <section aria-labelledby="counts-heading" className="card">
        <h2 id="counts-heading" className="text-lg font-semibold">
          {t("home.countsHeading", { date: formatDay(today, i18n.language as Language) })}
        </h2>
        <dl className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-5">
          {items.map(([key, value]) => (
            <div key={key} className="rounded-md bg-brand-50 p-3">
              <dt className="text-sm text-slate-700">{t(`home.counts.${key}`)}</dt>
              <dd className="text-2xl font-bold text-brand-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
