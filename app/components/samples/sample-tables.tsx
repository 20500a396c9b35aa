import { useTranslation } from "react-i18next";
import { memberStatus, type SampleStratum } from "../../services/interview-sample";
import { displayName } from "../../services/names";
import type { PanelAttributes } from "../../services/panel-rules-schema";
import { stratumCells, wholeRegionText } from "../../services/panel-tables";

/** Per stratum: how many panel members were eligible and how many were drawn. */
export function SampleStrataTable({
  strata,
  regionName,
}: {
  strata: readonly SampleStratum[];
  /** the wave's region, for members of organisations without a subregion */
  regionName: string | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sample-strata-heading" className="card space-y-3 overflow-x-auto">
      <h2 id="sample-strata-heading" className="text-lg font-semibold">
        {t("samples.sample.strataHeading")}
      </h2>
      <table className="data-table" data-testid="sample-strata">
        <caption className="text-left text-sm text-slate-600">{t("samples.sample.strataCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("panel.columns.level")}</th>
            <th scope="col">{t("panel.columns.sector")}</th>
            <th scope="col">{t("panel.columns.subregion")}</th>
            <th scope="col" className="text-right">
              {t("samples.columns.inPanel")}
            </th>
            <th scope="col" className="text-right">
              {t("samples.columns.inSample")}
            </th>
          </tr>
        </thead>
        <tbody>
          {strata.map((stratum) => {
            const cells = stratumCells(stratum, t, wholeRegionText(t, regionName));
            return (
              <tr key={`${stratum.level}|${stratum.sectorCode}|${stratum.subregion}`}>
                <td>{cells.level}</td>
                <td>{cells.sector}</td>
                <td>{cells.subregion}</td>
                <td className="text-right">{stratum.population}</td>
                <td className="text-right">{stratum.allocated}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

interface ShownMember {
  personId: number;
  first_name: string | null;
  infix: string | null;
  last_name: string;
  email: string;
  attributes: PanelAttributes;
  erased_at: string | null;
  excluded_at: string | null;
}

/** The people drawn, in name order, with their organisation and where they stand in the panel now. */
export function SampleMemberTable({ members }: { members: readonly ShownMember[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sample-members-heading" className="card space-y-3 overflow-x-auto">
      <h2 id="sample-members-heading" className="text-lg font-semibold">
        {t("samples.sample.membersHeading")}
      </h2>
      <table className="data-table" data-testid="sample-members">
        <thead>
          <tr>
            <th scope="col">{t("samples.columns.name")}</th>
            <th scope="col">{t("samples.columns.email")}</th>
            <th scope="col">{t("samples.columns.organisation")}</th>
            <th scope="col">{t("panel.columns.level")}</th>
            <th scope="col">{t("samples.columns.status")}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.personId}>
              <td>{displayName(member)}</td>
              <td>{member.email}</td>
              <td>{member.attributes.organisationName ?? t("panel.none.organisation")}</td>
              <td>
                {member.attributes.level ? t(`register.levels.${member.attributes.level}`) : t("panel.none.level")}
              </td>
              <td>{t(`samples.sample.status.${memberStatus(member)}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
