import { describe, expect, it } from 'vitest';
import { assessHealth, isMilestoneLate, isReportOverdue } from './health';

describe('assessHealth', () => {
  it('is on track without overdue reports, overspending or late milestones', () => {
    expect(assessHealth({ overdueReports: 0, overspentLines: 0, lateMilestones: 0 })).toEqual({
      status: 'on_track',
      reasons: [],
    });
  });

  it.each([
    [{ overdueReports: 2, overspentLines: 0, lateMilestones: 0 }, [{ reason: 'overdue_report', count: 2 }]],
    [{ overdueReports: 0, overspentLines: 1, lateMilestones: 0 }, [{ reason: 'overspending', count: 1 }]],
    [{ overdueReports: 0, overspentLines: 0, lateMilestones: 3 }, [{ reason: 'late_milestone', count: 3 }]],
    [
      { overdueReports: 1, overspentLines: 1, lateMilestones: 1 },
      [
        { reason: 'overdue_report', count: 1 },
        { reason: 'overspending', count: 1 },
        { reason: 'late_milestone', count: 1 },
      ],
    ],
  ])('is at risk for %j', (facts, reasons) => {
    expect(assessHealth(facts)).toEqual({ status: 'at_risk', reasons });
  });
});

describe('isReportOverdue', () => {
  it.each([
    ['not_started', '2027-01-14', true],
    ['draft', '2027-01-14', true],
    ['returned', '2027-01-14', true],
    ['submitted', '2027-01-14', false],
    ['approved', '2027-01-14', false],
    ['not_started', '2027-01-15', false],
    ['not_started', '2027-01-16', false],
  ])('a %s report due %s is overdue on 15 Jan 2027: %s', (status, dueOn, overdue) => {
    expect(isReportOverdue({ status, dueOn }, '2027-01-15')).toBe(overdue);
  });
});

describe('isMilestoneLate', () => {
  it.each([
    [0, '2027-01-14', true],
    [99, '2027-01-14', true],
    [100, '2027-01-14', false],
    [0, '2027-01-15', false],
  ])('a milestone %i %% complete, due %s, is late on 15 Jan 2027: %s', (completionPercent, dueOn, late) => {
    expect(isMilestoneLate({ completionPercent, dueOn }, '2027-01-15')).toBe(late);
  });
});
