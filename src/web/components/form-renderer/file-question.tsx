import { useRef, useState, type ChangeEvent } from 'react';
import type { Question } from '@shared/contracts/forms';
import type { Attachment } from '@shared/contracts/proposals';
import { toApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { useRenderer } from './context';
import { acceptAttribute, checkChosenFile, formatFileSize } from './file-kinds';
import { GroupFrame, type FrameProps } from './frames';

type FileQuestionType = Extract<Question, { type: 'file' }>;

interface Upload {
  key: number;
  name: string;
  fraction: number;
}

/** The attachment ids of a file answer. */
export function fileIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The kinds a file question accepts, in words ("PDF, Word"). */
export function useKindsText(question: FileQuestionType): string {
  const { t } = useI18n();
  return question.accept.map((kind) => t(`proposals.form.file.kinds.${kind}`)).join(', ');
}

/**
 * Files of one question: each chosen file is checked here first (kind by its name, size), then sent with a
 * progress bar; the server checks the content again and its refusal is shown. Files can be removed.
 */
export function FileQuestion({
  question,
  frame,
  value,
}: {
  question: FileQuestionType;
  frame: FrameProps;
  value: unknown;
}) {
  const { t } = useI18n();
  const { files, update } = useRenderer();
  const ids = fileIds(value);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [removing, setRemoving] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const counter = useRef(0);
  const kinds = useKindsText(question);
  const inputId = `${frame.id}-input`;
  const problemsId = `${frame.id}-problems`;
  const maxSize = formatFileSize(question.maxSizeBytes);
  const full = ids.length + uploads.length >= question.maxFiles;

  const attachmentOf = (id: string): Attachment | undefined => files?.attachments.find((a) => a.id === id);

  const send = (file: File) => {
    if (!files) {
      return;
    }
    counter.current += 1;
    const key = counter.current;
    setUploads((list) => [...list, { key, name: file.name, fraction: 0 }]);
    files
      .upload(question.id, file, (fraction) =>
        setUploads((list) => list.map((u) => (u.key === key ? { ...u, fraction } : u))),
      )
      .then(
        (attachment) => {
          update(question.id, (previous) => [...fileIds(previous), attachment.id]);
        },
        (error: unknown) => {
          setProblems((list) => [
            ...list,
            t('proposals.form.file.failed', { name: file.name, message: apiErrorText(toApiError(error), t) }),
          ]);
        },
      )
      .finally(() => setUploads((list) => list.filter((u) => u.key !== key)));
  };

  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    const found: string[] = [];
    let room = question.maxFiles - ids.length - uploads.length;
    for (const file of chosen) {
      const problem = checkChosenFile(file, question);
      if (problem?.problem === 'wrongType') {
        found.push(t('proposals.form.file.wrongType', { name: file.name, kinds }));
      } else if (problem?.problem === 'tooBig') {
        found.push(
          t('proposals.form.file.tooBig', {
            name: file.name,
            size: formatFileSize(problem.size),
            max: maxSize,
          }),
        );
      } else if (room <= 0) {
        found.push(t('proposals.form.file.tooMany', { max: question.maxFiles }));
        break;
      } else {
        room -= 1;
        send(file);
      }
    }
    setProblems(found);
  };

  const remove = (id: string) => {
    const attachment = attachmentOf(id);
    if (!files || !attachment) {
      update(question.id, (previous) => fileIds(previous).filter((x) => x !== id));
      return;
    }
    setRemoving(id);
    setProblems([]);
    files.remove(attachment).then(
      () => {
        update(question.id, (previous) => fileIds(previous).filter((x) => x !== id));
        setRemoving(null);
        inputRef.current?.focus();
      },
      (error: unknown) => {
        setRemoving(null);
        setProblems([t('proposals.form.file.removeFailed', { message: apiErrorText(toApiError(error), t) })]);
      },
    );
  };

  return (
    <GroupFrame
      {...frame}
      note={
        files
          ? t('proposals.form.file.rules', { kinds, size: maxSize, max: question.maxFiles })
          : t('proposals.form.file.unavailable')
      }
    >
      {ids.length === 0 && uploads.length === 0 ? (
        <p className="fr-table__empty">{t('proposals.form.file.none')}</p>
      ) : (
        <ul className="fr-files">
          {ids.map((id) => {
            const attachment = attachmentOf(id);
            const name = attachment?.fileName ?? t('proposals.form.file.unknownFile');
            return (
              <li key={id} className="fr-files__item" data-testid="attachment">
                {attachment && files ? (
                  <a
                    href={files.downloadHref(attachment)}
                    className="fr-files__name"
                    download={attachment.fileName}
                  >
                    {name}
                  </a>
                ) : (
                  <span className="fr-files__name">{name}</span>
                )}
                {attachment ? (
                  <span className="fr-files__size">{formatFileSize(attachment.sizeBytes)}</span>
                ) : null}
                <button
                  type="button"
                  className="fr-small-button fr-small-button--danger"
                  aria-label={t('proposals.form.file.removeLabel', { name })}
                  disabled={removing === id}
                  onClick={() => remove(id)}
                >
                  {t('proposals.form.file.remove')}
                </button>
              </li>
            );
          })}
          {uploads.map((upload) => {
            const percent = Math.round(upload.fraction * 100);
            const label = t('proposals.form.file.uploading', { name: upload.name, percent });
            return (
              <li key={upload.key} className="fr-files__item fr-files__item--uploading">
                <span className="fr-files__name">{label}</span>
                <progress max={100} value={percent} aria-label={label} />
              </li>
            );
          })}
        </ul>
      )}
      {problems.length > 0 ? (
        <div id={problemsId} className="fr-files__problems" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : null}
      <div className="fr-file-picker">
        <input
          ref={inputRef}
          id={inputId}
          className="fr-file-picker__input"
          type="file"
          accept={acceptAttribute(question.accept)}
          multiple={question.maxFiles > 1}
          disabled={!files || full}
          aria-describedby={problems.length > 0 ? problemsId : undefined}
          onChange={onChoose}
          data-testid={`file-input-${question.id}`}
        />
        <label htmlFor={inputId} className="fr-small-button fr-file-picker__label">
          {ids.length > 0 ? t('proposals.form.file.chooseMore') : t('proposals.form.file.choose')}
        </label>
      </div>
    </GroupFrame>
  );
}
