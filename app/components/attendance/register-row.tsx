import { useTranslation } from "react-i18next";
import type { DraftRow, SearchAnswer } from "../../services/attendance-draft";
import { intentValue, MEMBER_FIELD, statusField, substituteField } from "../../services/attendance-form";
import type { FormErrors } from "../../services/form-data";
import { StatusChoice } from "./status-choice";
import { SubstitutePicker } from "./substitute-picker";

/** One person on the register: who, and a status to choose (with a substitute for "vervangen"). */
export function RegisterRow({
  row,
  errors,
  search,
  round,
  focusStatus,
}: {
  row: DraftRow;
  errors: FormErrors;
  search: SearchAnswer | undefined;
  round: number;
  focusStatus: boolean;
}) {
  const { t } = useTranslation();
  const { line } = row;
  const id = line.person_id;
  const details = [line.role ? t(`register.roles.${line.role}`) : null, line.organisation_name]
    .filter(Boolean)
    .join(" · ");

  return (
    <tr className="group has-[input[value=vervangen]:checked]:bg-slate-50">
      <th scope="row" className="font-medium">
        <input type="hidden" name={MEMBER_FIELD} value={id} />
        <span id={`row-${id}`}>{line.name}</span>
        {details ? <span className="block text-sm font-normal text-slate-600 md:hidden">{details}</span> : null}
        {line.expected ? null : (
          <span className="mt-1 block text-sm font-normal text-amber-800">
            {t("attendance.notExpected")}{" "}
            <button type="submit" name="intent" value={intentValue.removeMember(id)} className="underline">
              {t("attendance.removeMember", { name: line.name })}
            </button>
          </span>
        )}
      </th>
      <td className="hidden md:table-cell">{line.role ? t(`register.roles.${line.role}`) : t("attendance.invited")}</td>
      <td className="hidden md:table-cell">{line.organisation_name}</td>
      <td>
        <StatusChoice row={row} error={errors[statusField(id)]} focusStatus={focusStatus} />
        <SubstitutePicker row={row} error={errors[substituteField(id)]} search={search} round={round} />
      </td>
    </tr>
  );
}
