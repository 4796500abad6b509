import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDrivingUnit } from '@server/modules/driving-units/driving-units.service';

let ctx: TestContext;
const PASSWORD = 'correct horse battery';
const ACTORS = [
  'anonymous',
  'applicant',
  'reviewer',
  'partner',
  'driving_unit_staff',
  'programme_officer',
  'administrator',
] as const;
type ActorName = (typeof ACTORS)[number];
const clients = new Map<ActorName, TestClient>();
let foreignOrgId = '';
let targetUserId = '';

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' });
  const unitId = await ensureDrivingUnit(ctx.database.db, {
    nameTh: 'หน่วย',
    nameEn: 'Matrix unit',
    kind: 'area_based',
    regionCode: 'north',
    provinceCodes: [50],
  });
  for (const name of ACTORS) {
    const client = new TestClient(ctx.app);
    if (name !== 'anonymous') {
      const role = name === 'applicant' ? null : name;
      await ensureAccount(ctx.database.db, {
        email: `${name}@matrix.test`,
        name,
        password: PASSWORD,
        role,
        ...(role === 'driving_unit_staff' ? { drivingUnitId: unitId } : {}),
      });
      await client.signIn(`${name}@matrix.test`, PASSWORD);
    }
    clients.set(name, client);
  }
  targetUserId = await ensureAccount(ctx.database.db, {
    email: 'target@matrix.test',
    name: 'Target',
    password: PASSWORD,
    role: null,
  });
  const owner = new TestClient(ctx.app);
  await ensureAccount(ctx.database.db, {
    email: 'foreign-owner@matrix.test',
    name: 'Owner',
    password: PASSWORD,
    role: null,
  });
  await owner.signIn('foreign-owner@matrix.test', PASSWORD);
  foreignOrgId = (
    await owner.post('/api/organisations', { nameTh: 'องค์กรของผู้อื่น', type: 'youth_group' })
  ).json<{ data: { id: string } }>().data.id;
});
afterAll(async () => {
  await ctx.close();
});

/** Expected status by actor for each route family: 401 signed out, 403 visible but not allowed, 404 not visible. */
const MATRIX: Array<{
  family: string;
  call: (c: TestClient) => Promise<{ statusCode: number }>;
  expect: Record<ActorName, number>;
}> = [
  {
    family: 'own account',
    call: (c) => c.get('/api/auth/sessions'),
    expect: {
      anonymous: 401,
      applicant: 200,
      reviewer: 200,
      partner: 200,
      driving_unit_staff: 200,
      programme_officer: 200,
      administrator: 200,
    },
  },
  {
    family: 'my organisations',
    call: (c) => c.get('/api/organisations'),
    expect: {
      anonymous: 401,
      applicant: 200,
      reviewer: 200,
      partner: 200,
      driving_unit_staff: 200,
      programme_officer: 200,
      administrator: 200,
    },
  },
  {
    family: 'all organisations',
    call: (c) => c.get('/api/organisations?scope=all'),
    expect: {
      anonymous: 401,
      applicant: 403,
      reviewer: 403,
      partner: 403,
      driving_unit_staff: 403,
      programme_officer: 200,
      administrator: 200,
    },
  },
  {
    family: "another organisation's record",
    call: (c) => c.get(`/api/organisations/${foreignOrgId}`),
    expect: {
      anonymous: 401,
      applicant: 404,
      reviewer: 404,
      partner: 404,
      driving_unit_staff: 404,
      programme_officer: 200,
      administrator: 200,
    },
  },
  {
    family: 'editing another organisation',
    call: (c) => c.patch(`/api/organisations/${foreignOrgId}`, { description: 'x', version: 1 }),
    expect: {
      anonymous: 401,
      applicant: 404,
      reviewer: 404,
      partner: 404,
      driving_unit_staff: 404,
      programme_officer: 403,
      administrator: 403,
    },
  },
  {
    family: 'users and roles',
    call: (c) => c.get('/api/admin/users'),
    expect: {
      anonymous: 401,
      applicant: 403,
      reviewer: 403,
      partner: 403,
      driving_unit_staff: 403,
      programme_officer: 403,
      administrator: 200,
    },
  },
  {
    family: 'granting a role',
    call: (c) => c.post(`/api/admin/users/${targetUserId}/roles`, { role: 'reviewer' }),
    expect: {
      anonymous: 401,
      applicant: 403,
      reviewer: 403,
      partner: 403,
      driving_unit_staff: 403,
      programme_officer: 403,
      administrator: 200,
    },
  },
  {
    family: 'audit log',
    call: (c) => c.get('/api/audit-events'),
    expect: {
      anonymous: 401,
      applicant: 403,
      reviewer: 403,
      partner: 403,
      driving_unit_staff: 403,
      programme_officer: 403,
      administrator: 200,
    },
  },
  {
    family: 'creating a driving unit',
    call: (c) =>
      c.post('/api/driving-units', {
        nameTh: 'ใหม่',
        nameEn: `New ${Math.random()}`,
        kind: 'area_based',
        regionCode: 'south',
        provinceCodes: [94],
      }),
    expect: {
      anonymous: 401,
      applicant: 403,
      reviewer: 403,
      partner: 403,
      driving_unit_staff: 403,
      programme_officer: 403,
      administrator: 201,
    },
  },
  {
    family: 'public reference data',
    call: (c) => c.get('/api/geo/provinces'),
    expect: {
      anonymous: 200,
      applicant: 200,
      reviewer: 200,
      partner: 200,
      driving_unit_staff: 200,
      programme_officer: 200,
      administrator: 200,
    },
  },
];

describe('role × route family', () => {
  it.each(MATRIX.map((row) => [row.family, row] as const))('%s', async (_family, row) => {
    const actual: Record<string, number> = {};
    for (const name of ACTORS) {
      const client = clients.get(name);
      if (!client) {
        throw new Error(name);
      }
      actual[name] = (await row.call(client)).statusCode;
    }
    expect(actual).toEqual(row.expect);
  });
});
