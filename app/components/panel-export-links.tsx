import { useTranslation } from "react-i18next";
import { BODY_LEVELS } from "../../db/schema";
import { IMPORT_TOOL_KINDS, PANEL_EXPORT_KINDS, PERSONAL_DATA_KINDS } from "../services/panel-export-kinds";

/**
 * The downloads of a wave, one line each on what the file is for. Files for a survey tool are not
 * offered while the wave is a draft (the route refuses them too); personal-data files only to those
 * who run waves.
 */
export function PanelExportLinks({
  waveId,
  draft,
  canRunResearch,
}: {
  waveId: number;
  draft: boolean;
  canRunResearch: boolean;
}) {
  const { t } = useTranslation();
  const kinds = PANEL_EXPORT_KINDS.filter(
    (kind) => (canRunResearch || !PERSONAL_DATA_KINDS.includes(kind)) && !(draft && IMPORT_TOOL_KINDS.includes(kind)),
  );
  return (
    <section aria-labelledby="panel-exports-heading" className="space-y-2">
      <h2 id="panel-exports-heading" className="text-lg font-semibold">
        {t("panelExports.title")}
      </h2>
      <p className="text-sm">{t("panelExports.intro")}</p>
      <ul className="space-y-2">
        {kinds.map((kind) => (
          <li key={kind}>
            <a href={`/onderzoek/${waveId}/export/${kind}`} className="font-medium underline" download>
              {t(`panelExports.kinds.${kind}.label`)}
            </a>
            <span className="block text-sm">{t(`panelExports.kinds.${kind}.description`)}</span>
          </li>
        ))}
      </ul>
      {draft ? <p className="text-sm">{t("panelExports.draftRefused")}</p> : null}
      {/* a plain form, not Remix's: the answer is a file to download, not a page */}
      <form method="get" action={`/onderzoek/${waveId}/export/organisaties-csv`} className="space-y-2">
        <input type="hidden" name="bron" value="niveaus" />
        <fieldset className="space-y-1">
          <legend className="font-medium">{t("panelExports.rosterLevels.legend")}</legend>
          <p className="text-sm">{t("panelExports.rosterLevels.help")}</p>
          {BODY_LEVELS.map((level) => (
            <label key={level} className="flex items-center gap-2">
              <input type="checkbox" name="niveau" value={level} />
              {t(`register.levels.${level}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn-secondary">
          {t("panelExports.rosterLevels.submit")}
        </button>
      </form>
    </section>
  );
}
