import { useEffect, useId, useRef, useState } from 'react';
import './confirm-action.css';

/**
 * A button for a step that is hard to undo (remove a member, leave, hand over ownership): the first press asks
 * the question in place with "confirm" and "cancel", so nothing happens by a slip of the finger.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  cancelLabel,
  onConfirm,
  busy,
  danger,
  testId,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  danger?: boolean;
  testId?: string;
}) {
  const [asking, setAsking] = useState(false);
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) {
      confirmRef.current?.focus();
    } else if (wasAsking.current) {
      openRef.current?.focus();
    }
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={openRef}
        type="button"
        className={danger ? 'action-button action-button--danger' : 'action-button'}
        onClick={() => setAsking(true)}
        disabled={busy}
        data-testid={testId}
      >
        {label}
      </button>
    );
  }
  return (
    <div className="confirm-action" role="group" aria-labelledby={questionId}>
      <p id={questionId} className="confirm-action__question">
        {question}
      </p>
      <div className="confirm-action__buttons">
        <button
          ref={confirmRef}
          type="button"
          className={
            danger ? 'action-button action-button--danger-solid' : 'action-button action-button--solid'
          }
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
          data-testid={testId ? `${testId}-confirm` : undefined}
        >
          {confirmLabel}
        </button>
        <button type="button" className="action-button" onClick={() => setAsking(false)}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
