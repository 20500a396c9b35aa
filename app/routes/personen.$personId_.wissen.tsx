import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requirePermission } from "../auth/guard.server";
import { CheckboxField, SubmitButton, ValidatedForm } from "../components/form";
import { pageTitle } from "../i18n/meta";
import { erasePeople, erasurePreview } from "../models/person-erasure.server";
import { checkbox, parseForm } from "../services/form-data";
import { displayName } from "../services/names";
import { withNotice } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => t("rights.erase.title", { name: data?.name ?? "" }));

/** Erasure cannot be undone: it needs a ticked box, which works without JavaScript. */
const eraseSchema = z.object({
  confirm: checkbox().refine((ticked) => ticked, "rights.erase.confirmRequired"),
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "privacy.manage");
  const personId = recordIdParam(params.personId);
  const preview = await erasurePreview(context.db, personId);
  if (!preview) throw new Response(null, { status: 404, statusText: "Not Found" });
  if (preview.person.erased_at) return redirect(`/personen/${personId}`);
  return json({ personId, name: displayName(preview.person), counts: preview.counts });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "privacy.manage");
  const personId = recordIdParam(params.personId);
  const formData = await request.formData();
  const parsed = parseForm(eraseSchema, formData);
  if (!parsed.ok) return json(parsed, { status: 400 });
  try {
    await erasePeople(context.db, user, [personId]);
    return redirect(withNotice(`/personen/${personId}`, "gewist"));
  } catch (error) {
    return refusalResponse(error, formData);
  }
}

export default function ErasePerson() {
  const { personId, name, counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/personen/${personId}`}>{t("rights.report.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("rights.erase.title", { name })}</h1>
        <p className="mt-2 text-slate-700">{t("rights.erase.intro")}</p>
      </div>
      <section aria-labelledby="removed-heading" className="card">
        <h2 id="removed-heading" className="text-lg font-semibold">
          {t("rights.erase.removed")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          <li>{t("rights.erase.removedItems.names")}</li>
          <li>{t("rights.erase.removedItems.emails", { count: counts.emails })}</li>
          <li>{t("rights.erase.removedItems.consents", { count: counts.consents })}</li>
          <li>{t("rights.erase.removedItems.notes")}</li>
          <li>{t("rights.erase.removedItems.audit")}</li>
          <li>{t("rights.erase.removedItems.mail", { count: counts.waiting })}</li>
        </ul>
      </section>
      <section aria-labelledby="kept-heading" className="card">
        <h2 id="kept-heading" className="text-lg font-semibold">
          {t("rights.erase.kept")}
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          <li>{t("rights.erase.keptItems.seats", { count: counts.seats })}</li>
          <li>{t("rights.erase.keptItems.attendance", { count: counts.attendance })}</li>
          <li>{t("rights.erase.keptItems.panels", { count: counts.panels })}</li>
        </ul>
      </section>
      <ValidatedForm schema={eraseSchema} actionData={actionData} id="erase" className="card space-y-4">
        <CheckboxField name="confirm" label={t("rights.erase.confirm")} />
        <p className="flex flex-wrap gap-3">
          <SubmitButton className="btn-danger">{t("rights.erase.submit")}</SubmitButton>
          <Link to={`/personen/${personId}`} className="btn-secondary">
            {t("rights.erase.cancel")}
          </Link>
        </p>
      </ValidatedForm>
    </div>
  );
}
