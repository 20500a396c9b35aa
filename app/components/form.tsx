import { zodResolver } from "@hookform/resolvers/zod";
import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { createContext, type FormEvent, type ReactNode, useContext, useEffect, useId, useRef, useState } from "react";
import {
  type Control,
  type FieldValues,
  type Resolver,
  useForm,
  type UseFormRegister,
  useWatch,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { formatMoment } from "../i18n/format";
import type { Language } from "../../db/schema";
import {
  type ConcurrentChange,
  FORM_ERROR,
  type FormErrors,
  splitMessageKey,
  type SubmittedValues,
} from "../services/form-data";

/**
 * The form convention, browser half (the server half is app/services/form-data.ts):
 *
 *   <ValidatedForm schema={schema} actionData={actionData} defaultValues={...}>
 *     <TextField name="email" label={t("auth.email")} type="email" />
 *     <SubmitButton>{t("auth.login.submit")}</SubmitButton>
 *   </ValidatedForm>
 *
 * Without JavaScript it is a plain POST form; the action validates with the same schema and,
 * when refusing, returns json(parseForm(...), { status: 400 }): the page re-renders with what was
 * typed and the messages. With JavaScript, react-hook-form validates first and then submits
 * through Remix (so the server still validates). Messages are keys, translated here.
 */

/** The part of an action's answer the form reads: set when the action refused this form. */
export interface FormActionData {
  values?: SubmittedValues;
  errors?: FormErrors;
  conflict?: ConcurrentChange[];
  links?: Record<string, { href: string; name: string }>;
}

interface FormContextValue {
  register: UseFormRegister<FieldValues>;
  idFor: (name: string) => string;
  errorFor: (name: string) => string | undefined;
  linkFor: (name: string) => { href: string; name: string } | undefined;
  valueOf: (name: string) => unknown;
  control: Control<FieldValues>;
}

const FormContext = createContext<FormContextValue | null>(null);

/** For a field of a feature's own shape (see regions/region-places-field.tsx), inside <ValidatedForm>. */
export function useFormContext(): FormContextValue {
  const context = useContext(FormContext);
  if (!context) throw new Error("Form fields must be inside <ValidatedForm>.");
  return context;
}

/**
 * A field's value as the user changes it, for choices that follow another field (the region of a
 * create form, decision 048); on the server and without JavaScript it is the value the form started with.
 */
export function useFieldValue(name: string): unknown {
  const { control, valueOf } = useFormContext();
  return useWatch({ control, name, defaultValue: valueOf(name) });
}

/** Translates a message key (with values, see messageKey); unknown keys read as "invalid". */
export function useMessage() {
  const { t, i18n } = useTranslation();
  const translate = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  return (message: string) => {
    const { key, values } = splitMessageKey(message);
    // numbers as numbers, so that "count" picks the plural form
    const options = Object.fromEntries(
      Object.entries(values).map(([name, value]) => [name, /^\d+$/.test(value) ? Number(value) : value]),
    );
    return i18n.exists(key, options) ? translate(key, options) : translate("common.form.invalid");
  };
}

export interface ValidatedFormProps {
  schema: z.ZodType;
  /** useActionData(), when it belongs to this form */
  actionData?: FormActionData | null;
  /** the values the form starts with (a refused submission's values take precedence) */
  defaultValues?: Record<string, string | readonly string[] | boolean | number | null | undefined>;
  /** where to post; the current route by default */
  action?: string;
  /** a readable name for the form's error summary and ids, unique on the page */
  id?: string;
  /** column name → label, for the list of what others changed when a save collides with theirs */
  fieldLabels?: Record<string, string>;
  className?: string;
  children: ReactNode;
}

export function ValidatedForm({
  schema,
  actionData,
  defaultValues = {},
  action,
  id,
  fieldLabels = {},
  className,
  children,
}: ValidatedFormProps) {
  const { t } = useTranslation();
  const message = useMessage();
  const submit = useSubmit();
  const generatedId = useId();
  const prefix = id ?? `form${generatedId.replace(/:/g, "")}`;
  const summaryRef = useRef<HTMLDivElement>(null);

  // What was posted replaces the defaults whole: a checkbox group left empty is absent from a post,
  // and merging would bring its default ticks back.
  const startValues: FieldValues = actionData?.values ? { ...actionData.values } : { ...defaultValues };
  const { register, handleSubmit, formState, control } = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: startValues,
  });

  // The server's messages hold until the next attempt to submit; then the browser's take over.
  const [dismissed, setDismissed] = useState<FormActionData | null | undefined>(null);
  const serverErrors: FormErrors = actionData && actionData !== dismissed ? (actionData.errors ?? {}) : {};
  const clientErrors: FormErrors = {};
  for (const [name, error] of Object.entries(formState.errors)) {
    if (typeof error?.message === "string") clientErrors[name] = error.message;
  }
  const errors: FormErrors = { ...serverErrors, ...clientErrors };
  const hasServerErrors = Object.keys(serverErrors).length > 0;

  // After a refusal, move focus to the summary so it is read out (also on a page rendered without JS: autoFocus).
  useEffect(() => {
    if (actionData?.errors && Object.keys(actionData.errors).length > 0) summaryRef.current?.focus();
  }, [actionData]);

  const idFor = (name: string) => `${prefix}-${name}`;
  const context: FormContextValue = {
    register,
    idFor,
    errorFor: (name) => errors[name],
    linkFor: (name) => (hasServerErrors ? actionData?.links?.[name] : undefined),
    valueOf: (name): unknown => startValues[name],
    control,
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setDismissed(actionData);
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    // handleSubmit prevents the browser's submission; a valid form is then sent through Remix.
    void handleSubmit(() => submit(submitter instanceof HTMLButtonElement ? submitter : form))(event);
  };

  const summaryEntries = Object.entries(serverErrors);
  return (
    <Form method="post" action={action} noValidate onSubmit={onSubmit} className={className}>
      {hasServerErrors ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- a refused form's summary takes the focus so it is read out, also without JavaScript
          autoFocus
          role="alert"
          aria-labelledby={`${prefix}-summary`}
          className="mb-4 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900"
        >
          <h2 id={`${prefix}-summary`} className="font-semibold">
            {actionData?.conflict ? t("common.form.conflictTitle") : t("common.form.summary")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {summaryEntries.map(([name, key]) => (
              <li key={name}>
                {name === FORM_ERROR ? (
                  message(key)
                ) : (
                  <a href={`#${idFor(name)}`} className="text-red-900 underline">
                    {message(key)}
                  </a>
                )}
              </li>
            ))}
          </ul>
          {actionData?.conflict ? <ConflictList changes={actionData.conflict} fieldLabels={fieldLabels} /> : null}
        </div>
      ) : null}
      <FormContext.Provider value={context}>{children}</FormContext.Provider>
    </Form>
  );
}

