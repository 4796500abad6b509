import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { FORM_STAGES, type CallDetail, type CallForm, type FormStage } from '@shared/contracts/calls';
import { FORM_LIMITS } from '@shared/contracts/forms';
import { callsEn, callsTh } from '@shared/i18n/parts/calls';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { fieldIssues, toApiError } from '@web/lib/api';
import { formatDate, localText } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { callAdminApi, useCall, useCallForms } from '../api';
import { callStages } from '../call-form-values';
import { BuilderPreview } from '../components/builder/builder-preview';
import { QuestionEditor } from '../components/builder/question-editor';
import { SectionEditor } from '../components/builder/section-editor';
import { RequireOfficer } from '../components/require-officer';
import { checkDefinition, serverIssues, type BuilderIssues } from '../form-builder/issues';
import {
  conditionSources,
  dropConditionsOn,
  findQuestion,
  fromDefinition,
  moveItem,
  moveQuestion,
  newQuestion,
  newSection,
  pruneConditionValues,
  questionIds,
  renameConditionTarget,
  replaceSection,
  sectionIds,
  starterForm,
  toDefinition,
  type BuilderForm,
  type BuilderQuestion,
} from '../form-builder/model';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '../call-admin.css';
import { useUnsavedGuard } from '@web/lib/use-unsaved-guard';

// New sections, questions and options get a title in both languages at once, so this page takes both languages'
// wording from the calls part of the catalogue itself (the web loads one language's catalogue at a time).
const TH = callsTh.admin.builder;
const EN = callsEn.admin.builder;

function isStage(value: string | undefined): value is FormStage {
  return value !== undefined && (FORM_STAGES as readonly string[]).includes(value);
}

/** The newest version of a stage's form, when there is one. */
function latestForm(forms: readonly CallForm[], stage: FormStage): CallForm | undefined {
  return forms
    .filter((f) => f.stage === stage)
    .reduce<CallForm | undefined>((best, f) => (best && best.version >= f.version ? best : f), undefined);
}

function VersionNote({ form }: { form: CallForm | undefined }) {
  const { t, lang } = useI18n();
  if (!form) {
    return <p data-testid="form-version">{t('calls.admin.builder.noVersion')}</p>;
  }
  return form.frozenAt ? (
    <p data-testid="form-version" className="ca-version ca-version--frozen">
      <strong>{t('calls.admin.builder.versionFrozen', { version: form.version })}</strong>{' '}
      {t('calls.admin.builder.frozenNote', {
        version: form.version,
        next: form.version + 1,
        date: formatDate(form.frozenAt, lang, 'dateTime'),
      })}
    </p>
  ) : (
    <p data-testid="form-version" className="ca-version">
      <strong>{t('calls.admin.builder.version', { version: form.version })}</strong>{' '}
      {t('calls.admin.builder.notFrozenNote')}
    </p>
  );
}

