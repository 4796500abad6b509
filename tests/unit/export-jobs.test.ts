import { describe, expect, it } from 'vitest';
import { systemActor } from '@server/lib/authz';
import { translate } from '@server/lib/i18n';
import { actorOfRequester, RequesterSchema, requesterOf } from '@server/lib/requester';
import { RESULTS_EXPORT_STEPS } from '@server/modules/incubation/assessments.service';
import { INTAKE_EXPORT_STEPS } from '@server/modules/intake/intake.service';
import { DISBURSEMENT_EXPORT_STEPS } from '@server/modules/projects/money.service';
import { LANGUAGES } from '@shared/i18n/languages';

describe('export jobs', () => {
  it('name every step of the progress bar in Thai and English', () => {
    const keys = [
      ...Object.values(INTAKE_EXPORT_STEPS),
      ...DISBURSEMENT_EXPORT_STEPS,
      ...Object.values(RESULTS_EXPORT_STEPS),
    ];
    for (const lang of LANGUAGES) {
      for (const key of keys) {
        expect(translate(lang, key), `${lang}: ${key}`).not.toBe(key);
      }
    }
  });

  it('keep the requester with their rights, and act as them with those rights only', () => {
    const userId = '00000000-0000-4000-8000-000000000001';
    const unitId = '00000000-0000-4000-8000-000000000002';
    const actor = {
      ...systemActor(userId, ['driving_unit_staff']),
      sessionId: 'a-session',
      drivingUnitId: unitId,
    };
    const requester = RequesterSchema.parse(JSON.parse(JSON.stringify(requesterOf(actor))));
    expect(requester).toEqual({ userId, roles: ['driving_unit_staff'], drivingUnitId: unitId });
    expect(actorOfRequester(requester)).toMatchObject({
      userId,
      roles: ['driving_unit_staff'],
      drivingUnitId: unitId,
      sessionId: 'system',
      mfaPending: false,
    });
    expect(RequesterSchema.safeParse({ userId, roles: ['root'], drivingUnitId: null }).success).toBe(false);
  });
});
