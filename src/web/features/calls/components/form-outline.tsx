import { FORM_STAGES, type CallForm } from '@shared/contracts/calls';
import { EmptyState } from '@web/components/ui/states';
import { localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/** The sections of each stage's form, with how many questions (and how many required) each holds. */
export function FormOutline({ forms }: { forms: readonly CallForm[] }) {
  const { t, lang } = useI18n();
  if (forms.length === 0) {
    return <EmptyState>{t('calls.detail.formMissing')}</EmptyState>;
  }
  const sorted = [...forms].sort((a, b) => FORM_STAGES.indexOf(a.stage) - FORM_STAGES.indexOf(b.stage));
  return (
    <div className="form-outline" data-testid="form-outline">
      {sorted.map((form) => (
        <div key={form.id} className="form-outline__stage">
          {forms.length > 1 || form.stage !== 'proposal' ? (
            <h3>{t(`proposals.stage.${form.stage}`)}</h3>
          ) : null}
          <ol className="form-outline__sections">
            {form.definition.sections.map((section) => {
              const required = section.questions.filter((q) => q.required).length;
              return (
                <li key={section.id}>
                  <span className="form-outline__title">
                    {localText({ titleTh: section.titleTh, titleEn: section.titleEn }, 'title', lang)}
                  </span>
                  <span className="form-outline__meta">
                    {t('calls.detail.questions', { count: section.questions.length })}
                    {required > 0 ? ` · ${t('calls.detail.requiredQuestions', { count: required })}` : ''}
                  </span>
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </div>
  );
}
