import type { ReactNode } from 'react';
import './ui.css';

/** `target` is the poverty target group's red; `success` a finished, good outcome (e.g. results announced). */
export type BadgeTone = 'neutral' | 'brand' | 'target' | 'accent' | 'success';

/** A short label, e.g. a programme type or a target-group rank. */
export function Badge({
  tone = 'neutral',
  title,
  children,
}: {
  tone?: BadgeTone;
  title?: string;
  children: ReactNode;
}) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}