function Builder({
  call,
  stage,
  saved,
  onSaved,
}: {
  call: CallDetail;
  stage: FormStage;
  saved: CallForm | undefined;
  onSaved: (form: CallForm) => void;
}) {
  const { t, lang } = useI18n();
  const [form, setForm] = useState<BuilderForm>(() =>
    saved
      ? fromDefinition(saved.definition)
      : starterForm({
          sectionTh: TH.starterSection,
          sectionEn: EN.starterSection,
          questionTh: TH.starterQuestion,
          questionEn: EN.starterQuestion,
        }),
  );
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [fromServer, setFromServer] = useState<BuilderIssues>(new Map());
  const [status, setStatus] = useState<{ kind: 'saving' | 'ok' | 'error'; message: string } | null>(null);
  const [dirty, setDirty] = useState(false);
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  const [announcement, setAnnouncement] = useState('');

  const definition = useMemo(() => toDefinition(form), [form]);
  const clientIssues = useMemo(() => checkDefinition(definition, t), [definition, t]);
  const issues: BuilderIssues = useMemo(() => {
    const all = new Map(attempted ? clientIssues : []);
    for (const [path, message] of fromServer) {
      if (!all.has(path)) {
        all.set(path, message);
      }
    }
    return all;
  }, [attempted, clientIssues, fromServer]);

  useUnsavedGuard(dirty, t('calls.admin.builder.leaveConfirm'));

  const change = (next: BuilderForm) => {
    setForm(next);
    setDirty(true);
    setFromServer(new Map());
    if (status?.kind !== 'saving') {
      setStatus(null);
    }
  };

  const toggle = (key: string, open?: boolean) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !next.has(key)) {
        next.add(key);
      } else {
        next.delete(key);
      }
      return next;
    });

  const patchQuestion = (before: BuilderQuestion, after: BuilderQuestion) => {
    const at = findQuestion(form, before.key);
    const section = at ? form.sections[at.sectionIndex] : undefined;
    if (!at || !section) {
      return;
    }
    let next = replaceSection(form, at.sectionIndex, {
      ...section,
      questions: section.questions.map((q) => (q.key === before.key ? after : q)),
    });
    next = renameConditionTarget(next, before.question.id, after.question.id);
    next = pruneConditionValues(next, after.question);
    change(next);
  };

  const addQuestion = (sectionIndex: number, type: Parameters<typeof newQuestion>[1]) => {
    const section = form.sections[sectionIndex];
    if (!section) {
      return;
    }
    const number = section.questions.length + 1;
    const item = newQuestion(form, type, `${TH.newQuestion} ${number}`, `${EN.newQuestion} ${number}`);
    change(replaceSection(form, sectionIndex, { ...section, questions: [...section.questions, item] }));
    toggle(item.key, true);
    setAnnouncement(t('calls.admin.builder.questionAdded'));
  };

  const removeQuestion = (sectionIndex: number, item: BuilderQuestion) => {
    const section = form.sections[sectionIndex];
    if (!section) {
      return;
    }
    const next = replaceSection(form, sectionIndex, {
      ...section,
      questions: section.questions.filter((q) => q.key !== item.key),
    });
    change(dropConditionsOn(next, item.question.id));
    setAnnouncement(
      t('calls.admin.builder.questionRemoved', { name: localText(item.question, 'label', lang) }),
    );
  };

  const addSection = () => {
    const number = form.sections.length + 1;
    const section = newSection(form, `${TH.newSection} ${number}`, `${EN.newSection} ${number}`);
    change({ sections: [...form.sections, section] });
    setAnnouncement(t('calls.admin.builder.sectionAdded'));
  };

  const save = () => {
    setAttempted(true);
    const problems = checkDefinition(definition, t);
    if (problems.size > 0) {
      // Open every question with a problem, so that each message is in view.
      setExpanded((current) => {
        const next = new Set(current);
        for (const [s, section] of form.sections.entries()) {
          for (const [q, item] of section.questions.entries()) {
            if (
              [...problems.keys()].some(
                (p) => p === `sections.${s}.questions.${q}` || p.startsWith(`sections.${s}.questions.${q}.`),
              )
            ) {
              next.add(item.key);
            }
          }
        }
        return next;
      });
      setView('edit');
      setStatus({ kind: 'error', message: t('calls.admin.builder.fixProblems', { count: problems.size }) });
      return;
    }
    setStatus({ kind: 'saving', message: t('forms.working') });
    callAdminApi.saveForm(call.id, stage, definition).then(
      (result) => {
        setDirty(false);
        setStatus({ kind: 'ok', message: t('calls.admin.builder.saved', { version: result.version }) });
        onSaved(result);
      },
      (caught: unknown) => {
        const error = toApiError(caught);
        setFromServer(serverIssues(fieldIssues(error), apiErrorText(error, t)));
        setStatus({ kind: 'error', message: apiErrorText(error, t) });
      },
    );
  };

  // Problems that belong to no section or question (the whole form, the stage) are listed in the alert itself.
  const unplaced = [...issues].filter(([path]) => !/^sections\.\d+/.test(path));
  const problemCount = issues.size - unplaced.length;
  const questionTotal = form.sections.reduce((sum, section) => sum + section.questions.length, 0);

  return (
    <>
      <div className="ca-builder-bar">
        <div className="ca-tabs" role="group" aria-label={t('calls.admin.builder.viewLabel')}>
          <button
            type="button"
            className="ca-tab"
            aria-pressed={view === 'edit'}
            onClick={() => setView('edit')}
          >
            {t('calls.admin.builder.edit')}
          </button>
          <button
            type="button"
            className="ca-tab"
            aria-pressed={view === 'preview'}
            onClick={() => setView('preview')}
            data-testid="preview-tab"
          >
            {t('calls.admin.builder.preview')}
          </button>
        </div>
        <div className="ca-builder-bar__save">
          {dirty ? <span className="ca-muted">{t('calls.admin.builder.unsaved')}</span> : null}
          <button
            type="button"
            className="button button--primary"
            onClick={save}
            disabled={status?.kind === 'saving'}
            data-testid="save-form"
          >
            {status?.kind === 'saving' ? t('forms.working') : t('calls.admin.builder.save')}
          </button>
        </div>
      </div>
      <div aria-live="polite" className="ca-builder-status">
        {status?.kind === 'ok' ? <FormSuccess>{status.message}</FormSuccess> : null}
      </div>
      {status?.kind === 'error' ? (
        <FormAlert testId="builder-error">
          <p>{status.message}</p>
          {unplaced.map(([path, message]) => (
            <p key={path}>{message}</p>
          ))}
          {problemCount > 0 ? <p>{t('calls.admin.builder.problemsBelow', { count: problemCount })}</p> : null}
        </FormAlert>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>

      {view === 'preview' ? (
        <BuilderPreview definition={definition} valid={clientIssues.size === 0} />
      ) : (
        <div className="ca-builder" data-testid="form-builder">
          {form.sections.map((section, s) => {
            const path = `sections.${s}`;
            return (
              <SectionEditor
                key={section.key}
                item={section}
                index={s}
                count={form.sections.length}
                path={path}
                issues={issues}
                takenIds={sectionIds(form, section.key)}
                onChange={(next) => change(replaceSection(form, s, next))}
                onMove={(by) => change({ sections: moveItem(form.sections, s, by) })}
                onRemove={() => {
                  let next: BuilderForm = { sections: form.sections.filter((_, i) => i !== s) };
                  for (const q of section.questions) {
                    next = dropConditionsOn(next, q.question.id);
                  }
                  change(next);
                  setAnnouncement(t('calls.admin.builder.sectionRemoved'));
                }}
                onAddQuestion={(type) => addQuestion(s, type)}
              >
                {section.questions.length > 0 ? (
                  <ol className="ca-questions">
                    {section.questions.map((item, q) => {
                      const isFirst = s === 0 && q === 0;
                      const isLast = s === form.sections.length - 1 && q === section.questions.length - 1;
                      return (
                        <QuestionEditor
                          key={item.key}
                          item={item}
                          number={`${s + 1}.${q + 1}`}
                          path={`${path}.questions.${q}`}
                          issues={issues}
                          sources={conditionSources(form, item.key)}
                          takenIds={questionIds(form, item.key)}
                          expanded={expanded.has(item.key)}
                          onToggle={() => toggle(item.key)}
                          canUp={!isFirst}
                          canDown={!isLast}
                          onMove={(by) => {
                            change(moveQuestion(form, s, q, by));
                            setAnnouncement(
                              t('calls.admin.builder.questionMoved', {
                                name: localText(item.question, 'label', lang),
                              }),
                            );
                          }}
                          onRemove={() => removeQuestion(s, item)}
                          onChange={(next) => patchQuestion(item, next)}
                        />
                      );
                    })}
                  </ol>
                ) : null}
              </SectionEditor>
            );
          })}
          {form.sections.length < FORM_LIMITS.sections ? (
            <p>
              <button
                type="button"
                className="button button--secondary"
                onClick={addSection}
                data-testid="add-section"
              >
                {t('calls.admin.builder.addSection')}
              </button>
            </p>
          ) : null}
          <p className="ca-muted">{t('calls.admin.builder.questionCount', { count: questionTotal })}</p>
        </div>
      )}
    </>
  );
}

function FormBuilder() {
  const { t, lang } = useI18n();
  const { id, stage } = useParams();
  const call = useCall(id);
  const forms = useCallForms(id);
  const [saved, setSaved] = useState<CallForm | null>(null);
  usePageTitle(t('calls.admin.builder.title'));

  const failure = call.status === 'error' ? call.error : forms.status === 'error' ? forms.error : null;
  if (!isStage(stage) || failure?.isNotFound || failure?.status === 400) {
    return (
      <NotFoundState
        title={t('calls.admin.edit.notFound')}
        text={t('calls.admin.edit.notFoundText')}
        back={{ to: '/admin/calls', label: t('calls.admin.list.title') }}
      />
    );
  }
  if (failure) {
    return (
      <div className="container page-body">
        <ErrorState
          error={failure}
          onRetry={() => {
            call.reload();
            forms.reload();
          }}
        />
      </div>
    );
  }
  if (call.status !== 'success' || forms.status !== 'success') {
    return <LoadingState />;
  }
  const stages = callStages(call.data);
  const fromList = latestForm(forms.data, stage);
  const current =
    saved && saved.stage === stage && (!fromList || saved.version >= fromList.version) ? saved : fromList;
  return (
    <>
      <PageHeader
        title={t('calls.admin.builder.title')}
        eyebrow={<code>{call.data.code}</code>}
        intro={
          <>
            <p>
              {localText(call.data, 'title', lang)} · {t(`calls.admin.stage.${stage}`)}
            </p>
            <VersionNote form={current} />
          </>
        }
        back={{ to: `/admin/calls/${call.data.id}/edit`, label: t('calls.admin.builder.backToCall') }}
      >
        {stages.length > 1 || !stages.includes(stage) ? (
          <nav className="ca-tabs" aria-label={t('calls.admin.builder.stages')}>
            {stages.map((s) => (
              <Link
                key={s}
                className="ca-tab"
                to={`/admin/calls/${call.data.id}/form/${s}`}
                aria-current={s === stage ? 'page' : undefined}
              >
                {t(`calls.admin.stage.${s}`)}
              </Link>
            ))}
          </nav>
        ) : null}
      </PageHeader>
      <div className="container page-body">
        {!stages.includes(stage) ? <FormAlert>{t('calls.admin.builder.stageNotUsed')}</FormAlert> : null}
        <Builder
          key={`${call.data.id}:${stage}`}
          call={call.data}
          stage={stage}
          saved={current}
          onSaved={setSaved}
        />
      </div>
    </>
  );
}

/** `/admin/calls/:id/form/:stage`: officers compose a stage's form; a frozen version is kept and a new one made. */
export default function FormBuilderPage() {
  return (
    <RequireOfficer>
      <FormBuilder />
    </RequireOfficer>
  );
}
