import { z } from 'zod';
import { PlatformRoleSchema } from '@shared/contracts/identity';
import { systemActor, type Actor } from './authz';

/**
 * Who asked for a background job, as the job's parameters keep it: the person and the rights they had when they asked.
 * The job's handler acts with exactly these rights (its service re-checks access to what it reads), so a job never
 * shows more than its requester could see on screen.
 */
export const RequesterSchema = z.object({
  userId: z.uuid(),
  roles: z.array(PlatformRoleSchema),
  drivingUnitId: z.uuid().nullable(),
});
export type Requester = z.infer<typeof RequesterSchema>;

/** The requester of a job the actor asks for. */
export function requesterOf(actor: Actor): Requester {
  return { userId: actor.userId, roles: [...actor.roles], drivingUnitId: actor.drivingUnitId };
}

/** The actor a job's handler acts as: its requester with the rights they had when they asked. */
export function actorOfRequester(requester: Requester): Actor {
  return { ...systemActor(requester.userId, requester.roles), drivingUnitId: requester.drivingUnitId };
}
