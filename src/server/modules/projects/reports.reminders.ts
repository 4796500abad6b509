import type { Database } from '@server/db/client';
import { formatIsoDate } from '@server/lib/pdf';
import { PROJECT_LIMITS } from '@shared/contracts/projects';
import { bangkokDate } from '@shared/projects/plan';
import { listMemberContacts } from '@server/modules/organisations/organisations.service';
import * as repo from './reports.repo';
import { titleIn } from './projects.service';
import { reportLabel, reportPath, tellAboutReport } from './reports.service';

export interface ReminderResult {
  /** Reminders sent before the due date (one per report). */
  before: number;
  /** Reminders sent after the due date (one per report still not submitted). */
  after: number;
}

/**
 * Sends the reminders that are due at `now` (dates in Bangkok): before a report's due date (within
 * PROJECT_LIMITS.reminderDaysBefore days) and after it (reminderDaysAfter days on, still not submitted), to the owners
 * and editors of the grantee, in the app and by email. Each batch is claimed and its messages queued in one
 * transaction (see `claimReminders`): every reminder goes out exactly once, whatever the number of instances running
 * this at the same time and however often they restart. Reports submitted or approved get none.
 */
export async function sendReportReminders(
  db: Database,
  now: Date,
  publicUrl: string,
  batch = 50,
): Promise<ReminderResult> {
  const today = bangkokDate(now);
  const result: ReminderResult = { before: 0, after: 0 };
  const plans = [
    { kind: 'before', days: PROJECT_LIMITS.reminderDaysBefore },
    { kind: 'after', days: PROJECT_LIMITS.reminderDaysAfter },
  ] as const;
  for (const { kind, days } of plans) {
    for (;;) {
      const claimed = await db.transaction(async (tx) => {
        const reminders = await repo.claimReminders(tx, kind, { today, now, days, limit: batch });
        const projects = new Map(
          (await repo.findProjectsForMessages(tx, [...new Set(reminders.map((r) => r.project_id))])).map(
            (p) => [p.id, p],
          ),
        );
        for (const reminder of reminders) {
          const project = projects.get(reminder.project_id);
          if (!project) {
            continue;
          }
          const writers = (await listMemberContacts(tx, project.organisationId)).filter(
            (m) => m.role === 'owner' || m.role === 'editor',
          );
          await tellAboutReport(tx, writers, {
            kind: kind === 'before' ? 'project_report_reminder_before' : 'project_report_reminder_after',
            params: (lang) => ({
              agreement: project.agreementNumber,
              title: titleIn(lang, project.titleTh, project.titleEn),
              report: reportLabel(lang, reminder),
              dueOn: formatIsoDate(reminder.due_on, lang),
            }),
            path: reportPath(project.id, reminder.id),
            publicUrl,
          });
        }
        return reminders.length;
      });
      result[kind] += claimed;
      if (claimed < batch) {
        break;
      }
    }
  }
  return result;
}

export interface ReportReminderWorker {
  /** Sends what is due now (after any run in progress) and says how many went out. */
  run(): Promise<ReminderResult>;
  stop(): Promise<void>;
}

/**
 * Runs `sendReportReminders` once at start and then every `intervalMs`, in every instance (the claims keep the
 * reminders single); `onSent` is called when something was queued (to wake the mail sender).
 */
export function startReportReminderWorker(
  db: Database,
  options: {
    intervalMs: number;
    clock: () => Date;
    publicUrl: string;
    onSent: () => void;
    onError: (error: unknown) => void;
  },
): ReportReminderWorker {
  let stopped = false;
  let running: Promise<ReminderResult> | null = null;
  const run = async (): Promise<ReminderResult> => {
    while (running) {
      await running.catch(() => undefined);
    }
    if (stopped) {
      return { before: 0, after: 0 };
    }
    const current = sendReportReminders(db, options.clock(), options.publicUrl).finally(() => {
      running = null;
    });
    running = current;
    const result = await current;
    if (result.before + result.after > 0) {
      options.onSent();
    }
    return result;
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
