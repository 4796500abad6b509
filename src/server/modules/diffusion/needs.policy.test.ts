import { describe, expect, it } from 'vitest';
import { systemActor } from '@server/lib/authz';
import { NEED_ACTIONS, NEED_STATUSES, type NeedAction, type NeedStatus } from '@shared/contracts/needs';
import { isNeedOfficer, isUnitStaff, needActionsFrom, needPolicy, nextNeedStatus } from './needs.policy';

describe('nextNeedStatus', () => {
  const expected: Record<NeedStatus, Partial<Record<NeedAction, NeedStatus>>> = {
    pending: { publish: 'published', reject: 'rejected' },
    published: { address: 'addressed', close: 'closed' },
    addressed: { close: 'closed' },
    rejected: {},
    closed: {},
  };
  for (const status of NEED_STATUSES) {
    for (const action of NEED_ACTIONS) {
      const to = expected[status][action] ?? null;
      it(`${status} + ${action} → ${to ?? 'refused'}`, () => {
        expect(nextNeedStatus(status, action)).toBe(to);
      });
    }
  }
  it('lists the actions open in each status', () => {
    expect(needActionsFrom('pending')).toEqual(['publish', 'reject']);
    expect(needActionsFrom('published')).toEqual(['address', 'close']);
    expect(needActionsFrom('addressed')).toEqual(['close']);
    expect(needActionsFrom('closed')).toEqual([]);
  });
});

describe('needPolicy', () => {
  const south = new Set([94, 95, 96]);
  const none = new Set<number>();
  const cases: Array<[string, 'all' | ReadonlySet<number>, NeedStatus, number, boolean, boolean, boolean]> = [
    // who, area, status, province, view, moderate, edit
    ['officer', 'all', 'pending', 10, true, true, true],
    ['officer', 'all', 'rejected', 10, true, true, false],
    ['unit staff, own province', south, 'pending', 94, true, true, true],
    ['unit staff, other province', south, 'pending', 50, false, false, false],
    ['unit staff, other province, published', south, 'published', 50, true, false, false],
    ['public, pending', none, 'pending', 94, false, false, false],
    ['public, published', none, 'published', 94, true, false, false],
    ['public, addressed', none, 'addressed', 94, true, false, false],
    ['public, closed', none, 'closed', 94, false, false, false],
    ['public, rejected', none, 'rejected', 94, false, false, false],
  ];
  for (const [who, area, status, provinceCode, view, moderate, edit] of cases) {
    it(`${who} (${status})`, () => {
      const need = { status, provinceCode };
      expect(needPolicy.view(area, need)).toBe(view);
      expect(needPolicy.moderate(area, need)).toBe(moderate);
      expect(needPolicy.edit(area, need)).toBe(edit);
      expect(needPolicy.viewMatches(area, need)).toBe(view);
    });
  }

  it('knows officers and unit staff by role', () => {
    expect(isNeedOfficer(systemActor('u', ['programme_officer']))).toBe(true);
    expect(isNeedOfficer(systemActor('u', ['administrator']))).toBe(true);
    expect(isNeedOfficer(systemActor('u', ['driving_unit_staff']))).toBe(false);
    expect(isNeedOfficer(null)).toBe(false);
    expect(isUnitStaff({ ...systemActor('u', ['driving_unit_staff']), drivingUnitId: 'x' })).toBe(true);
    expect(isUnitStaff(systemActor('u', ['driving_unit_staff']))).toBe(false);
    expect(isUnitStaff(systemActor('u', ['partner']))).toBe(false);
  });
});
