import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { CheckboxField, HiddenField, SubmitButton, SuccessNotice, ValidatedForm } from "../components/form";
import { RegionFormFields } from "../components/regions/region-form-fields";
import { InUseAlert } from "../components/regions/in-use-alert";
import { SubregionList } from "../components/regions/subregion-list";
import type { MessageKey } from "../i18n/keys";
import { pageTitle } from "../i18n/meta";
import {
  addSubregion,
  firstRegionId,
  makeStartRegion,
  regionById,
  removeRegion,
  removeSubregion,
  renameSubregion,
  updateRegion,
} from "../models/regions.server";
import { parseForm } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { type Notice, noticeFrom, withNotice } from "../services/notices";
import { isRegionIntent, REGION_SCHEMAS, type UseCounts } from "../services/region-forms";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => t("regions.edit.title", { name: data?.region.name ?? "" }));

const PAGE_NOTICES = [
  "aangemaakt",
  "opgeslagen",
  "toegevoegd",
  "hernoemd",
  "verwijderd",
  "status",
] as const satisfies Notice[];
const NOTICE_TEXTS = {
  aangemaakt: "regions.notices.created",
  opgeslagen: "regions.notices.saved",
  toegevoegd: "regions.notices.subregionAdded",
  hernoemd: "regions.notices.subregionRenamed",
  verwijderd: "regions.notices.subregionRemoved",
  status: "regions.notices.start",
} satisfies Record<(typeof PAGE_NOTICES)[number], MessageKey>;

function regionIdOf(params: { regionId?: string }): number {
  const id = positiveIntFrom(new URLSearchParams({ id: params.regionId ?? "" }), "id");
  if (!id) throw new Response(null, { status: 404, statusText: "Not Found" });
  return id;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "regions.manage");
  const region = await regionById(context.db, regionIdOf(params)).catch(() => {
    throw new Response(null, { status: 404, statusText: "Not Found" });
  });
  const start = await regionById(context.db, await firstRegionId(context.db));
  return json({ region, start: start.name, notice: noticeFrom(new URL(request.url).searchParams, PAGE_NOTICES) });
}

const inUse = (intent: string, name: string, uses: UseCounts) =>
  json({ intent, inUse: { name, uses } }, { status: 400 });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "regions.manage");
  const id = regionIdOf(params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (!isRegionIntent(intent)) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const parsed = parseForm(REGION_SCHEMAS[intent], formData);
  if (!parsed.ok) return json({ ...parsed, intent, subregion: formData.get("subregion") }, { status: 400 });
  const here = `/beheer/regios/${id}`;
  const data = parsed.data;
  try {
    switch (data.intent) {
      case "save":
        await updateRegion(context.db, user, id, data.version, {
          name: data.name,
          code: data.code,
          tagline: data.tagline,
        });
        return redirect(withNotice(here, "opgeslagen"));
      case "addSubregion":
        await addSubregion(context.db, user, id, data.version, { name: data.name, code: data.code });
        return redirect(withNotice(here, "toegevoegd"));
      case "renameSubregion":
        await renameSubregion(context.db, user, id, data.version, data.subregion, { name: data.name, code: data.code });
        return redirect(withNotice(here, "hernoemd"));
      case "removeSubregion": {
        const region = await regionById(context.db, id);
        const name = region.subregions.find((subregion) => subregion.id === data.subregion)?.name ?? "";
        const uses = await removeSubregion(context.db, user, id, data.version, data.subregion);
        return uses.length > 0 ? inUse(intent, name, uses) : redirect(withNotice(here, "verwijderd"));
      }
      case "makeStart":
        await makeStartRegion(context.db, user, id);
        return redirect(withNotice(here, "status"));
      case "remove": {
        const { name } = await regionById(context.db, id);
        const uses = await removeRegion(context.db, user, id, data.version);
        return uses.length > 0 ? inUse(intent, name, uses) : redirect(withNotice("/beheer/regios", "verwijderd"));
      }
    }
  } catch (error) {
    return refusalResponse(error, formData, { intent, subregion: formData.get("subregion") });
  }
}

export default function RegionPage() {
  const { region, start, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const forIntent = (intent: string) =>
    actionData && "errors" in actionData && actionData.intent === intent ? actionData : null;
  const refusedUse = actionData && "inUse" in actionData ? actionData : null;
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/beheer/regios">{t("regions.edit.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("regions.edit.title", { name: region.name })}</h1>
      </div>
      {notice ? <SuccessNotice>{t(NOTICE_TEXTS[notice], { name: region.name })}</SuccessNotice> : null}
      {refusedUse ? (
        <InUseAlert
          kind={refusedUse.intent === "remove" ? "region" : "subregion"}
          name={refusedUse.inUse.name}
          uses={refusedUse.inUse.uses}
        />
      ) : null}
      <section aria-labelledby="region-heading" className="card space-y-3">
        <h2 id="region-heading" className="text-lg font-semibold">
          {t("regions.edit.heading")}
        </h2>
        <ValidatedForm
          id="save-region"
          key={`save-${region.version}`}
          schema={REGION_SCHEMAS.save}
          actionData={forIntent("save")}
          defaultValues={{
            intent: "save",
            version: region.version,
            name: region.name,
            code: region.code,
            tagline: region.tagline ?? "",
          }}
          className="space-y-4"
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <RegionFormFields />
          <SubmitButton>{t("regions.edit.submit")}</SubmitButton>
        </ValidatedForm>
      </section>
      <SubregionList
        version={region.version}
        subregions={region.subregions}
        refused={{
          add: forIntent("addSubregion"),
          rename: forIntent("renameSubregion"),
          remove: forIntent("removeSubregion"),
        }}
      />
      <section aria-labelledby="start-region-heading" className="card space-y-3">
        <h2 id="start-region-heading" className="text-lg font-semibold">
          {t("regions.start.heading")}
        </h2>
        {region.isStart ? (
          <p className="text-slate-700">{t("regions.start.is")}</p>
        ) : (
          <Form method="post" className="space-y-3">
            <p className="text-slate-700">{t("regions.start.isNot", { start })}</p>
            <input type="hidden" name="intent" value="makeStart" />
            <SubmitButton>{t("regions.start.submit", { name: region.name })}</SubmitButton>
          </Form>
        )}
      </section>
      <section aria-labelledby="remove-region-heading" className="card space-y-3">
        <h2 id="remove-region-heading" className="text-lg font-semibold">
          {t("regions.remove.heading")}
        </h2>
        <p className="text-slate-700">{t("regions.remove.text")}</p>
        <ValidatedForm
          id="remove-region"
          key={`remove-${region.version}`}
          schema={REGION_SCHEMAS.remove}
          actionData={forIntent("remove")}
          defaultValues={{ intent: "remove", version: region.version }}
          className="space-y-4"
        >
          <HiddenField name="intent" />
          <HiddenField name="version" />
          <CheckboxField name="confirm" label={t("regions.remove.confirm", { name: region.name })} />
          <SubmitButton>{t("regions.remove.submit")}</SubmitButton>
        </ValidatedForm>
      </section>
    </div>
  );
}
