import { useTranslation } from "react-i18next";
import { SEAT_ROLES } from "../../../db/schema";
import { SelectField } from "../form";

/** The role a seat is held in (inside a ValidatedForm, as the field `role`). */
export function SeatRoleField({ label, className }: { label: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <SelectField
      name="role"
      label={label}
      required
      className={className}
      options={SEAT_ROLES.map((r) => ({ value: r, label: t(`register.roles.${r}`) }))}
    />
  );
}
