import type { Widen } from '../widen';

/** Thai strings of the proposals pages (the source); English below must have the same keys. */
export const proposalsTh = {
  title: 'TODO',
} as const;

export const proposalsEn: Widen<typeof proposalsTh> = {
  title: 'TODO',
};
