import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/**
 * A button that opens a modal dialog (the native `<dialog>`: focus stays inside, Escape closes it) titled by its own
 * h2. `children` renders the body with a `close` function; `onOpen` resets the body's state each time.
 */
export function UnitDialog({
  openLabel,
  title,
  subtitle,
  onOpen,
  testId,
  children,
}: {
  openLabel: string;
  title: string;
  subtitle?: ReactNode;
  onOpen?: () => void;
  testId: string;
  children: (close: () => void) => ReactNode;
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
    if (open) {
      wasOpen.current = true;
    } else if (wasOpen.current) {
      wasOpen.current = false;
      openerRef.current?.focus();
    }
  }, [open]);

  const close = () => setOpen(false);

  return (
    <>
      <button
        ref={openerRef}
        type="button"
        className="button button--secondary"
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
          className="un-dialog"
          aria-labelledby={`${id}-title`}
          onClose={close}
          data-testid={testId}
        >
          <div className="un-dialog__body">
            <header>
              <h2 id={`${id}-title`}>{title}</h2>
              {subtitle ? <p className="un-muted">{subtitle}</p> : null}
            </header>
            {children(close)}
          </div>
        </dialog>
      ) : null}
    </>
  );
}
