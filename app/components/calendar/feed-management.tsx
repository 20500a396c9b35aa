import { useTranslation } from "react-i18next";
import { revokeSchema, replaceSchema } from "../../services/calendar-feed-forms";
import { CheckboxField, type FormActionData, HiddenField, SubmitButton, ValidatedForm } from "../form";

/** For beheerders: revoking a body's link, or replacing it by a new one, each after confirming. */
export function FeedManagement({
  feedId,
  bodyName,
  revokeRefusal,
  replaceRefusal,
}: {
  feedId: number;
  bodyName: string;
  revokeRefusal: FormActionData | null;
  replaceRefusal: FormActionData | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="manage-heading" className="card space-y-6">
      <h2 id="manage-heading" className="text-lg font-semibold">
        {t("calendar.page.manageHeading")}
      </h2>
      <ValidatedForm
        id="revoke-feed"
        key={`revoke-${feedId}`}
        schema={revokeSchema}
        actionData={revokeRefusal}
        defaultValues={{ intent: "revoke", feed: feedId }}
        className="space-y-3"
      >
        <p className="text-sm text-slate-700">{t("calendar.page.revokeText")}</p>
        <HiddenField name="intent" />
        <HiddenField name="feed" />
        <CheckboxField name="confirm" label={t("calendar.page.revokeConfirm", { body: bodyName })} />
        <SubmitButton className="btn-danger">{t("calendar.page.revoke")}</SubmitButton>
      </ValidatedForm>
      <ValidatedForm
        id="replace-feed"
        key={`replace-${feedId}`}
        schema={replaceSchema}
        actionData={replaceRefusal}
        defaultValues={{ intent: "replace", feed: feedId }}
        className="space-y-3"
      >
        <p className="text-sm text-slate-700">{t("calendar.page.replaceText")}</p>
        <HiddenField name="intent" />
        <HiddenField name="feed" />
        <CheckboxField name="confirm" label={t("calendar.page.replaceConfirm", { body: bodyName })} />
        <SubmitButton className="btn-secondary">{t("calendar.page.replace")}</SubmitButton>
      </ValidatedForm>
    </section>
  );
}
