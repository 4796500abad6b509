import { describe, expect, it } from 'vitest';
import { startPollLoop } from './poll-loop';

describe('startPollLoop', () => {
  it('runs a round at once, one more when kicked during a round, and the after-rounds step once', async () => {
    const events: string[] = [];
    let release: () => void = () => undefined;
    let first = true;
    const loop = startPollLoop({
      intervalMs: 60_000,
      async round() {
        events.push('round');
        if (first) {
          first = false;
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        }
      },
      async afterRounds() {
        events.push('after');
        await Promise.resolve();
      },
      onError: () => undefined,
    });
    loop.kick();
    loop.kick();
    release();
    await loop.idle();
    expect(events).toEqual(['round', 'round', 'after']);
    await loop.stop();
    loop.kick();
    await loop.idle();
    expect(events).toEqual(['round', 'round', 'after']);
  });

  it('passes an error to onError and keeps going on the next kick', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const loop = startPollLoop({
      intervalMs: 60_000,
      round() {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve();
      },
      onError: (error) => errors.push(error),
    });
    await loop.idle();
    loop.kick();
    await loop.idle();
    await loop.stop();
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
  });
});
