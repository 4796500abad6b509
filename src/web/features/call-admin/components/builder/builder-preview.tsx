import type { FormDefinition } from '@shared/contracts/forms';
import { FormRenderer, usePreviewAnswers } from '@web/components/form-renderer';
import { useI18n } from '@web/lib/i18n';

/**
 * The form as applicants will see it, drawn by the shared renderer: it can be filled in to try the conditions and
 * the messages; nothing typed here is kept.
 */
export function BuilderPreview({ definition, valid }: { definition: FormDefinition; valid: boolean }) {
  const { t } = useI18n();
  const preview = usePreviewAnswers(definition);
  if (!valid) {
    return (
      <div className="panel-card ca-preview" data-testid="form-preview">
        <p className="state state--empty">{t('calls.admin.builder.previewInvalid')}</p>
      </div>
    );
  }
  return (
    <div className="panel-card ca-preview" data-testid="form-preview">
      <div className="ca-preview__bar">
        <p className="field__hint">{t('calls.admin.builder.previewHint')}</p>
        <button type="button" className="action-button" onClick={preview.reset}>
          {t('calls.admin.builder.previewReset')}
        </button>
      </div>
      <FormRenderer
        form={definition}
        answers={preview.answers}
        onAnswer={preview.onAnswer}
        issues={preview.issues}
        onTouch={preview.onTouch}
        idPrefix="preview-"
      />
    </div>
  );
}
