import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** What the organisation's page shows about it, as its loader sends it. */
export interface OrganisationDetailsShown {
  sector_nl: string;
  sector_en: string;
  iza_signatory: number;
  parent_id: number | null;
  parent_name: string | null;
  parent_archived_at: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  notes: string | null;
}

/** The facts under an organisation's name: sector, regions, IZA, parent and children, contact details, notes. */
export function OrganisationDetails({
  organisation,
  regions,
  childOrganisations,
}: {
  organisation: OrganisationDetailsShown;
  /** the regions it works in, each with its subregions there (none: the whole region) */
  regions: readonly { id: number; name: string; subregions: readonly string[] }[];
  /** the organisations whose parent it is */
  childOrganisations: readonly { id: number; name: string }[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-semibold">{t("register.organisations.sector")}</dt>
          <dd>{i18n.language === "en" ? organisation.sector_en : organisation.sector_nl}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("organisations.page.regions")}</dt>
          <dd>
            {regions.length ? (
              <ul>
                {regions.map((region) => (
                  <li key={region.id}>
                    {region.subregions.length
                      ? t("organisations.page.regionWithSubregions", {
                          region: region.name,
                          subregions: region.subregions.join(", "),
                        })
                      : t("regions.wholeRegion", { name: region.name })}
                  </li>
                ))}
              </ul>
            ) : (
              <Link to="/organisaties/te-completeren">{t("organisations.page.noRegion")}</Link>
            )}
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
        {childOrganisations.length ? (
          <div>
            <dt className="font-semibold">{t("register.organisations.children")}</dt>
            <dd>
              {childOrganisations.map((c, i) => (
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
    </>
  );
}
