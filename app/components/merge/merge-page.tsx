import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MergedEntity } from "../../../db/schema";
import type { MergePageAnswer, mergePageLoader } from "../../services/merge-page.server";
import { MergeFinder, MergeForm, recordPath } from "./merge-form";

/** The merge page of a person or an organisation: the finder first, then the comparison to confirm. */
export function MergePage({ entity }: { entity: MergedEntity }) {
  const { survivorId, name, text, found, comparison, fields, defaults } = useLoaderData<typeof mergePageLoader>();
  const actionData = useActionData<MergePageAnswer>();
  const { t } = useTranslation();
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link to={recordPath(entity, survivorId)}>{t("merge.back", { name })}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t(`merge.title.${entity}`, { name })}</h1>
        <p className="mt-2 text-slate-700">{t("merge.intro")}</p>
      </div>
      {comparison ? (
        <MergeForm
          entity={entity}
          comparison={comparison}
          fields={fields}
          defaults={defaults}
          actionData={actionData}
        />
      ) : (
        <MergeFinder entity={entity} survivorId={survivorId} text={text} found={found} />
      )}
    </div>
  );
}
