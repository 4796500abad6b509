import type { PlatformRole } from '@shared/contracts/identity';
import { AppError } from './errors';

/** Who acts: the signed-in person, their platform roles and their session. */
export interface Actor {
  userId: string;
  sessionId: string;
  roles: PlatformRole[];
  drivingUnitId: string | null;
  csrfToken: string;
  mfaPending: boolean;
  totpEnabled: boolean;
  mustEnrollTotp: boolean;
}

/** Where a change came from, for the audit log. */
export interface RequestMeta {
  actorUserId: string | null;
  ip: string | null;
  requestId: string | null;
}

export function hasRole(actor: Actor | null, role: PlatformRole): boolean {
  return actor?.roles.includes(role) ?? false;
}

/**
 * Asserts a policy: throws FORBIDDEN when `allowed(actor, resource)` is false, NOT_FOUND when the resource is
 * missing, and narrows the resource to non-null.
 */
export function authorize<T>(
  actor: Actor,
  allowed: (actor: Actor, resource: T) => boolean,
  resource: T | null | undefined,
  notFound?: () => AppError,
): asserts resource is T {
  if (resource === null || resource === undefined) {
    throw notFound ? notFound() : new AppError('NOT_FOUND');
  }
  if (!allowed(actor, resource)) {
    throw new AppError('FORBIDDEN');
  }
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) {
    throw new AppError('UNAUTHENTICATED');
  }
  return actor;
}

/** An actor for seed and maintenance work done in a person's name outside any request (demo content, imports). */
export function systemActor(userId: string, roles: PlatformRole[] = []): Actor {
  return {
    userId,
    sessionId: 'system',
    roles,
    drivingUnitId: null,
    csrfToken: '',
    mfaPending: false,
    totpEnabled: false,
    mustEnrollTotp: false,
  };
}
