import { useId, useRef, useState, type ChangeEvent } from 'react';
import { FILE_KINDS } from '@shared/contracts/forms';
import { PROJECT_LIMITS, type EvidenceFile } from '@shared/contracts/projects';
import { acceptAttribute, formatFileSize } from '@web/components/form-renderer/file-kinds';
import { fieldIssues, toApiError } from '@web/lib/api';
import { formatDate } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { evidenceHref, projectReportsApi, uploadEvidence, type EvidenceTarget } from '../api';

/** What a section does when one of its files is added or removed (the page keeps the report's list). */
export interface FileEvents {
  onAdded: (file: EvidenceFile) => void;
  onRemoved: (fileId: string) => void;
}

interface Upload {
  key: number;
  name: string;
  fraction: number;
}

const ACCEPT = acceptAttribute(FILE_KINDS);

/**
 * The evidence files of one part of a report (a milestone, the SRL, spending, other documents): links to download
 * them and, while the report can be edited, a picker that sends each chosen file at once with a progress bar and a
 * button to remove one. Sizes are checked here first; the server checks the content, size and count again and its
 * refusal is shown.
 */
export function EvidenceFiles({
  reportId,
  files,
  target,
  editable,
  reportFileCount,
  what,
  onAdded,
  onRemoved,
}: {
  reportId: string;
  files: readonly EvidenceFile[];
  target: EvidenceTarget;
  editable: boolean;
  /** Files of the whole report (the limit counts them all). */
  reportFileCount: number;
  /** What the files are evidence of, for the picker's accessible name. */
  what: string;
  onAdded: (file: EvidenceFile) => void;
  onRemoved: (fileId: string) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [removing, setRemoving] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const counter = useRef(0);
  const max = PROJECT_LIMITS.evidenceFilesPerReport;
  const maxSize = formatFileSize(PROJECT_LIMITS.evidenceFileMaxBytes);
  const full = reportFileCount + uploads.length >= max;
  const inputId = `${id}-input`;
  const problemsId = `${id}-problems`;

  const send = (file: File) => {
    counter.current += 1;
    const key = counter.current;
    setUploads((list) => [...list, { key, name: file.name, fraction: 0 }]);
    uploadEvidence(reportId, target, file, (fraction) =>
      setUploads((list) => list.map((u) => (u.key === key ? { ...u, fraction } : u))),
    )
      .then(onAdded, (raw: unknown) => {
        // the file's own problem (type, size, count) says more than the request's summary
        const error = toApiError(raw);
        const message = fieldIssues(error)[0]?.message ?? apiErrorText(error, t);
        setProblems((list) => [...list, t('projectReportsUi.files.failed', { name: file.name, message })]);
      })
      .finally(() => setUploads((list) => list.filter((u) => u.key !== key)));
  };

  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    const found: string[] = [];
    let room = max - reportFileCount - uploads.length;
    for (const file of chosen) {
      if (file.size > PROJECT_LIMITS.evidenceFileMaxBytes) {
        found.push(
          t('projectReportsUi.files.tooBig', {
            name: file.name,
            size: formatFileSize(file.size),
            max: maxSize,
          }),
        );
      } else if (room <= 0) {
        found.push(t('projectReportsUi.files.tooMany', { max }));
        break;
      } else {
        room -= 1;
        send(file);
      }
    }
    setProblems(found);
  };

  const remove = (file: EvidenceFile) => {
    setRemoving(file.id);
    setProblems([]);
    projectReportsApi.removeFile(reportId, file.id).then(
      () => {
        setRemoving(null);
        onRemoved(file.id);
        inputRef.current?.focus();
      },
      (error: unknown) => {
        setRemoving(null);
        setProblems([
          t('projectReportsUi.files.removeFailed', { message: apiErrorText(toApiError(error), t) }),
        ]);
      },
    );
  };

  if (!editable && files.length === 0) {
    return <p className="pr-files__none">{t('projectReportsUi.files.none')}</p>;
  }

  return (
    <div
      className="pr-files"
      data-testid={`evidence-${target.purpose}${target.milestoneId ? `-${target.milestoneId}` : ''}`}
    >
      {files.length > 0 || uploads.length > 0 ? (
        <ul className="pr-files__list">
          {files.map((file) => (
            <li key={file.id} className="pr-files__item" data-testid="evidence-file">
              <a className="pr-files__name" href={evidenceHref(reportId, file.id)} download={file.fileName}>
                {file.fileName}
              </a>
              <span className="pr-files__meta">
                {formatFileSize(file.sizeBytes)} ·{' '}
                {t('projectReportsUi.files.uploadedAt', { date: formatDate(file.createdAt, lang, 'medium') })}
              </span>
              {editable ? (
                <button
                  type="button"
                  className="pr-small-button pr-small-button--danger"
                  aria-label={t('projectReportsUi.files.removeLabel', { name: file.fileName })}
                  disabled={removing === file.id}
                  onClick={() => remove(file)}
                >
                  {t('projectReportsUi.files.remove')}
                </button>
              ) : null}
            </li>
          ))}
          {uploads.map((upload) => {
            const percent = Math.round(upload.fraction * 100);
            const label = t('projectReportsUi.files.uploading', { name: upload.name, percent });
            return (
              <li key={upload.key} className="pr-files__item pr-files__item--uploading">
                <span className="pr-files__name">{label}</span>
                <progress max={100} value={percent} aria-label={label} />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="pr-files__none">{t('projectReportsUi.files.none')}</p>
      )}
      {problems.length > 0 ? (
        <div id={problemsId} className="pr-files__problems" role="alert">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : null}
      {editable ? (
        <div className="pr-files__picker">
          <input
            ref={inputRef}
            id={inputId}
            className="pr-files__input"
            type="file"
            multiple
            accept={ACCEPT}
            disabled={full}
            aria-label={t('projectReportsUi.files.chooseFor', { what })}
            aria-describedby={problems.length > 0 ? problemsId : `${id}-rules`}
            onChange={onChoose}
            data-testid={`evidence-input-${target.purpose}${target.milestoneId ? `-${target.milestoneId}` : ''}`}
          />
          <label htmlFor={inputId} className="pr-small-button pr-files__label" aria-hidden="true">
            {files.length > 0 ? t('projectReportsUi.files.chooseMore') : t('projectReportsUi.files.choose')}
          </label>
          <span id={`${id}-rules`} className="pr-files__rules">
            {t('projectReportsUi.files.rules', { size: maxSize, max })}
          </span>
        </div>
      ) : null}
    </div>
  );
}
