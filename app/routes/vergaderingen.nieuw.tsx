import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { regionFieldOf, requirePermissionInChosenRegion } from "../auth/region.server";
import { HiddenField, SelectField, SubmitButton, ValidatedForm } from "../components/form";
import { EventFields, MeetingFields } from "../components/meeting-form";
import { RegionField, regionStart } from "../components/regions/region-field";
import { regionOfBody } from "../models/record-regions.server";
import { pageTitle } from "../i18n/meta";
import { createBodyMeeting, createEvent, meetingFormChoices } from "../models/meetings.server";
import { parseForm } from "../services/form-data";
import { positiveIntFrom } from "../services/list-params";
import { withNotice } from "../services/notices";
import { newBodyMeetingSchema, newEventSchema } from "../services/meeting-form";
import { readableRefusal } from "../services/readable-refusal.server";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data?.isEvent ? t("meetings.create.eventTitle") : t("meetings.create.meetingTitle")));

/** `?soort=evenement` plans a network-wide event; anything else a meeting of a body (`?gremium=ID` picks it). */
const EVENT = "evenement";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", { region: "current" });
  const search = new URL(request.url).searchParams;
  const field = await regionFieldOf(request, context, user, "register.edit");
  const choices = await meetingFormChoices(
    context.db,
    field.regions.map((region) => region.id),
  );
  const asked = positiveIntFrom(search, "gremium");
  const body = choices.bodies.find((b) => b.id === asked) ?? null;
  return json({ isEvent: search.get("soort") === EVENT, choices, body, ...field });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit", { region: "current" });
  const formData = await request.formData();
  try {
    if (formData.get("soort") === EVENT) {
      const { regionId } = await requirePermissionInChosenRegion(request, context, "register.edit", formData);
      const parsed = parseForm(newEventSchema, formData);
      if (!parsed.ok) return json(parsed, { status: 400 });
      const { invited_bodies, invited_organisations, invited_searches, ...fields } = parsed.data;
      const invitations = {
        bodyIds: invited_bodies,
        organisationIds: invited_organisations,
        savedSearchIds: invited_searches,
      };
      const event = await createEvent(context.db, user, { ...fields, invitations }, regionId);
      return redirect(withNotice(`/vergaderingen/${event.id}`, "aangemaakt"));
    }
    const parsed = parseForm(newBodyMeetingSchema, formData);
    if (!parsed.ok) return json(parsed, { status: 400 });
    await requirePermission(request, context, "register.edit", { record: regionOfBody(parsed.data.body_id) });
    const meeting = await createBodyMeeting(context.db, user, parsed.data);
    return redirect(withNotice(`/vergaderingen/${meeting.id}`, "aangemaakt"));
  } catch (error) {
    return refusalResponse(readableRefusal(error, user.language), formData);
  }
}

export default function NewMeeting() {
  const { isEvent, choices, body, regions, chosen } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const title = isEvent ? t("meetings.create.eventTitle") : t("meetings.create.meetingTitle");
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          {body ? (
            <Link to={`/gremia/${body.id}`}>{t("meetings.create.backToBody", { name: body.name })}</Link>
          ) : (
            <Link to="/vergaderingen">{t("meetings.create.back")}</Link>
          )}
        </p>
        <h1 className="text-2xl font-bold">{title}</h1>
      </div>
      <section aria-label={title} className="card">
        {isEvent ? (
          <ValidatedForm
            id="new-event"
            schema={newEventSchema}
            actionData={actionData}
            defaultValues={{ soort: EVENT, kind: "", ...regionStart(chosen, regions) }}
            className="space-y-4"
          >
            <HiddenField name="soort" />
            <RegionField regions={regions} />
            <MeetingFields />
            <EventFields choices={choices} />
            <SubmitButton>{t("meetings.create.submitEvent")}</SubmitButton>
          </ValidatedForm>
        ) : (
          <ValidatedForm
            id="new-meeting"
            schema={newBodyMeetingSchema}
            actionData={actionData}
            defaultValues={{
              body_id: body ? String(body.id) : "",
              title: body ? t("meetings.kinds.vergadering") + " " + body.name : "",
            }}
            className="space-y-4"
          >
            <SelectField
              name="body_id"
              label={t("meetings.fields.body")}
              required
              options={[
                { value: "", label: t("common.form.choose") },
                ...choices.bodies.map((b) => ({ value: String(b.id), label: b.name })),
              ]}
            />
            <MeetingFields />
            <SubmitButton>{t("meetings.create.submitMeeting")}</SubmitButton>
          </ValidatedForm>
        )}
      </section>
      <p className="text-sm">
        {isEvent ? (
          <>
            {t("meetings.create.orMeeting")}{" "}
            <Link to="/vergaderingen/nieuw" className="underline">
              {t("meetings.create.toMeeting")}
            </Link>
          </>
        ) : (
          <>
            {t("meetings.create.orEvent")}{" "}
            <Link to={`/vergaderingen/nieuw?soort=${EVENT}`} className="underline">
              {t("meetings.create.toEvent")}
            </Link>
            {" · "}
            {t("meetings.create.orSeries")}{" "}
            <Link to={body ? `/vergaderingen/reeks?gremium=${body.id}` : "/vergaderingen/reeks"} className="underline">
              {t("meetings.create.toSeries")}
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
