import type { Database } from '@server/db/client';
import { ACTIVITY_LIMITS } from '@shared/contracts/activities';
import * as activitiesRepo from './activities.repo';
import * as repo from './registrations.repo';
import { activityPath, setActivityLinkBase } from './activities.service';
import { activityParams, tellAboutActivity } from './registrations.service';

/**
 * Sends the reminders due at `now`: to everyone holding a seat of a published activity that starts within
 * ACTIVITY_LIMITS.reminderHoursBefore hours, in the app and by email. Each batch is claimed (reminded_at stamped,
 * rows others are claiming skipped) and its messages queued in one transaction, so every reminder goes out exactly
 * once, whatever the number of instances running this at the same time (the pattern of the report reminders).
 * Registrations made within the window get one too; waitlisted and cancelled ones get none.
 */
export async function sendActivityReminders(db: Database, now: Date, batch = 50): Promise<number> {
  let sent = 0;
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const reminders = await repo.claimReminders(tx, {
        now,
        hours: ACTIVITY_LIMITS.reminderHoursBefore,
        limit: batch,
      });
      const byActivity = new Map<string, string[]>();
      for (const r of reminders) {
        byActivity.set(r.activity_id, [...(byActivity.get(r.activity_id) ?? []), r.user_id]);
      }
      for (const [activityId, userIds] of byActivity) {
        const activity = await activitiesRepo.findActivity(tx, activityId);
        if (activity) {
          await tellAboutActivity(
            tx,
            userIds,
            'activity_reminder',
            activityParams(activity),
            activityPath(activityId),
          );
        }
      }
      return reminders.length;
    });
    sent += claimed;
    if (claimed < batch) {
      return sent;
    }
  }
}

export interface ActivityReminderWorker {
  /** Sends what is due now (after any run in progress) and says how many went out. */
  run(): Promise<number>;
  stop(): Promise<void>;
}

/** Runs `sendActivityReminders` once at start and then every `intervalMs`; `onSent` wakes the mail sender. */
export function startActivityReminderWorker(
  db: Database,
  options: {
    intervalMs: number;
    clock: () => Date;
    publicUrl: string;
    onSent: () => void;
    onError: (error: unknown) => void;
  },
): ActivityReminderWorker {
  setActivityLinkBase(options.publicUrl);
  let stopped = false;
  let running: Promise<number> | null = null;
  const run = async (): Promise<number> => {
    while (running) {
      await running.catch(() => undefined);
    }
    if (stopped) {
      return 0;
    }
    const current = sendActivityReminders(db, options.clock()).finally(() => {
      running = null;
    });
    running = current;
    const sent = await current;
    if (sent > 0) {
      options.onSent();
    }
    return sent;
  };
  const tick = () => {
    run().catch(options.onError);
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();
  return {
    run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      while (running) {
        await running.catch(() => undefined);
      }
    },
  };
}
