import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { displayName } from "../../services/names";
import { dayOf, exclusionSchema, type PanelExclusionAnswer } from "../../services/panel-exclusion-form";
import { CheckboxField, HiddenField, SubmitButton, TextAreaField, ValidatedForm } from "../form";

interface ExclusionTarget {
  personId: number;
  /** null: the person is not in this wave's panel */
  member: {
    first_name: string | null;
    infix: string | null;
    last_name: string;
    excluded_at: string | null;
    exclusion_reason: string | null;
  } | null;
}

/** Shown for `?uitsluiten=<personId>`: the member's form, or why there is none. */
export function LaterExclusionForm({
  exclusion,
  refusal,
  cancelTo,
}: {
  exclusion: ExclusionTarget;
  refusal: PanelExclusionAnswer | undefined;
  cancelTo: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const location = useLocation();
  const { member } = exclusion;
  if (!member) {
    return (
      <p id="uitsluiten" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        {t("panel.exclude.notMember")}
      </p>
    );
  }
  const name = displayName(member);
  // a refusal comes back with the form; without one, an excluded member has nothing left to record
  if (member.excluded_at && !refusal) {
    return (
      <p
        id="uitsluiten"
        role="alert"
        className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
      >
        {t("panel.exclude.alreadyExcluded", {
          name,
          date: dayOf(member.excluded_at, language),
          reason: member.exclusion_reason ?? "",
        })}
      </p>
    );
  }
  return (
    <section id="uitsluiten" aria-labelledby="exclude-heading" className="card max-w-2xl space-y-3 border-amber-300">
      <h3 id="exclude-heading" className="text-lg font-semibold">
        {t("panel.exclude.heading", { name })}
      </h3>
      <p className="text-sm">{t("panel.exclude.intro")}</p>
      <ValidatedForm
        id="later-exclusion"
        key={`${exclusion.personId}${location.search}`}
        schema={exclusionSchema}
        actionData={refusal}
        defaultValues={{ personId: exclusion.personId }}
        className="space-y-4"
      >
        <HiddenField name="personId" />
        <TextAreaField
          name="reason"
          label={t("panel.exclude.reason")}
          hint={t("panel.exclude.reasonHint")}
          rows={3}
          required
        />
        <CheckboxField name="confirm" label={t("panel.exclude.confirm", { name })} />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton>{t("panel.exclude.submit")}</SubmitButton>
          <Link to={cancelTo} className="btn-secondary">
            {t("panel.exclude.cancel")}
          </Link>
        </div>
      </ValidatedForm>
    </section>
  );
}
