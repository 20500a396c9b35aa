import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { BounceFlag } from "./bounce-flag";

/** The details of a person the page shows, as its loader sends them. */
export interface PersonDetailsShown {
  phone: string | null;
  preferred_language: Language;
  salutation: string | null;
  initials: string | null;
  notes: string | null;
}

/** The card under a person's name: e-mail addresses (the primary marked), phone, language and what else is known. */
export function PersonDetails({
  person,
  emails,
}: {
  person: PersonDetailsShown;
  emails: readonly {
    id: number;
    email: string;
    is_primary: number;
    bounced_at: string | null;
    bounce_reason: string | null;
  }[];
}) {
  const { t } = useTranslation();
  return (
    <dl className="card grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
      <div>
        <dt className="font-semibold">{t("register.people.emails")}</dt>
        <dd>
          {emails.length === 0 ? (
            t("people.page.noEmails")
          ) : (
            <ul>
              {emails.map((e) => (
                <li key={e.id} className="break-all">
                  <a href={`mailto:${e.email}`}>{e.email}</a>
                  {e.is_primary && emails.length > 1 ? (
                    <span className="text-slate-600"> ({t("register.people.primary")})</span>
                  ) : null}
                  {e.bounced_at ? <BounceFlag bouncedAt={e.bounced_at} reason={e.bounce_reason} /> : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      {person.phone ? (
        <div>
          <dt className="font-semibold">{t("register.people.phone")}</dt>
          <dd>{person.phone}</dd>
        </div>
      ) : null}
      <div>
        <dt className="font-semibold">{t("register.people.language")}</dt>
        <dd>{t(`common.language.${person.preferred_language}`)}</dd>
      </div>
      {person.salutation ? (
        <div>
          <dt className="font-semibold">{t("people.page.salutation")}</dt>
          <dd>{person.salutation}</dd>
        </div>
      ) : null}
      {person.initials ? (
        <div>
          <dt className="font-semibold">{t("people.page.initials")}</dt>
          <dd>{person.initials}</dd>
        </div>
      ) : null}
      {person.notes ? (
        <div className="sm:col-span-3">
          <dt className="font-semibold">{t("register.people.notes")}</dt>
          <dd className="whitespace-pre-line">{person.notes}</dd>
        </div>
      ) : null}
    </dl>
  );
}
