import type { Widen } from '../widen';

/** Thai strings of the intake pages (the source); English below must have the same keys. */
export const intakeTh = {
  title: 'TODO',
} as const;

export const intakeEn: Widen<typeof intakeTh> = {
  title: 'TODO',
};
