import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../db/schema";
import { type ConstituencyNames, constituencyIn } from "../../services/governance";

/** " namens <organisation>" or " namens achterban Welzijn, Noord" after a seat; nothing for a seat on nobody's behalf. */
export function SeatOnBehalf({
  seat,
}: {
  seat: ConstituencyNames & { organisation_id: number | null; organisation_name: string | null };
}) {
  const { t, i18n } = useTranslation();
  const constituency = constituencyIn(seat, i18n.language as Language);
  if (seat.organisation_id === null && constituency === null) return null;
  return (
    <>
      {" "}
      {t("people.timeline.onBehalfOf")}{" "}
      {seat.organisation_id !== null ? (
        <Link to={`/organisaties/${seat.organisation_id}`} className="underline">
          {seat.organisation_name}
        </Link>
      ) : (
        t("governance.constituency.onBehalf", { what: constituency })
      )}
    </>
  );
}
