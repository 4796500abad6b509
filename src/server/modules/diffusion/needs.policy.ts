import { hasRole, type Actor } from '@server/lib/authz';
import {
  NEED_ACTIONS,
  PUBLIC_NEED_STATUSES,
  type NeedAction,
  type NeedStatus,
} from '@shared/contracts/needs';

/** Programme officers and administrators moderate every need. */
export function isNeedOfficer(actor: Actor | null): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

/** A driving unit's staff moderate the needs of their unit's provinces. */
export function isUnitStaff(actor: Actor | null): actor is Actor & { drivingUnitId: string } {
  return hasRole(actor, 'driving_unit_staff') && actor?.drivingUnitId !== null;
}

/** Provinces whose needs an actor moderates: all, some, or none. */
export type ModerationArea = 'all' | ReadonlySet<number>;

export interface NeedAccess {
  status: NeedStatus;
  provinceCode: number;
}

const isPublic = (status: NeedStatus) => (PUBLIC_NEED_STATUSES as readonly string[]).includes(status);
const covers = (area: ModerationArea, provinceCode: number) => area === 'all' || area.has(provinceCode);

/**
 * The needs register: anyone posts a need (it waits as pending); everyone sees published and addressed needs without
 * who posted them; staff see and moderate the needs of their area (officers: all), with the contact details.
 */
export const needPolicy = {
  view: (area: ModerationArea, need: NeedAccess) => isPublic(need.status) || covers(area, need.provinceCode),
  moderate: (area: ModerationArea, need: NeedAccess) => covers(area, need.provinceCode),
  /** Staff fix the wording of needs still in play (pending or published). */
  edit: (area: ModerationArea, need: NeedAccess) =>
    covers(area, need.provinceCode) && (need.status === 'pending' || need.status === 'published'),
  /** Matches are public for a need the public sees; staff see them for any need of their area. */
  viewMatches: (area: ModerationArea, need: NeedAccess) => needPolicy.view(area, need),
};

/**
 * The status an action leads to from a status, or null when the action does not apply: pending → published |
 * rejected; published → addressed | closed; addressed → closed.
 */
export function nextNeedStatus(status: NeedStatus, action: NeedAction): NeedStatus | null {
  switch (action) {
    case 'publish':
      return status === 'pending' ? 'published' : null;
    case 'reject':
      return status === 'pending' ? 'rejected' : null;
    case 'address':
      return status === 'published' ? 'addressed' : null;
    case 'close':
      return status === 'published' || status === 'addressed' ? 'closed' : null;
  }
}

/** The actions open on a need in a status. */
export function needActionsFrom(status: NeedStatus): NeedAction[] {
  return NEED_ACTIONS.filter((action) => nextNeedStatus(status, action) !== null);
}
