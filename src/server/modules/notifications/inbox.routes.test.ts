import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import type { InboxItem } from '@shared/contracts/inbox';
import { notifyUsers, type InAppMessage } from './notifications.service';

let ctx: TestContext;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

async function person(email: string): Promise<{ id: string; client: TestClient }> {
  const id = await ensureAccount(ctx.database.db, {
    email,
    name: email.split('@')[0] ?? email,
    password: PASSWORD,
    role: null,
  });
  const client = new TestClient(ctx.app);
  expect((await client.signIn(email, PASSWORD)).statusCode).toBe(200);
  return { id, client };
}

const submitted = (receipt: string): InAppMessage => ({
  kind: 'proposal_submitted',
  params: { receipt, title: 'ธนาคารน้ำใต้ดิน', call: 'CC-2569' },
  link: `/proposals/${receipt}`,
});

async function notify(userIds: string[], message: InAppMessage) {
  await ctx.database.db.transaction((tx) => notifyUsers(tx, userIds, message));
}

const list = async (client: TestClient, query = '') => {
  const response = await client.get(`/api/notifications${query}`);
  expect(response.statusCode).toBe(200);
  return response.json<{ data: InboxItem[] }>().data;
};
const unread = async (client: TestClient) =>
  (await client.get('/api/notifications/unread-count')).json<{ data: { count: number } }>().data.count;

describe('inbox', () => {
  it('answers 401 without a session', async () => {
    const anonymous = new TestClient(ctx.app);
    expect((await anonymous.get('/api/notifications')).statusCode).toBe(401);
    expect((await anonymous.get('/api/notifications/unread-count')).statusCode).toBe(401);
    expect((await anonymous.post('/api/notifications/read-all')).statusCode).toBe(401);
    expect(
      (await anonymous.post('/api/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode,
    ).toBe(401);
  });

  it('lists only my own notifications, newest first, in the request language', async () => {
    const me = await person('inbox-me@example.org');
    const other = await person('inbox-other@example.org');
    await notify([me.id, other.id], submitted('CC-2569-0001'));
    await notify([me.id], submitted('CC-2569-0002'));
    // The same user named twice gets one notification.
    await notify([other.id, other.id], submitted('CC-2569-0003'));

    const mine = await list(me.client);
    expect(mine.map((n) => n.title)).toEqual(['ยื่นข้อเสนอแล้ว: CC-2569-0002', 'ยื่นข้อเสนอแล้ว: CC-2569-0001']);
    expect(mine[0]).toMatchObject({
      kind: 'proposal_submitted',
      link: '/proposals/CC-2569-0002',
      readAt: null,
      body: 'ข้อเสนอ "ธนาคารน้ำใต้ดิน" ในรอบ CC-2569 ได้รับแล้ว เลขที่รับ CC-2569-0002',
    });
    const english = await me.client.request('GET', '/api/notifications', undefined, {
      'accept-language': 'en',
    });
    expect(english.json<{ data: InboxItem[] }>().data[0]?.title).toBe('Proposal submitted: CC-2569-0002');
    expect((await list(other.client)).length).toBe(2);
    expect(await unread(me.client)).toBe(2);
  });

  it('marks one read (only my own) and all read; the unread filter and count follow', async () => {
    const me = await person('inbox-reader@example.org');
    const other = await person('inbox-stranger@example.org');
    await notify([me.id], submitted('CC-2569-0010'));
    await notify([me.id], submitted('CC-2569-0011'));
    await notify([me.id], submitted('CC-2569-0012'));
    await notify([other.id], submitted('CC-2569-0013'));
    const [newest, middle] = await list(me.client);
    const [foreign] = await list(other.client);
    expect(newest && middle && foreign).toBeTruthy();
    if (!newest || !middle || !foreign) {
      return;
    }

    // Another person's notification, or an unknown id, is not found — and stays unread.
    expect((await me.client.post(`/api/notifications/${foreign.id}/read`)).statusCode).toBe(404);
    expect(
      (await me.client.post('/api/notifications/00000000-0000-4000-8000-000000000000/read')).statusCode,
    ).toBe(404);
    expect((await me.client.post('/api/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect(await unread(other.client)).toBe(1);

    const read = await me.client.post(`/api/notifications/${newest.id}/read`);
    expect(read.statusCode).toBe(200);
    const readAt = read.json<{ data: InboxItem }>().data.readAt;
    expect(readAt).not.toBeNull();
    // Reading again keeps the first reading time.
    const again = await me.client.post(`/api/notifications/${newest.id}/read`);
    expect(again.json<{ data: InboxItem }>().data.readAt).toBe(readAt);
    expect(await unread(me.client)).toBe(2);
    expect((await list(me.client, '?unread=true')).map((n) => n.id)).not.toContain(newest.id);
    expect((await list(me.client, '?unread=false')).length).toBe(3);
    expect((await me.client.get('/api/notifications?unread=maybe')).statusCode).toBe(400);

    const all = await me.client.post('/api/notifications/read-all');
    expect(all.statusCode).toBe(200);
    expect(all.json<{ data: { marked: number } }>().data.marked).toBe(2);
    expect(await unread(me.client)).toBe(0);
    expect(await list(me.client, '?unread=true')).toEqual([]);
    // The other person's notification is untouched.
    expect(await unread(other.client)).toBe(1);
  });

  it('refuses a state change without the CSRF token', async () => {
    const me = await person('inbox-csrf@example.org');
    const response = await me.client.request(
      'POST',
      '/api/notifications/read-all',
      {},
      { 'x-csrf-token': 'x' },
    );
    expect(response.statusCode).toBe(403);
  });

  it('returns at most 50', async () => {
    const me = await person('inbox-many@example.org');
    for (let i = 0; i < 55; i += 1) {
      await notify([me.id], submitted(`CC-2569-${String(100 + i)}`));
    }
    const items = await list(me.client);
    expect(items.length).toBe(50);
    // newest first (two inserts in the same microsecond may come in either order)
    const titles = items.map((item) => item.title);
    expect(titles.slice(0, 2)).toContain('ยื่นข้อเสนอแล้ว: CC-2569-154');
    expect(titles).not.toContain('ยื่นข้อเสนอแล้ว: CC-2569-100');
    expect(await unread(me.client)).toBe(55);
  });
});
