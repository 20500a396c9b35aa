import { useTranslation } from "react-i18next";
import { USER_ROLES } from "../../../db/schema";
import type { RegionOption } from "../../services/region-choice";
import { NETWORK_ROLE_FIELD, regionRoleField } from "../../services/user-roles-form";
import { SelectField } from "../form";

/** The role selects of a user form: network-wide, then one per region (decision 042). */
export function RoleFields({ regions }: { regions: readonly RegionOption[] }) {
  const { t } = useTranslation();
  const options = [
    { value: "", label: t("userRoles.form.noRole") },
    ...USER_ROLES.map((role) => ({
      value: role,
      label: `${t(`common.roles.${role}`)} — ${t(`admin.users.roleHelp.${role}`)}`,
    })),
  ];
  return (
    <fieldset className="space-y-3">
      <legend className="field-label">{t("userRoles.form.legend")}</legend>
      <p className="text-sm text-slate-600">{t("userRoles.form.intro")}</p>
      <SelectField name={NETWORK_ROLE_FIELD} label={t("userRoles.form.network")} options={options} />
      {regions.map((region) => (
        <SelectField
          key={region.id}
          name={regionRoleField(region.id)}
          label={t("userRoles.form.region", { region: region.name })}
          options={options}
        />
      ))}
    </fieldset>
  );
}
