import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import type { BouncedAddress, BounceResult } from "../../models/bounces.server";
import { BOUNCE_LIST_MAX_BYTES } from "../../services/bounce-addresses";
import type { FormErrors, SubmittedValues } from "../../services/form-data";
import { megabytesText } from "../../services/upload-limits";
import { SubmitButton, useMessage } from "../form";

/** Addresses listed at most per kind of outcome; the count says how many there are. */
const SHOWN = 100;

/** What the section's form answered, as the page received it. */
export type BounceSectionAnswer =
  | { kind: "done"; result: BounceResult; ignored: string[]; at: string }
  | { kind: "refused"; values?: SubmittedValues; errors?: FormErrors };

function More({ count }: { count: number }) {
  const { t } = useTranslation();
  return count > SHOWN ? <li>{t("mailings.mailing.heldBackMore", { count: count - SHOWN })}</li> : null;
}

function PeopleList({ addresses }: { addresses: readonly BouncedAddress[] }) {
  return (
    <ul className="list-disc pl-5">
      {addresses.slice(0, SHOWN).map((address) => (
        <li key={address.email} className="break-all">
          {address.email} — <Link to={`/personen/${address.personId}`}>{address.name}</Link>
        </li>
      ))}
      <More count={addresses.length} />
    </ul>
  );
}

function AddressList({ addresses }: { addresses: readonly string[] }) {
  return (
    <ul className="list-disc pl-5">
      {addresses.slice(0, SHOWN).map((address) => (
        <li key={address} className="break-all">
          {address}
        </li>
      ))}
      <More count={addresses.length} />
    </ul>
  );
}

/** What a list of bounced addresses did: flagged now, flagged before, not in the register, skipped. */
function BounceOutcome({ result, ignored }: { result: BounceResult; ignored: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      className="space-y-2 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900"
      data-testid="bounce-result"
    >
      <h3 className="font-semibold">{t("mailings.bounces.result.heading")}</h3>
      {result.flagged.length > 0 ? (
        <div>
          <p>{t("mailings.bounces.result.flagged", { count: result.flagged.length })}</p>
          <PeopleList addresses={result.flagged} />
        </div>
      ) : null}
      {result.alreadyFlagged.length > 0 ? (
        <div>
          <p>{t("mailings.bounces.result.alreadyFlagged", { count: result.alreadyFlagged.length })}</p>
          <PeopleList addresses={result.alreadyFlagged} />
        </div>
      ) : null}
      {result.unknown.length > 0 ? (
        <div>
          <p>{t("mailings.bounces.result.unknown", { count: result.unknown.length })}</p>
          <AddressList addresses={result.unknown} />
        </div>
      ) : null}
      {ignored.length > 0 ? (
        <div>
          <p>{t("mailings.bounces.result.ignored", { count: ignored.length })}</p>
          <AddressList addresses={ignored} />
        </div>
      ) : null}
      <p>
        <Link to="/personen/te-corrigeren">{t("mailings.bounces.result.toCorrect")}</Link>
      </p>
    </div>
  );
}

/**
 * "Onbestelbaar" on a mailing's page: paste bounced addresses (or a bounce report) or choose a file
 * of them, with an optional reason; sent as multipart, a plain form without JavaScript. A refusal
 * keeps what was typed and says why beside the field; no browser keeps a chosen file after a round trip.
 */
export function BounceSection({ answer }: { answer: BounceSectionAnswer | null }) {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  const limit = megabytesText(BOUNCE_LIST_MAX_BYTES, i18n.language as Language);
  const refused = answer?.kind === "refused" ? answer : null;
  const typed = (name: string) => {
    const value = refused?.values?.[name];
    return typeof value === "string" ? value : "";
  };
  const errorOf = (name: string) => refused?.errors?.[name];
  const field = (name: string, hint: boolean) => {
    const error = errorOf(name);
    return {
      "aria-invalid": error ? true : undefined,
      "aria-describedby":
        [hint ? `bounce-${name}-hint` : null, error ? `bounce-${name}-error` : null].filter(Boolean).join(" ") ||
        undefined,
    } as const;
  };
  const fieldError = (name: string) => {
    const error = errorOf(name);
    return error ? (
      <p id={`bounce-${name}-error`} className="field-error" role="alert">
        {message(error)}
      </p>
    ) : null;
  };
  const formError = errorOf("_form");
  return (
    <section aria-labelledby="bounces-heading" className="card space-y-3">
      <h2 id="bounces-heading" className="text-lg font-semibold">
        {t("mailings.bounces.heading")}
      </h2>
      <p className="text-sm">{t("mailings.bounces.intro")}</p>
      <p className="text-sm">{t("mailings.bounces.automatic")}</p>
      {answer?.kind === "done" ? <BounceOutcome result={answer.result} ignored={answer.ignored} /> : null}
      {formError ? (
        <p className="field-error" role="alert">
          {message(formError)}
        </p>
      ) : null}
      <Form
        method="post"
        encType="multipart/form-data"
        className="space-y-4"
        id="onbestelbaar"
        key={answer?.kind === "done" ? answer.at : "bounces"}
      >
        <input type="hidden" name="intent" value="bounces" />
        <div>
          <label htmlFor="bounce-addresses" className="field-label">
            {t("mailings.bounces.addresses")}
          </label>
          <p id="bounce-addresses-hint" className="mt-1 text-sm text-slate-600">
            {t("mailings.bounces.addressesHint")}
          </p>
          <textarea
            id="bounce-addresses"
            name="addresses"
            rows={6}
            defaultValue={typed("addresses")}
            className="field-input font-mono text-sm"
            {...field("addresses", true)}
          />
          {fieldError("addresses")}
        </div>
        <div>
          <label htmlFor="bounce-file" className="field-label">
            {t("mailings.bounces.file")}
          </label>
          <p id="bounce-file-hint" className="mt-1 text-sm text-slate-600">
            {t("mailings.bounces.fileHint", { limit })}
          </p>
          <input
            id="bounce-file"
            name="file"
            type="file"
            accept=".txt,.csv,.tsv,.eml,text/plain,text/csv,text/tab-separated-values,message/rfc822"
            className="field-input"
            {...field("file", true)}
          />
          {fieldError("file")}
        </div>
        <div>
          <label htmlFor="bounce-reason" className="field-label">
            {t("mailings.bounces.reason")}
          </label>
          <p id="bounce-reason-hint" className="mt-1 text-sm text-slate-600">
            {t("mailings.bounces.reasonHint")}
          </p>
          <input
            id="bounce-reason"
            name="reason"
            type="text"
            maxLength={200}
            autoComplete="off"
            defaultValue={typed("reason")}
            className="field-input"
            {...field("reason", true)}
          />
          {fieldError("reason")}
        </div>
        <SubmitButton className="btn-secondary">{t("mailings.bounces.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
