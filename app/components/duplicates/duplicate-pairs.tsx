import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OrganisationMatchReason, PersonMatchReason } from "../../services/duplicate-matching";

export type DuplicateRecords = "personen" | "organisaties";

interface Named {
  id: number;
  name: string;
}

export interface ShownPair {
  score: number;
  reasons: string[];
  survivor: Named;
  other: Named;
}

/** The reasons of a match in words, joined into one phrase. */
export function ReasonList({ records, reasons }: { records: DuplicateRecords; reasons: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {reasons
        .map((reason) =>
          records === "personen"
            ? t(`duplicates.personReasons.${reason as PersonMatchReason}`)
            : t(`duplicates.organisationReasons.${reason as OrganisationMatchReason}`),
        )
        .join(", ")}
    </>
  );
}

/**
 * The likely pairs, best first: both records linked, the score and why, and for editors the way
 * to the merge page (the older record kept by default) and the "not the same" button.
 */
export function DuplicatePairsTable({
  records,
  pairs,
  canEdit,
}: {
  records: DuplicateRecords;
  pairs: readonly ShownPair[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <caption className="sr-only">{t("duplicates.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("duplicates.columns.pair")}</th>
          <th scope="col">{t("duplicates.columns.score")}</th>
          <th scope="col">{t("duplicates.columns.reasons")}</th>
          {canEdit ? <th scope="col">{t("duplicates.columns.actions")}</th> : null}
        </tr>
      </thead>
      <tbody>
        {pairs.map(({ survivor, other, score, reasons }) => {
          const names = { first: survivor.name, second: other.name };
          return (
            <tr key={`${survivor.id}-${other.id}`}>
              <th scope="row" className="font-normal">
                <Link to={`/${records}/${survivor.id}`}>{survivor.name}</Link>
                <br />
                <Link to={`/${records}/${other.id}`}>{other.name}</Link>
              </th>
              <td>
                <span aria-label={t("duplicates.scoreOf", { score })}>{score}</span>
              </td>
              <td>
                <ReasonList records={records} reasons={reasons} />
              </td>
              {canEdit ? (
                <td>
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      to={`/${records}/${survivor.id}/samenvoegen?met=${other.id}`}
                      className="btn-secondary"
                      aria-label={t("duplicates.mergeLabel", names)}
                    >
                      {t("duplicates.merge")}
                    </Link>
                    <Form method="post">
                      <input type="hidden" name="intent" value="notSame" />
                      <input type="hidden" name="first" value={survivor.id} />
                      <input type="hidden" name="second" value={other.id} />
                      <button type="submit" className="btn-secondary" aria-label={t("duplicates.notSameLabel", names)}>
                        {t("duplicates.notSame")}
                      </button>
                    </Form>
                  </div>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * On a create form that came back: the records the new one may duplicate, each linked, with its
 * score and why. The form below it carries the "create anyway" checkbox.
 */
export function DuplicateWarning({
  records,
  duplicates,
}: {
  records: DuplicateRecords;
  duplicates: readonly (Named & { score: number; reasons: string[] })[];
}) {
  const { t } = useTranslation();
  const title = records === "personen" ? "duplicates.warning.title" : "duplicates.warning.organisationTitle";
  return (
    <section
      aria-labelledby="duplicate-warning"
      className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 id="duplicate-warning" className="font-semibold">
        {t(title, { count: duplicates.length })}
      </h2>
      <p className="mt-1">{t("duplicates.warning.intro")}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {duplicates.map((duplicate) => (
          <li key={duplicate.id}>
            <Link to={`/${records}/${duplicate.id}`}>{duplicate.name}</Link> —{" "}
            {t("duplicates.scoreOf", { score: duplicate.score })}:{" "}
            <ReasonList records={records} reasons={duplicate.reasons} />
          </li>
        ))}
      </ul>
    </section>
  );
}
