import { useState, type BaseSyntheticEvent, type ReactNode } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormRegisterReturn,
  type UseFormReturn,
} from 'react-hook-form';
import { THEMES } from '@shared/reference/themes';
import { SaveProblemAlert, SubmitButton, TextAreaField, TextField } from '@web/components/ui/form';
import { fieldIssues, toApiError } from '@web/lib/api';
import { localName } from '@web/lib/format';
import { apiErrorText, type Translate } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { IlCheckboxGroup } from './il-checkbox-group';

/** The props both library entry forms (indicator, financial proxy) take from their page. */
export interface LibraryEntryFormProps<E> {
  /** The entry to change; null adds one. */
  editing: E | null;
  onSaved: (row: E) => void;
  onCancel: () => void;
}

/** The fields every library entry has, by their form names. */
type CommonField =
  'code' | 'nameTh' | 'nameEn' | 'unitTh' | 'unitEn' | 'descriptionTh' | 'descriptionEn' | 'themes';

/** What a field component needs of the form: its registration and its error message. */
interface FieldBinding {
  registration: UseFormRegisterReturn;
  error: string | undefined;
}

type SaveProblem = { kind: 'error' | 'stale'; message: string };

/** The state of a library entry form that the shared frame and field blocks read. */
export interface LibraryEntryFormState<E> {
  /** The entry as last read or saved; null while adding. */
  current: E | null;
  problem: SaveProblem | null;
  isSubmitting: boolean;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  reloadLatest: () => void;
  toggleActive: () => void;
  field: (name: CommonField) => FieldBinding;
}

/**
 * Wires a library entry form: save (create, or update with the version read), reload the latest after a stale
 * version, deactivate or reactivate, and put the server's field problems under their fields (any other problem,
 * and a stale version, above the form).
 */
export function useLibraryEntryForm<
  V extends FieldValues,
  E extends { id: string; version: number; isActive: boolean },
  B extends { code: string },
>(options: {
  editing: E | null;
  onSaved: (row: E) => void;
  resolver: Resolver<V>;
  empty: DefaultValues<V>;
  toValues: (row: E) => DefaultValues<V>;
  /** The form field a server issue's path names, or null. */
  fieldOf: (path: string) => Path<V> | null;
  /** The create body of the values (the update sends it without `code`). */
  toBody: (values: V) => B;
  get: (id: string) => Promise<E>;
  create: (body: B) => Promise<E>;
  update: (
    id: string,
    body: (Omit<B, 'code'> & { version: number }) | { version: number; isActive: boolean },
  ) => Promise<E>;
}): Omit<LibraryEntryFormState<E>, 'field'> & {
  form: UseFormReturn<V>;
  field: (name: Path<V>) => FieldBinding;
} {
  const { editing, onSaved, toValues, fieldOf, toBody, get, create, update } = options;
  const { t } = useI18n();
  const [current, setCurrent] = useState(editing);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const form = useForm<V>({
    resolver: options.resolver,
    defaultValues: editing ? toValues(editing) : options.empty,
  });
  const { handleSubmit, setError, reset, register, getFieldState, formState } = form;

  const send = async (body: () => Promise<E>) => {
    setProblem(null);
    try {
      onSaved(await body());
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'CONFLICT' && current && fieldIssues(error).length === 0) {
        setProblem({ kind: 'stale', message: t('impactLibrary.common.stale') });
        return;
      }
      let placed = false;
      for (const issue of fieldIssues(error)) {
        const name = fieldOf(issue.field);
        if (name) {
          setError(name, { type: 'server', message: issue.message });
          placed = true;
        }
      }
      if (!placed) {
        setProblem({ kind: 'error', message: apiErrorText(error, t) });
      }
    }
  };

  const onSubmit = handleSubmit((values) => {
    const body = toBody(values);
    const { code: _code, ...fields } = body;
    return send(() => (current ? update(current.id, { ...fields, version: current.version }) : create(body)));
  });

  const reloadLatest = () => {
    if (!current) {
      return;
    }
    get(current.id).then(
      (latest) => {
        setCurrent(latest);
        reset(toValues(latest));
        setProblem(null);
      },
      (caught: unknown) => setProblem({ kind: 'error', message: apiErrorText(toApiError(caught), t) }),
    );
  };

  const toggleActive = () => {
    if (current) {
      void send(() => update(current.id, { version: current.version, isActive: !current.isActive }));
    }
  };

  return {
    form,
    current,
    problem,
    isSubmitting: formState.isSubmitting,
    onSubmit,
    reloadLatest,
    toggleActive,
    field: (name) => ({ registration: register(name), error: getFieldState(name, formState).error?.message }),
  };
}

