import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog shown while it is rendered (the native `<dialog>`: focus stays inside, Escape closes it), titled
 * by its own h2. Closing (Escape, or `onClose` called by its content) returns focus to where it was.
 */
export function IlDialog({
  title,
  onClose,
  testId,
  children,
}: {
  title: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
    return () => {
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="il-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      data-testid={testId}
    >
      <div className="il-dialog__body">
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
      </div>
    </dialog>
  );
}
