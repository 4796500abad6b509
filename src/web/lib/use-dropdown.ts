import { useEffect, useRef, useState } from 'react';

/**
 * Open / closed state for a header dropdown (the account menu, the inbox bell): it closes when `place` changes
 * (after navigating), on a pointer press outside `rootRef`, and on Escape, which also gives focus back to
 * `toggleRef`.
 */
export function useDropdown(place: string) {
  const [open, setOpen] = useState(false);
  const [openPlace, setOpenPlace] = useState(place);
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);

  if (openPlace !== place) {
    setOpenPlace(place);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) {
      return undefined;
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        setOpen(false);
        toggleRef.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (rootRef.current && event.target instanceof Node && !rootRef.current.contains(event.target)) {
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return { open, setOpen, rootRef, toggleRef };
}
