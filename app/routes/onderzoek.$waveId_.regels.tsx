import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { searchRegister } from "../models/search.server";
import { BODY_KINDS, BODY_LEVELS, FUNDING_STATUSES, type Language, SEAT_ROLES } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import {
  CheckboxField,
  CheckboxGroupField,
  HiddenField,
  SubmitButton,
  SuccessNotice,
  TextField,
  ValidatedForm,
} from "../components/form";
import { pageTitle } from "../i18n/meta";
import { getWave, peopleNames, ruleChoices, ruleNamesFor, updateWaveRules } from "../models/survey-waves.server";
import { parseForm, submittedValues, type SubmittedValues } from "../services/form-data";
import {
  addManualExclusion,
  addSeatRule,
  EXCLUSION_FIELDS,
  formValuesToRules,
  manualCount,
  manualField,
  removeManualExclusion,
  removeSeatRule,
  rulesFormSchema,
  rulesToFormValues,
  seatField,
  seatRuleCount,
} from "../services/panel-rules-form";
import { panelRulesInWords, type Translate } from "../services/panel-rules-text";
import { recordIdParam } from "../services/record-id";
import { refusalResponse } from "../services/refusal.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? t("waves.rules.title", { name: data.wave.name }) : t("waves.title")));

const SEARCH_FIELD = "personSearch";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run");
  const wave = await getWave(context.db, recordIdParam(params.waveId));
  if (!wave) throw new Response(null, { status: 404, statusText: "Not Found" });
  const choices = await ruleChoices(context.db);
  const levels = new Map(choices.bodies.map((body) => [body.id, body.level]));
  return json({
    wave,
    choices,
    names: await ruleNamesFor(context.db, wave.rules, user.language),
    formValues: rulesToFormValues(wave.rules, (id) => levels.get(id)),
    saved: new URL(request.url).searchParams.get("opgeslagen") === "1",
  });
}

/**
 * Buttons that change the form's shape (add or remove a rule, search a person, exclude one): the
 * server re-renders the form from what was sent, reshaped, so nothing typed is lost, with or
 * without JavaScript.
 */
function reshape(values: SubmittedValues, intent: string): SubmittedValues | null {
  if (intent === "addSeatRule") return addSeatRule(values);
  if (intent === SEARCH_FIELD) return values;
  const [, action, number] = /^(removeSeatRule|removeManual|excludePerson)-(\d+)$/.exec(intent) ?? [];
  if (!action) return null;
  if (action === "removeSeatRule") return removeSeatRule(values, Number(number));
  if (action === "removeManual") return removeManualExclusion(values, Number(number));
  return { ...addManualExclusion(values, Number(number)), [SEARCH_FIELD]: "" };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "research.run");
  const id = recordIdParam(params.waveId);
  const formData = await request.formData();
  const asked = String(formData.get("intent") ?? "");
  // Enter in a field presses the hidden default button: it searches when the search field holds text, else it saves
  const intent = asked === "enter" ? (String(formData.get(SEARCH_FIELD) ?? "").trim() ? SEARCH_FIELD : "save") : asked;

  if (intent === "save") {
    const parsed = parseForm(rulesFormSchema, formData);
    if (!parsed.ok) return json({ ...parsed, roundTrip: null, found: null, people: {} }, { status: 400 });
    const result = formValuesToRules(parsed.data as SubmittedValues);
    if (!result.ok) throw new Error("the rules form's schema and conversion disagree");
    try {
      await updateWaveRules(context.db, user, id, Number(formData.get("version")), result.rules);
      return redirect(`/onderzoek/${id}/regels?opgeslagen=1`);
    } catch (error) {
      return refusalResponse(error, formData, { roundTrip: null, found: null, people: {} });
    }
  }

  const { intent: _ignored, ...sent } = submittedValues(formData);
  const values = reshape(sent, intent);
  if (!values) throw new Response(null, { status: 400, statusText: "Bad Request" });
  const query = intent === SEARCH_FIELD ? String(values[SEARCH_FIELD] ?? "").trim() : "";
  const found = query
    ? (await searchRegister(context.db, query, { limit: 10, language: user.language })).filter(
        (hit) => hit.kind === "person",
      )
    : null;
  const manualIds = Array.from({ length: manualCount(values) }, (_, i) =>
    Number(values[manualField(i, "personId")]),
  ).filter(Number.isSafeInteger);
  return json({
    ok: true as const,
    values,
    roundTrip: crypto.randomUUID(),
    found: found
      ? { query, people: found.map((hit) => ({ id: hit.id, title: hit.title, subtitle: hit.subtitle })) }
      : null,
    people: await peopleNames(context.db, manualIds),
  });
}

