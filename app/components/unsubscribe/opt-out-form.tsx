import { useTranslation } from "react-i18next";
import { type OptOutScope, optOutSchema } from "../../services/unsubscribe-form";
import type { FormActionData } from "../form";
import { RadioGroup, SubmitButton, ValidatedForm } from "../form";

/**
 * Whose link this is (first name only) and the scopes it offers, the narrowest chosen; nothing
 * happens until the button is pressed (a GET of the page changes nothing).
 */
export function OptOutForm({
  firstName,
  wave,
  excluded,
  scopes,
  actionData,
}: {
  firstName: string | null;
  /** null: a person's link, without a survey */
  wave: string | null;
  excluded: boolean;
  scopes: readonly OptOutScope[];
  actionData: FormActionData | null;
}) {
  const { t } = useTranslation();
  const label = (scope: OptOutScope) =>
    scope === "survey"
      ? t("unsubscribe.link.scopes.survey", { wave: wave ?? "" })
      : scope === "research"
        ? t("unsubscribe.link.scopes.research")
        : t("unsubscribe.link.scopes.news");
  return (
    <>
      <h1 className="text-2xl font-bold">{t("unsubscribe.title")}</h1>
      <p>{firstName ? t("unsubscribe.link.whose", { name: firstName }) : t("unsubscribe.link.whoseUnnamed")}</p>
      {excluded ? <p>{t("unsubscribe.link.alreadyExcluded")}</p> : null}
      <p>{t("unsubscribe.link.intro")}</p>
      <ValidatedForm
        id="afmelden"
        schema={optOutSchema}
        actionData={actionData}
        defaultValues={{ scope: scopes[0] }}
        className="space-y-4"
      >
        <RadioGroup
          name="scope"
          legend={t("unsubscribe.link.scope")}
          options={scopes.map((scope) => ({ value: scope, label: label(scope) }))}
        />
        <SubmitButton>{t("unsubscribe.link.submit")}</SubmitButton>
      </ValidatedForm>
    </>
  );
}
