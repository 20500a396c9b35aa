import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { BodyLevel, Language } from "../../../db/schema";
import { displayName, listName, type NameParts } from "../../services/names";
import { dayOf } from "../../services/panel-exclusion-form";
import { exclusionFormHref } from "../../services/panel-member-list";
import type { PanelAttributes, PanelReason } from "../../services/panel-rules-schema";
import { reasonsInWords, type Translate } from "../../services/panel-rules-text";
import { Pagination } from "../lists";

interface PanelMemberRow extends NameParts {
  person_id: number;
  level: BodyLevel | null;
  attributes: PanelAttributes;
  reasons: PanelReason[];
  excluded_at: string | null;
  exclusion_reason: string | null;
  excluded_by_name: string | null;
}

interface MemberPage {
  rows: PanelMemberRow[];
  page: { page: number; pages: number; from: number; to: number; total: number };
}

function bodiesInWords(attributes: PanelAttributes, t: TFunction): string[] {
  return attributes.bodies.map((body) =>
    t("panel.bodyRole", { role: t(`register.roles.${body.role}`), body: body.abbreviation ?? body.name }),
  );
}

/** One page of a frozen panel's members: who, where they work, why they are in it, and whether they still are. */
export function PanelMemberTable({
  members,
  base,
  listSearch,
}: {
  members: MemberPage;
  /** the panel page's path */
  base: string;
  /** the list's filter and page, kept by the exclusion links */
  listSearch: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <div className="card overflow-x-auto">
      {members.rows.length === 0 ? (
        <p>{t("panel.page.noMembers")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("panel.columns.name")}</th>
              <th scope="col">{t("panel.columns.organisation")}</th>
              <th scope="col">{t("panel.columns.level")}</th>
              <th scope="col">{t("panel.columns.bodies")}</th>
              <th scope="col">{t("panel.columns.reasons")}</th>
              <th scope="col">{t("panel.columns.status")}</th>
              <th scope="col">{t("panel.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {members.rows.map((member) => (
              <tr key={member.person_id}>
                <td>
                  <Link to={`/personen/${member.person_id}`}>{listName(member)}</Link>
                </td>
                <td>
                  {member.attributes.organisationName ?? t("panel.none.organisation")}
                  {member.attributes.sectorName ? (
                    <span className="block text-xs text-slate-600">{member.attributes.sectorName}</span>
                  ) : null}
                </td>
                <td>{member.level ? t(`register.levels.${member.level}`) : t("panel.none.level")}</td>
                <td>
                  <ul>
                    {bodiesInWords(member.attributes, t).map((text) => (
                      <li key={text}>{text}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <ul>
                    {reasonsInWords(member.reasons, t as unknown as Translate).map((reason, index) => (
                      <li key={index}>
                        {t("panel.reasonWithRule", { reason, number: member.reasons[index]!.ruleIndex + 1 })}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {member.excluded_at ? (
                    <>
                      {t("panel.status.excluded", {
                        date: dayOf(member.excluded_at, language),
                        reason: member.exclusion_reason ?? "",
                      })}
                      {member.excluded_by_name ? (
                        <span className="block text-xs text-slate-600">
                          {t("panel.status.excludedBy", { name: member.excluded_by_name })}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    t("panel.status.inPanel")
                  )}
                </td>
                <td>
                  {member.excluded_at ? null : (
                    <Link to={exclusionFormHref(base, listSearch, member.person_id)}>
                      {t("panel.exclude.link")}
                      <span className="sr-only"> ({displayName(member)})</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination {...members.page} />
    </div>
  );
}
