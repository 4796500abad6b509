import type { HealthReason, ProjectHealth } from '@shared/contracts/projects';

/** What health is judged on; counted in SQL for lists and from the loaded project for its page. */
export interface HealthFacts {
  /** Reports past their due date and not yet submitted (a returned report counts until resubmitted). */
  overdueReports: number;
  /** Budget lines whose spending in approved reports exceeds their approved amount. */
  overspentLines: number;
  /** Milestones past their due date and not complete. */
  lateMilestones: number;
}

/** On track unless a report is overdue, a line is overspent or a milestone is late; the reasons say which. */
export function assessHealth(facts: HealthFacts): ProjectHealth {
  const counted: Array<[HealthReason, number]> = [
    ['overdue_report', facts.overdueReports],
    ['overspending', facts.overspentLines],
    ['late_milestone', facts.lateMilestones],
  ];
  const reasons = counted.filter(([, count]) => count > 0).map(([reason, count]) => ({ reason, count }));
  return { status: reasons.length > 0 ? 'at_risk' : 'on_track', reasons };
}

/** Whether a report is overdue on `today` (ISO date in Asia/Bangkok). */
export function isReportOverdue(report: { status: string; dueOn: string }, today: string): boolean {
  return ['not_started', 'draft', 'returned'].includes(report.status) && report.dueOn < today;
}

/** Whether a milestone is late on `today` (ISO date in Asia/Bangkok). */
export function isMilestoneLate(
  milestone: { completionPercent: number; dueOn: string },
  today: string,
): boolean {
  return milestone.completionPercent < 100 && milestone.dueOn < today;
}
