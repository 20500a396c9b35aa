import { useTranslation } from "react-i18next";
import { TextField } from "../form";

/** A region's name, short code and tagline: the same fields for "add" and "edit". */
export function RegionFormFields() {
  const { t } = useTranslation();
  return (
    <>
      <TextField name="name" label={t("regions.fields.name")} autoComplete="off" required />
      <TextField
        name="code"
        label={t("regions.fields.code")}
        hint={t("regions.fields.codeHint")}
        autoComplete="off"
        required
      />
      <TextField
        name="tagline"
        label={t("regions.fields.tagline")}
        hint={t("regions.fields.taglineHint")}
        autoComplete="off"
      />
    </>
  );
}