/** What others saved since the form was opened: when, by whom, which field from what to what. */
export function ConflictList({
  changes,
  fieldLabels,
}: {
  changes: ConcurrentChange[];
  fieldLabels: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const empty = t("common.form.emptyValue");
  return (
    <ul className="mt-3 space-y-2">
      {changes.map((change, index) => (
        <li key={index}>
          <p className="font-medium">
            {change.by
              ? t("common.form.conflictBy", {
                  when: formatMoment(change.at, i18n.language as Language),
                  who: change.by,
                })
              : t("common.form.conflictBySystem", { when: formatMoment(change.at, i18n.language as Language) })}
          </p>
          <ul className="list-disc pl-5">
            {change.fields.map((field) => (
              <li key={field.field}>
                {t("common.form.changedFrom", {
                  field: fieldLabels[field.field] ?? field.field,
                  before: field.before ?? empty,
                  after: field.after ?? empty,
                })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** The id of a field's error message, for aria-describedby; the message itself below the field. */
export function FieldError({
  id,
  message,
  link,
}: {
  id: string;
  message: string | undefined;
  link?: { href: string; name: string };
}) {
  const translate = useMessage();
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {translate(message)}
      {link ? (
        <>
          {" "}
          <Link to={link.href} className="underline">
            {t("common.form.openLinked", { name: link.name })}
          </Link>
        </>
      ) : null}
    </p>
  );
}

function describedBy(...ids: (string | false | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
}

export function TextField({
  name,
  label,
  hint,
  required,
  className,
  type = "text",
  autoComplete,
}: FieldProps & {
  type?: "text" | "email" | "password" | "date" | "time" | "url" | "tel" | "number";
  autoComplete?: string;
}) {
  const { register, idFor, errorFor, linkFor, valueOf } = useFormContext();
  const id = idFor(name);
  const error = errorFor(name);
  const initial = type === "password" ? undefined : valueOf(name);
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type={type}
        autoComplete={autoComplete}
        required={required}
        defaultValue={startText(initial)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        className="field-input"
        {...register(name)}
      />
      <FieldError id={`${id}-error`} message={error} link={linkFor(name)} />
    </div>
  );
}

/** Several lines of text (notes, a description). */
export function TextAreaField({ name, label, hint, required, className, rows = 4 }: FieldProps & { rows?: number }) {
  const { register, idFor, errorFor, valueOf } = useFormContext();
  const id = idFor(name);
  const error = errorFor(name);
  const initial = valueOf(name);
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={rows}
        required={required}
        defaultValue={startText(initial)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        className="field-input"
        {...register(name)}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  hint,
  required,
  className,
  options,
}: FieldProps & { options: readonly { value: string; label: string }[] }) {
  const { register, idFor, errorFor, linkFor, valueOf } = useFormContext();
  const id = idFor(name);
  const error = errorFor(name);
  const initial = valueOf(name);
  return (
    <div className={className}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        required={required}
        defaultValue={startText(initial)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        className="field-input"
        {...register(name)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} link={linkFor(name)} />
    </div>
  );
}

/** Radio buttons in a fieldset; the legend names the group, the error is tied to the group. */
export function RadioGroup({
  name,
  legend,
  className,
  options,
}: {
  name: string;
  legend: string;
  className?: string;
  options: readonly { value: string; label: string; lang?: string }[];
}) {
  const { register, idFor, errorFor, valueOf } = useFormContext();
  const id = idFor(name);
  const error = errorFor(name);
  const initial = valueOf(name);
  return (
    <fieldset
      id={id}
      role="radiogroup"
      className={className}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(error && `${id}-error`)}
    >
      <legend className="field-label">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm" lang={option.lang}>
            <input
              type="radio"
              value={option.value}
              defaultChecked={initial === option.value}
              className="h-4 w-4"
              {...register(name)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/** A group of checkboxes sharing one name (several subregions, say); parse with idList() or a list schema. */
export function CheckboxGroupField({
  name,
  legend,
  hint,
  className,
  options,
}: {
  name: string;
  legend: string;
  hint?: string;
  className?: string;
  options: readonly { value: string; label: string }[];
}) {
  const { register, idFor, errorFor, valueOf } = useFormContext();
  const id = idFor(name);
  const error = errorFor(name);
  const initial = valueOf(name);
  const ticked = new Set(
    (Array.isArray(initial) ? initial : initial == null || initial === "" ? [] : [initial]).map(String),
  );
  return (
    <fieldset
      id={id}
      className={className}
      aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
    >
      <legend className="field-label">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              value={option.value}
              defaultChecked={ticked.has(option.value)}
              className="h-4 w-4"
              {...register(name)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

export function CheckboxField({ name, label, hint, className }: Omit<FieldProps, "required">) {
  const { register, idFor, errorFor, valueOf } = useFormContext();
  const id = idFor(name);
  const error = errorFor(name);
  const initial = valueOf(name);
  return (
    <div className={className}>
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          defaultChecked={initial === true || initial === "on"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
          className="mt-0.5 h-4 w-4"
          {...register(name)}
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/**
 * A field's starting text: what was typed before a refusal, or the stored value. A name posted twice
 * comes back as a list; a single field shows its first value.
 */
function startText(value: unknown): string | undefined {
  if (Array.isArray(value)) return startText(value[0]);
  if (typeof value === "string") return value;
  return typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
}

/** A value the form carries along (an intent, a record's version); validated like any other field. */
export function HiddenField({ name }: { name: string }) {
  const { register, valueOf } = useFormContext();
  const initial = valueOf(name);
  return <input type="hidden" defaultValue={startText(initial)} {...register(name)} />;
}

export function SubmitButton({
  children,
  className = "btn-primary",
  name,
  value,
}: {
  children: ReactNode;
  className?: string;
  name?: string;
  value?: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button type="submit" name={name} value={value} className={className} aria-disabled={busy || undefined}>
      {children}
    </button>
  );
}

/** Confirms that a submission worked (after the redirect that follows it); read out politely. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
      {children}
    </p>
  );
}

/**
 * The message after an archive or an end, with the way back: a one-button form posting
 * `intent=undo` plus the given fields to the current route (works without JavaScript).
 */
export function UndoNotice({ children, fields }: { children: ReactNode; fields: Record<string, string | number> }) {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900"
    >
      <span>{children}</span>
      <Form method="post" replace>
        <input type="hidden" name="intent" value="undo" />
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={String(value)} />
        ))}
        <button type="submit" className="btn-secondary">
          {t("common.form.undo")}
        </button>
      </Form>
    </div>
  );
}
