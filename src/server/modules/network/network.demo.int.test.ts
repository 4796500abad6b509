import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDrivingUnit } from '@server/modules/driving-units/driving-units.service';
import { ensureDemoKnowledge } from '@server/modules/knowledge/knowledge.demo';
import type { NetworkGraph, PartnerDetail, PartnerList } from '@shared/contracts/network';
import type { ResourceList } from '@shared/contracts/knowledge';
import { ensureDemoNetwork } from './network.demo';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' }, { clock: () => NOW });
});
afterAll(async () => {
  await ctx.close();
});

describe('demo network and library', () => {
  it('adds five partners with MOUs, documents, contributions and links, and a library with real PDFs; once', async () => {
    const { db } = ctx.database;
    const drivingUnitId = await ensureDrivingUnit(db, {
      nameTh: 'หน่วยขับเคลื่อนตัวอย่าง',
      nameEn: 'Demo unit',
      kind: 'area_based',
      regionCode: 'south',
      provinceCodes: [94],
    });
    const officerUserId = await ensureAccount(db, {
      email: 'officer@demo-network.test',
      name: 'officer',
      password: 'correct horse battery',
      role: 'programme_officer',
    });
    const options = { now: NOW, officerUserId, drivingUnitId, fileStorage: ctx.app.fileStorage };
    expect(await ensureDemoNetwork(db, options)).toBe(
      '5 partners, 4 MOUs (4 documents), 7 contributions, 8 links',
    );
    expect(await ensureDemoNetwork(db, options)).toBe('partners already there');
    expect(await ensureDemoKnowledge(db, options)).toBe('4 published resources, 1 draft(s)');
    expect(await ensureDemoKnowledge(db, options)).toBe('resources already there');

    const anonymous = new TestClient(ctx.app);
    const list = (await anonymous.get('/api/partners')).json<PartnerList>();
    expect(list.data.map((p) => p.sector).sort()).toEqual([
      'academic',
      'civil_society',
      'government',
      'international',
      'local_government',
    ]);
    const university = list.data.find((p) => p.sector === 'academic');
    const detail = (await anonymous.get(`/api/partners/${university?.id}`)).json<{ data: PartnerDetail }>()
      .data;
    expect(detail.mous[0]).toMatchObject({ state: 'in_force', drivingUnit: { id: drivingUnitId } });
    expect(detail.totals.inKindSatang).toBe(100_500_000);
    const graph = (await anonymous.get('/api/network/graph')).json<{ data: NetworkGraph }>().data;
    expect(graph.nodes.filter((n) => n.kind === 'partner')).toHaveLength(5);
    expect(graph.edges.filter((e) => e.kind === 'mou')).toHaveLength(4);

    const library = (await anonymous.get('/api/knowledge')).json<ResourceList>();
    expect(library.data).toHaveLength(4);
    const withFile = library.data.find((r) => r.file !== null);
    const pdf = await anonymous.get(`/api/knowledge/${withFile?.id}/download`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
