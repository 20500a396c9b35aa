import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

function Section({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h2 className="text-lg font-semibold">{heading}</h2>
      {children}
    </section>
  );
}

/** The privacy statement's text: who, what, why, how long, to whom, your rights, how to complain. */
export function PrivacyStatement({ retentionMonths }: { retentionMonths: number }) {
  const { t } = useTranslation();
  return (
    <article className="max-w-3xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("privacy.title")}</h1>
        <p className="text-lg">{t("privacy.lead")}</p>
      </div>
      <Section heading={t("privacy.controller.heading")}>
        <p>{t("privacy.controller.body")}</p>
      </Section>
      <Section heading={t("privacy.data.heading")}>
        <p>{t("privacy.data.intro")}</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>{t("privacy.data.contact")}</li>
          <li>{t("privacy.data.jobs")}</li>
          <li>{t("privacy.data.seats")}</li>
          <li>{t("privacy.data.attendance")}</li>
          <li>{t("privacy.data.panel")}</li>
          <li>{t("privacy.data.mailings")}</li>
          <li>{t("privacy.data.audit")}</li>
        </ul>
      </Section>
      <Section heading={t("privacy.purposes.heading")}>
        <p>{t("privacy.purposes.governance")}</p>
        <p>{t("privacy.purposes.research")}</p>
        <p>{t("privacy.purposes.audit")}</p>
      </Section>
      <Section heading={t("privacy.retention.heading")}>
        <p>{t("privacy.retention.body", { count: retentionMonths })}</p>
        <p>{t("privacy.retention.backups")}</p>
      </Section>
      <Section heading={t("privacy.recipients.heading")}>
        <p>{t("privacy.recipients.body")}</p>
      </Section>
      <Section heading={t("privacy.rights.heading")}>
        <p>{t("privacy.rights.intro")}</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>{t("privacy.rights.access")}</li>
          <li>{t("privacy.rights.rectification")}</li>
          <li>{t("privacy.rights.erasure")}</li>
          <li>{t("privacy.rights.objection")}</li>
        </ul>
        <p>{t("privacy.rights.how")}</p>
      </Section>
      <Section heading={t("privacy.unsubscribe.heading")}>
        <p>{t("privacy.unsubscribe.body")}</p>
        <p>
          <Link to="/afmelden">{t("privacy.unsubscribe.link")}</Link>
        </p>
      </Section>
      <Section heading={t("privacy.security.heading")}>
        <p>{t("privacy.security.body")}</p>
      </Section>
      <Section heading={t("privacy.complaint.heading")}>
        <p>{t("privacy.complaint.body")}</p>
      </Section>
    </article>
  );
}
