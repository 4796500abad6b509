import type { Widen } from '../widen';

/** Thai strings of the calls pages (the source); English below must have the same keys. */
export const callsTh = {
  title: 'TODO',
} as const;

export const callsEn: Widen<typeof callsTh> = {
  title: 'TODO',
};
