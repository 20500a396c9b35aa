import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../db/schema";
import { requirePermission } from "../auth/guard.server";
import { SuccessNotice } from "../components/form";
import { ImportConfirmForm, ImportUndoForm } from "../components/import/batch-actions";
import { ImportProgressBar } from "../components/import/import-progress";
import { ImportMappingForm } from "../components/import/mapping-form";
import { ImportPreviewTable } from "../components/import/preview-table";
import { PageRefusal } from "../components/refusal-alert";
import { formatMoment } from "../i18n/format";
import { pageTitle } from "../i18n/meta";
import { answerImportPost, importPageData } from "../services/import-page.server";
import { noticeFrom } from "../services/notices";
import { recordIdParam } from "../services/record-id";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => t("import.batch.title", { file: data?.batch.fileName ?? "" }));

const PAGE_NOTICES = ["aangemaakt", "ongedaan"] as const;

/** One import: map the columns, see the preview of every row, import, undo. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit");
  const search = new URL(request.url).searchParams;
  return json({
    ...(await importPageData(context.db, recordIdParam(params.batchId), search)),
    notice: noticeFrom(search, PAGE_NOTICES),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  return answerImportPost(context.db, user, recordIdParam(params.batchId), await request.formData());
}

export default function ImportBatchPage() {
  const { batch, columns, preview, progress, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const answerFor = (intent: string) => (answer && answer.intent === intent ? answer : null);
  const status = batch.status;
  const editable = batch.hasContent && (status === "uploaded" || status === "previewed" || status === "failed");
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to="/importeren">{t("import.batch.back")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("import.batch.title", { file: batch.fileName })}</h1>
        <p className="mt-2">
          {t("import.batch.status", { status: t(`import.statuses.${status}`) })}{" "}
          {t("import.batch.read", { count: batch.rowCount })}{" "}
          {batch.format === "xlsx"
            ? t("import.batch.workbook")
            : batch.encoding
              ? t("import.batch.encoding", {
                  encoding: batch.encoding === "utf-8" ? "UTF-8" : "Windows-1252",
                  delimiter: batch.delimiter === "\t" ? "tab" : `„${batch.delimiter}”`,
                })
              : null}
        </p>
      </div>
      {notice === "aangemaakt" ? <SuccessNotice>{t("import.notices.uploaded")}</SuccessNotice> : null}
      {notice === "ongedaan" && status === "undone" ? (
        <SuccessNotice>{t("import.notices.undone")}</SuccessNotice>
      ) : null}
      {answer && answer.intent === "preview" ? <PageRefusal messageKeys={Object.values(answer.errors)} /> : null}

      {status === "failed" ? <p className="card">{t("import.batch.failed")}</p> : null}
      {!batch.hasContent && status !== "imported" ? <p className="card">{t("import.batch.contentGone")}</p> : null}
      {status === "previewing" || status === "importing" ? (
        <ImportProgressBar phase={status === "previewing" ? "preview" : "import"} progress={progress} />
      ) : null}
      {status === "imported" ? (
        <section aria-labelledby="result-heading" className="card space-y-2">
          <h2 id="result-heading" className="text-lg font-semibold">
            {t("import.result.heading")}
          </h2>
          <p>{t("import.batch.importedAt", { at: formatMoment(batch.importedAt, language) })}</p>
          {batch.counts ? <p>{t("import.result.counts", batch.counts)}</p> : null}
        </section>
      ) : null}
      {status === "undone" ? (
        <p className="card">{t("import.batch.undoneAt", { at: formatMoment(batch.undoneAt, language) })}</p>
      ) : null}

      {editable ? (
        <ImportMappingForm columns={columns} version={batch.version} actionData={answerFor("preview")} />
      ) : null}
      {status === "previewed" && preview ? (
        <>
          {preview.errorRows > 0 ? (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
              {t("import.preview.blocked")}
            </p>
          ) : (
            <ImportConfirmForm version={batch.version} actionData={answerFor("import")} />
          )}
          <ImportPreviewTable preview={preview} rowCount={batch.rowCount} />
        </>
      ) : null}
      {status === "imported" ? <ImportUndoForm version={batch.version} actionData={answerFor("undo")} /> : null}
    </div>
  );
}
