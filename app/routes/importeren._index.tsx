import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "../auth/guard.server";
import { ImportHistoryTable } from "../components/import/batch-history";
import { ImportUploadForm } from "../components/import/upload-form";
import { Pagination } from "../components/lists";
import { pageTitle } from "../i18n/meta";
import { requestLanguage } from "../i18n/request.server";
import { listImportBatches } from "../models/imports.server";
import { regionChoices } from "../models/regions.server";
import { answerImportUpload } from "../services/import-page.server";
import { pageFrom } from "../services/list-params";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t("import.title"));

/** "Importeren": the upload of a spreadsheet and the history of imports. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePermission(request, context, "register.edit");
  const [batches, regions] = await Promise.all([
    listImportBatches(context.db, pageFrom(new URL(request.url).searchParams)),
    regionChoices(context.db),
  ]);
  return json({ ...batches, regions });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, "register.edit");
  return answerImportUpload(context.db, user, await request.formData(), requestLanguage(request, user));
}

export default function ImportHistory() {
  const { rows, page, regions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("import.title")}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t("import.intro")}</p>
      </div>
      <ImportUploadForm error={answer?.errors.file} regions={regions} />
      <section aria-labelledby="history-heading" className="card space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("import.historyTitle")}
        </h2>
        <ImportHistoryTable rows={rows} />
        {page.total > 0 ? <Pagination {...page} /> : null}
      </section>
    </div>
  );
}
