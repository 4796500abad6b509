import { expect } from 'vitest';
import type { TestClient } from '@tests/helpers/client';
import type { CallDetail, CreateCallInput, FormStage } from '@shared/contracts/calls';
import type { FormDefinitionInput } from '@shared/contracts/forms';

let codeCounter = 0;

/** A receipt code no other call of the test run uses: two to six capital letters. */
export function uniqueCallCode(prefix = 'F'): string {
  codeCounter += 1;
  const n = codeCounter;
  return `${prefix}${String.fromCharCode(65 + (Math.floor(n / 676) % 26))}${String.fromCharCode(
    65 + (Math.floor(n / 26) % 26),
  )}${String.fromCharCode(65 + (n % 26))}`;
}

export interface OpenCallOverrides {
  call?: Partial<CreateCallInput>;
  /** Forms by stage; stages not named keep the starter form the call was created with. */
  forms?: Partial<Record<FormStage, FormDefinitionInput>>;
  /** Leave the call a draft. */
  publish?: boolean;
}

/**
 * A call made the way officers make one: created through the API by `officer` (a programme officer), its forms saved,
 * then published. Opens on 1 Nov 2026 and closes at 23:59:59 Bangkok time on 31 Jan 2027 unless told otherwise.
 */
export async function createOpenCall(
  officer: TestClient,
  overrides: OpenCallOverrides = {},
): Promise<CallDetail> {
  const body: CreateCallInput = {
    programmeSlug: 'city-challenge',
    code: uniqueCallCode(),
    titleTh: 'รอบทดสอบการรับข้อเสนอ',
    titleEn: 'Test call for proposals',
    opensAt: '2026-11-01T00:00:00+07:00',
    closesAt: '2027-01-31T23:59:59+07:00',
    fiscalYear: 2570,
    totalBudgetSatang: 10_000_000_000,
    minGrantSatang: 10_000_000,
    maxGrantSatang: 500_000_000,
    ...overrides.call,
  };
  const created = await officer.post('/api/calls', body);
  expect(created.statusCode, created.body).toBe(201);
  let call = created.json<{ data: CallDetail }>().data;
  for (const [stage, definition] of Object.entries(overrides.forms ?? {})) {
    const saved = await officer.request('PUT', `/api/calls/${call.id}/forms/${stage}`, { definition });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  if (overrides.publish !== false) {
    const published = await officer.post(`/api/calls/${call.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    call = published.json<{ data: CallDetail }>().data;
  }
  return call;
}
