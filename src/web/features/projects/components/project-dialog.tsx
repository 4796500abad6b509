import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button that opens a modal dialog (the native `<dialog>`: focus stays inside, Escape closes it) titled by its
 * own h2. `children` renders the body with a `close` function; `onOpen` resets the body's state each time.
 */
export function ProjectDialog({
  openLabel,
  openClassName = 'button button--secondary',
  title,
  subtitle,
  onOpen,
  testId,
  children,
}: {
  openLabel: string;
  openClassName?: string;
  title: string;
  subtitle?: ReactNode;
  onOpen?: () => void;
  testId: string;
  children: (close: () => void, titleId: string) => ReactNode;
}) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) {
      dialog.showModal();
    }
    // Back on the button that opened it, when the dialog goes away.
    if (open) {
      wasOpen.current = true;
    } else if (wasOpen.current) {
      wasOpen.current = false;
      openerRef.current?.focus();
    }
  }, [open]);

  // Unmounting the open dialog closes it (and returns it from the top layer).
  const close = () => setOpen(false);

  return (
    <>
      <button
        ref={openerRef}
        type="button"
        className={openClassName}
        aria-haspopup="dialog"
        onClick={() => {
          onOpen?.();
          setOpen(true);
        }}
        data-testid={`${testId}-open`}
      >
        {openLabel}
      </button>
      {open ? (
        <dialog
          ref={dialogRef}
          className="pj-dialog"
          aria-labelledby={`${id}-title`}
          onClose={() => setOpen(false)}
          data-testid={testId}
        >
          <div className="pj-dialog__body">
            <header className="pj-dialog__head">
              <h2 id={`${id}-title`}>{title}</h2>
              {subtitle ? <div className="pj-dialog__subtitle">{subtitle}</div> : null}
            </header>
            {children(close, `${id}-title`)}
          </div>
        </dialog>
      ) : null}
    </>
  );
}
