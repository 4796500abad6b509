import type { Widen } from '../widen';

/** Thai strings of the inbox pages (the source); English below must have the same keys. */
export const inboxTh = {
  title: 'TODO',
} as const;

export const inboxEn: Widen<typeof inboxTh> = {
  title: 'TODO',
};