/** With JavaScript, reshaping skips the browser's validation (a half-filled form may still be reshaped). */
function ReshapeButton({
  value,
  children,
  className = "btn-secondary",
}: {
  value: string;
  children?: ReactNode;
  className?: string;
}) {
  const submit = useSubmit();
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    submit(event.currentTarget, { method: "post", preventScrollReset: true });
  };
  return (
    <button
      type="submit"
      name="intent"
      value={value}
      className={className}
      onClick={onClick}
      tabIndex={children ? undefined : -1}
    >
      {children}
    </button>
  );
}

export default function WaveRules() {
  const { wave, choices, names, formValues, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const words = panelRulesInWords(wave.rules, wave.reference_date, names, t as unknown as Translate, language);
  const values: Record<string, string | string[] | boolean> = actionData?.values ?? formValues;
  const people = { ...names.people, ...actionData?.people };
  const options = <T extends string>(keys: readonly T[], label: (key: T) => string) =>
    keys.map((key) => ({ value: key, label: label(key) }));
  const byName = (rows: readonly { id: number; name: string }[]) =>
    rows.map((row) => ({ value: String(row.id), label: row.name }));
  const sectorOptions = choices.sectors.map((s) => ({
    value: String(s.id),
    label: language === "en" ? s.name_en : s.name_nl,
  }));
  const rulesCount = seatRuleCount(values);
  const manualRows = Array.from({ length: manualCount(values) }, (_, i) => ({
    index: i,
    personId: Number(values[manualField(i, "personId")]),
  }));
  const found = actionData && "found" in actionData ? actionData.found : null;

  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/onderzoek/${wave.id}`}>{t("waves.rules.back", { name: wave.name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("waves.rules.title", { name: wave.name })}</h1>
      </div>
      {saved ? <SuccessNotice>{t("waves.rules.saved")}</SuccessNotice> : null}
      <section aria-labelledby="words-heading" className="card space-y-2">
        <h2 id="words-heading" className="text-lg font-semibold">
          {t("waves.rules.summaryHeading")}
        </h2>
        <p data-testid="rules-in-words">{words.text}</p>
      </section>

      {wave.status !== "draft" ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("waves.rules.readOnly")}
        </p>
      ) : (
        <ValidatedForm
          id="rules"
          key={`rules-${wave.version}-${actionData?.roundTrip ?? ""}`}
          schema={rulesFormSchema}
          actionData={
            actionData && "errors" in actionData ? actionData : actionData ? { values: actionData.values } : null
          }
          defaultValues={{ ...formValues, version: wave.version }}
          className="space-y-6"
        >
          {/* The default button: Enter in any field presses the form's first submit button. */}
          <ReshapeButton value="enter" className="hidden" />
          <p className="text-slate-700">{t("waves.rules.intro")}</p>
          <HiddenField name="version" />
          <HiddenField name="seatRuleCount" />
          <HiddenField name="manualCount" />

          <section aria-labelledby="seat-rules-heading" className="space-y-4">
            <h2 id="seat-rules-heading" className="text-lg font-semibold">
              {t("waves.rules.seatRulesHeading")}
            </h2>
            {rulesCount === 0 ? <p>{t("waves.rules.noSeatRules")}</p> : null}
            {Array.from({ length: rulesCount }, (_, n) => (
              <fieldset key={n} className="card space-y-4">
                <legend className="px-1 font-semibold">{t("waves.rules.seatRule", { number: n + 1 })}</legend>
                {BODY_LEVELS.map((level) => {
                  const bodies = choices.bodies.filter((body) => body.level === level);
                  return bodies.length > 0 ? (
                    <CheckboxGroupField
                      key={level}
                      name={seatField(n, `bodies_${level}`)}
                      legend={t("waves.rules.bodiesAt", { level: t(`register.levels.${level}`) })}
                      options={byName(bodies)}
                    />
                  ) : null;
                })}
                <CheckboxGroupField
                  name={seatField(n, "levels")}
                  legend={t("waves.rules.levels")}
                  options={options(BODY_LEVELS, (l) => t(`register.levels.${l}`))}
                />
                <CheckboxGroupField
                  name={seatField(n, "kinds")}
                  legend={t("waves.rules.bodyKinds")}
                  options={options(BODY_KINDS, (k) => t(`register.bodyKinds.${k}`))}
                />
                {choices.subregions.length > 0 ? (
                  <CheckboxGroupField
                    name={seatField(n, "subregions")}
                    legend={t("waves.rules.subregions")}
                    options={byName(choices.subregions)}
                  />
                ) : null}
                {choices.themes.length > 0 ? (
                  <CheckboxGroupField
                    name={seatField(n, "themes")}
                    legend={t("waves.rules.themes")}
                    options={byName(choices.themes)}
                  />
                ) : null}
                {choices.plans.length > 0 ? (
                  <CheckboxGroupField
                    name={seatField(n, "plans")}
                    legend={t("waves.rules.plans")}
                    options={byName(choices.plans)}
                  />
                ) : null}
                <CheckboxGroupField
                  name={seatField(n, "funding")}
                  legend={t("waves.rules.planFunding")}
                  options={options(FUNDING_STATUSES, (f) => t(`themes.funding.${f}`))}
                />
                <CheckboxGroupField
                  name={seatField(n, "roles")}
                  legend={t("waves.rules.roles")}
                  options={options(SEAT_ROLES, (r) => t(`register.roles.${r}`))}
                />
                <fieldset className="space-y-2">
                  <legend className="field-label">{t("waves.rules.attendance")}</legend>
                  <div className="grid gap-4 sm:grid-cols-2">
                    <TextField
                      name={seatField(n, "minMeetings")}
                      type="number"
                      label={t("waves.rules.attendanceMeetings")}
                    />
                    <TextField
                      name={seatField(n, "minMonths")}
                      type="number"
                      label={t("waves.rules.attendanceMonths")}
                    />
                  </div>
                </fieldset>
                <ReshapeButton value={`removeSeatRule-${n}`}>
                  {t("waves.rules.removeSeatRule", { number: n + 1 })}
                </ReshapeButton>
              </fieldset>
            ))}
            <ReshapeButton value="addSeatRule">{t("waves.rules.addSeatRule")}</ReshapeButton>
          </section>

          <section aria-labelledby="organisation-heading" className="space-y-4">
            <h2 id="organisation-heading" className="text-lg font-semibold">
              {t("waves.rules.organisationHeading")}
            </h2>
            <CheckboxGroupField name="o_sectors" legend={t("waves.rules.sectors")} options={sectorOptions} />
          </section>

          <section aria-labelledby="exclusions-heading" className="space-y-4">
            <h2 id="exclusions-heading" className="text-lg font-semibold">
              {t("waves.rules.exclusionsHeading")}
            </h2>
            <CheckboxField name={EXCLUSION_FIELDS.researchOptOut} label={t("waves.rules.excludeResearchOptOut")} />
            <CheckboxField name={EXCLUSION_FIELDS.noEmail} label={t("waves.rules.excludeNoEmail")} />
            <CheckboxField
              name={EXCLUSION_FIELDS.noActiveAffiliation}
              label={t("waves.rules.excludeNoActiveAffiliation")}
            />
            <h3 className="font-semibold">{t("waves.rules.manualHeading")}</h3>
            {manualRows.map(({ index, personId }) => {
              const name = people[personId] ?? `#${personId}`;
              return (
                <div key={index} className="flex flex-wrap items-end gap-3">
                  <HiddenField name={manualField(index, "personId")} />
                  <TextField
                    name={manualField(index, "reason")}
                    label={t("waves.rules.manualReason", { name })}
                    className="min-w-64 flex-1"
                  />
                  <ReshapeButton value={`removeManual-${index}`}>
                    {t("waves.rules.removeManual", { name })}
                  </ReshapeButton>
                </div>
              );
            })}
            <div className="flex flex-wrap items-end gap-3">
              <TextField
                name={SEARCH_FIELD}
                label={t("waves.rules.searchPerson")}
                className="min-w-64 flex-1"
                autoComplete="off"
              />
              <ReshapeButton value={SEARCH_FIELD}>{t("waves.rules.searchSubmit")}</ReshapeButton>
            </div>
            {found ? (
              found.people.length === 0 ? (
                <p role="status">{t("waves.rules.searchNone", { query: found.query })}</p>
              ) : (
                <div role="status">
                  <h4 className="font-semibold">{t("waves.rules.searchResults")}</h4>
                  <ul className="mt-2 space-y-2">
                    {found.people.map((person) => (
                      <li key={person.id} className="flex flex-wrap items-center gap-3">
                        <span>
                          {person.title}
                          {person.subtitle ? <span className="text-slate-600"> — {person.subtitle}</span> : null}
                        </span>
                        <ReshapeButton value={`excludePerson-${person.id}`}>
                          {t("waves.rules.excludePerson", { name: person.title })}
                        </ReshapeButton>
                      </li>
                    ))}
                  </ul>
                </div>
              )
            ) : null}
          </section>
          <SubmitButton name="intent" value="save">
            {t("waves.rules.submit")}
          </SubmitButton>
        </ValidatedForm>
      )}
    </div>
  );
}
