import { useI18n } from '@web/lib/i18n';
import { useProjectIndicators } from '../api-project';

/** A row the report's indicator table takes: the project indicator's code, name, unit and target. */
export interface OfferedIndicatorRow {
  indicatorCode: string;
  name: string;
  unit: string;
  target: string;
}

/**
 * In a progress report's indicator table: adds a row for each of the project's indicators not yet in the report
 * (code, name, unit and target filled in), so the grantee types the actual; on submission these rows become the
 * indicators' values for the report's period.
 */
export function ProjectIndicatorsOffer({
  projectId,
  presentCodes,
  onAdd,
}: {
  projectId: string;
  presentCodes: ReadonlyArray<string | null>;
  onAdd: (rows: OfferedIndicatorRow[]) => void;
}) {
  const { t, lang } = useI18n();
  const answer = useProjectIndicators(projectId);
  if (answer.status !== 'success' || answer.data.indicators.length === 0) {
    return null;
  }
  const missing = answer.data.indicators.filter((i) => !presentCodes.includes(i.code));
  if (missing.length === 0) {
    return <p className="pr-muted">{t('impactProject.ui.reportForm.allAdded')}</p>;
  }
  return (
    <p>
      <button
        type="button"
        className="pr-small-button"
        onClick={() =>
          onAdd(
            missing.map((i) => ({
              indicatorCode: i.code,
              name: lang === 'en' && i.nameEn ? i.nameEn : i.nameTh,
              unit: lang === 'en' && i.unitEn ? i.unitEn : i.unitTh,
              target: i.target === null ? '' : String(i.target),
            })),
          )
        }
        data-testid="report-add-project-indicators"
      >
        + {t('impactProject.ui.reportForm.addProjectIndicators')} ({missing.length})
      </button>
    </p>
  );
}
