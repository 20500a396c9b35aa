import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { SubmitButton } from "../form";
import { formatDay } from "../../i18n/format";
import type { AttendanceSheet } from "../../models/attendance.server";
import { draftRegister, type RegisterAnswer } from "../../services/attendance-draft";
import { fieldText, registerPath, rowOfField } from "../../services/attendance-form";
import { GuestList } from "./guest-list";
import { KeyboardHelp } from "./keyboard-help";
import { RegisterErrorSummary } from "./register-error-summary";
import { RegisterTable } from "./register-table";

/** The register to fill in: one row per person, the guests, and the buttons; every button a plain post. */
export function RegisterForm({
  sheet,
  answer,
  focusFirstRow,
}: {
  sheet: AttendanceSheet;
  answer: RegisterAnswer | undefined;
  focusFirstRow: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { meeting } = sheet;
  const { rows, guests } = draftRegister(sheet, answer);
  const refusal = answer?.kind === "refused" ? answer : undefined;
  const errors = refusal?.errors ?? {};
  const version = fieldText(answer?.values.version) || String(meeting.version);
  const nameOfRow = (field: string) => {
    const id = rowOfField(field);
    return id === null ? null : (rows.find((row) => row.line.person_id === id)?.line.name ?? null);
  };
  // "everyone present" overwrites: offered while nothing is registered for the expected people yet
  const unregistered = sheet.members.every((line) => line.status === null);

  return (
    // posted to the page's own address without its notice, so a search does not repeat the last save's
    <Form method="post" action={registerPath(meeting.id)} noValidate className="space-y-6">
      {/* The default button: Enter in a field presses the form's first submit button (searches, or saves). */}
      <button type="submit" name="intent" value="enter" tabIndex={-1} className="hidden">
        {t("attendance.save")}
      </button>
      <input type="hidden" name="version" value={version} />
      {Object.keys(errors).length > 0 ? (
        <RegisterErrorSummary errors={errors} conflict={refusal?.conflict} nameOfRow={nameOfRow} />
      ) : null}
      <KeyboardHelp />

      <p className="text-slate-700">
        {meeting.body_id === null
          ? t("attendance.introEvent")
          : t("attendance.intro", { date: formatDay(meeting.date, i18n.language as Language) })}
      </p>
      {unregistered && rows.length > 0 ? (
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton name="intent" value="everyonePresent" className="btn-secondary">
            {t("attendance.everyonePresent")}
          </SubmitButton>
          <p className="text-sm text-slate-600">{t("attendance.everyonePresentHint")}</p>
        </div>
      ) : null}

      {rows.length === 0 ? (
        <p>{t("attendance.empty")}</p>
      ) : (
        <RegisterTable rows={rows} errors={errors} answer={answer} focusFirstRow={focusFirstRow} />
      )}

      <GuestList guests={guests} errors={errors} answer={answer} />

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton name="intent" value="save">
          {t("attendance.save")}
        </SubmitButton>
        {answer ? <p className="text-sm text-slate-700">{t("attendance.unsavedNote")}</p> : null}
      </div>
    </Form>
  );
}
