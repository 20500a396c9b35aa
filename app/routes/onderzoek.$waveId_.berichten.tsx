import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, MAILING_KINDS } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { regionOfWave } from "../models/record-regions.server";
import { SuccessNotice } from "../components/form";
import { ClosingDateForm } from "../components/mailings/closing-date-form";
import { MailDestination } from "../components/mailings/mail-destination";
import { MessageForm } from "../components/mailings/message-form";
import { MessagePreview } from "../components/mailings/message-preview";
import { PlaceholderHelp } from "../components/mailings/placeholder-help";
import { pageTitle } from "../i18n/meta";
import { waveMessages } from "../models/mailings.server";
import { getWave } from "../models/survey-waves.server";
import { kindOfSlug } from "../services/mailing-forms";
import { answerMessagesPost, messagePreview } from "../services/mailing-messages.server";
import { noticeFrom } from "../services/notices";
import { recordIdParam } from "../services/record-id";
import { appOrigin } from "../services/app-origin.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? `${t("mailings.messages.title")} — ${data.wave.name}` : t("mailings.messages.title"),
  );

async function waveOr404(context: LoaderFunctionArgs["context"], waveId: string | undefined) {
  const wave = await getWave(context.db, recordIdParam(waveId));
  if (!wave) throw new Response(null, { status: 404, statusText: "Not Found" });
  return wave;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const wave = await waveOr404(context, params.waveId);
  const search = new URL(request.url).searchParams;
  const [messages, preview] = await Promise.all([
    waveMessages(context.db, wave.id),
    messagePreview(
      context.db,
      wave,
      search.get("lid") ?? "",
      kindOfSlug(search.get("soort") ?? undefined) ?? "invitation",
      appOrigin(request, context),
    ),
  ]);
  const notice = noticeFrom(search, ["opgeslagen", "testbericht"]);
  return json({
    wave: { id: wave.id, name: wave.name, version: wave.version, closes_on: wave.closes_on },
    messages,
    preview,
    notice,
    savedClosingDate: notice === "opgeslagen" && search.get("id") === "sluitingsdatum",
    userEmail: user.email,
    destination: context.mail.destination,
    from: context.mail.from,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "research.run", {
    record: regionOfWave(recordIdParam(params.waveId)),
  });
  const wave = await waveOr404(context, params.waveId);
  const answer = await answerMessagesPost(
    context.db,
    user,
    context.mail,
    wave,
    await request.formData(),
    appOrigin(request, context),
  );
  return typeof answer === "string" ? redirect(answer) : answer;
}

export default function WaveMessages() {
  const { wave, messages, preview, notice, savedClosingDate, userEmail, destination, from } =
    useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const answerFor = (intent: string, kind = "", language = "") =>
    answer && answer.intent === intent && answer.kind === kind && answer.language === language ? answer : null;
  const fieldLabels = { subject: t("mailings.messages.subject"), body: t("mailings.messages.body") };
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={`/onderzoek/${wave.id}`}>{t("mailings.messages.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">
          {t("mailings.messages.title")} — {wave.name}
        </h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("mailings.messages.intro")}</p>
      </div>
      {notice === "testbericht" ? (
        <SuccessNotice>{t("mailings.messages.preview.testSent", { email: userEmail })}</SuccessNotice>
      ) : notice ? (
        <SuccessNotice>
          {savedClosingDate ? t("mailings.messages.closingDate.saved") : t("mailings.messages.saved")}
        </SuccessNotice>
      ) : null}
      <MailDestination destination={destination} from={from} />
      <ClosingDateForm version={wave.version} closesOn={wave.closes_on} answer={answerFor("closingDate")} />
      <PlaceholderHelp />
      {MAILING_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`} className="card space-y-4">
          <h2 id={`kind-${kind}`} className="text-lg font-semibold">
            {t(`mailings.kinds.${kind}`)}
          </h2>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            {LANGUAGES.map((language) => (
              <MessageForm
                key={language}
                kind={kind}
                language={language}
                message={messages[kind][language]}
                answer={answerFor("message", kind, language)}
                fieldLabels={fieldLabels}
              />
            ))}
          </div>
        </section>
      ))}
      <MessagePreview
        preview={preview}
        userEmail={userEmail}
        testAnswer={answerFor("test", preview.kind, preview.member?.language)}
      />
    </div>
  );
}
