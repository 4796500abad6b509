export interface PollLoopOptions {
  intervalMs: number;
  /** One round of work; `isStopped` tells a long round to end early. */
  round: (isStopped: () => boolean) => Promise<void>;
  /** Runs once after the rounds of one wake-up (the rounds kicked meanwhile included). */
  afterRounds?: () => Promise<void>;
  onError: (error: unknown) => void;
}

export interface PollLoop {
  /** Run a round now (or once more after the current one). */
  kick(): void;
  /** Resolves once the current round (if any) and the rounds kicked meanwhile are done. */
  idle(): Promise<void>;
  /** No more rounds; resolves once the current one is done. */
  stop(): Promise<void>;
}

/**
 * Runs `round` every `intervalMs` and at once when kicked, never two rounds at the same time: a kick during a round
 * runs one more round after it. An error ends the wake-up and is passed to `onError`; the next tick tries again.
 * The timer does not keep the process alive.
 */
export function startPollLoop(options: PollLoopOptions): PollLoop {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  const isStopped = () => stopped;
  const run = () => {
    if (stopped) {
      return;
    }
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await options.round(isStopped);
        } while (again && !stopped);
        await options.afterRounds?.();
      } catch (error) {
        options.onError(error);
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  run();
  return {
    kick: run,
    async idle() {
      while (running) {
        await running;
      }
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