const NAME_FIELDS = [
  { name: 'nameTh', label: 'impactLibrary.common.nameTh', lang: 'th', testId: 'il-name-th' },
  { name: 'nameEn', label: 'impactLibrary.common.nameEn', lang: 'en', testId: 'il-name-en' },
] as const;

const UNIT_FIELDS = [
  { name: 'unitTh', label: 'impactLibrary.common.unitTh', lang: 'th', testId: 'il-unit-th' },
  { name: 'unitEn', label: 'impactLibrary.common.unitEn', lang: 'en', testId: 'il-unit-en' },
] as const;

const DESCRIPTION_FIELDS = [
  { name: 'descriptionTh', label: 'impactLibrary.common.descriptionTh', lang: 'th' },
  { name: 'descriptionEn', label: 'impactLibrary.common.descriptionEn', lang: 'en' },
] as const;

/*
 * The field blocks below are functions called while the frame renders (not components) so that the fields
 * register in the order they stand on the page: react-hook-form focuses the first registered field with an error.
 */

/** The Thai and English name boxes of a library entry. */
export function nameFields(field: (name: CommonField) => FieldBinding, t: Translate): ReactNode {
  return NAME_FIELDS.map((box) => (
    <TextField
      key={box.name}
      label={t(box.label)}
      {...field(box.name)}
      lang={box.lang}
      data-testid={box.testId}
    />
  ));
}

/** The Thai and English unit boxes of a library entry, with optional example placeholders. */
export function unitFields(
  field: (name: CommonField) => FieldBinding,
  t: Translate,
  placeholders?: { th: string; en: string },
): ReactNode {
  return UNIT_FIELDS.map((box) => (
    <TextField
      key={box.name}
      label={t(box.label)}
      {...field(box.name)}
      lang={box.lang}
      placeholder={placeholders?.[box.lang]}
      data-testid={box.testId}
    />
  ));
}

/**
 * The frame of a library entry form: the save problem, the grid (code first, then `grid()`), `extra()`, the themes,
 * the descriptions, and the save / cancel / deactivate row. `grid` and `extra` are called while the frame renders,
 * in page order, so that the fields register in that order (see {@link nameFields}).
 */
export function IlLibraryEntryForm<E extends { isActive: boolean }>({
  entry,
  testId,
  onCancel,
  grid,
  extra,
}: {
  entry: LibraryEntryFormState<E>;
  testId: string;
  onCancel: () => void;
  grid: () => ReactNode;
  extra: () => ReactNode;
}) {
  const { t, lang } = useI18n();
  const { current, problem, field, isSubmitting } = entry;
  return (
    <form
      className="il-form"
      noValidate
      onSubmit={(event) => void entry.onSubmit(event)}
      data-testid={testId}
    >
      {problem ? (
        <SaveProblemAlert
          kind={problem.kind}
          message={problem.message}
          reloadLabel={t('impactLibrary.common.reloadLatest')}
          onReloadLatest={entry.reloadLatest}
        />
      ) : null}
      <div className="il-form__grid">
        <TextField
          label={t('impactLibrary.common.code')}
          hint={t('impactLibrary.common.codeHint')}
          {...field('code')}
          readOnly={current !== null}
          autoCapitalize="characters"
          maxLength={40}
          data-testid="il-code"
        />
        {grid()}
      </div>
      {extra()}
      <IlCheckboxGroup
        legend={t('impactLibrary.common.themes')}
        options={THEMES.map((theme) => ({ value: theme.code, label: localName(theme, lang) }))}
        {...field('themes')}
      />
      {DESCRIPTION_FIELDS.map((box) => (
        <TextAreaField key={box.name} label={t(box.label)} {...field(box.name)} lang={box.lang} rows={3} />
      ))}
      <div className="form-actions il-form__actions">
        <SubmitButton busy={isSubmitting} busyLabel={t('impactLibrary.common.saving')}>
          {t('impactLibrary.common.save')}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('impactLibrary.common.cancel')}
        </button>
        {current ? (
          <button
            type="button"
            className={current.isActive ? 'button button--danger' : 'button button--secondary'}
            onClick={entry.toggleActive}
            disabled={isSubmitting}
            data-testid="il-toggle-active"
          >
            {current.isActive ? t('impactLibrary.common.deactivate') : t('impactLibrary.common.reactivate')}
          </button>
        ) : null}
      </div>
      {current?.isActive ? <p className="il-muted">{t('impactLibrary.common.deactivateHint')}</p> : null}
    </form>
  );
}
