import { describe, expect, it } from 'vitest';
import { CONTEST_STATUSES, CONTEST_TRANSITIONS } from '@shared/contracts/contests';
import {
  CODE_LENGTH,
  formatVerificationCode,
  newVerificationCode,
  normaliseVerificationCode,
} from './contests.certificates';
import { nextContestStatus, nextEntryStatus } from './contests.transitions';

describe('the contest status machine', () => {
  it.each([
    ['draft', 'open', 'open'],
    ['open', 'start_judging', 'judging'],
    ['judging', 'announce', 'announced'],
    ['announced', 'archive', 'archived'],
    ['draft', 'archive', 'archived'],
  ] as const)('%s --%s--> %s', (from, transition, to) => {
    expect(nextContestStatus(from, transition)).toBe(to);
  });

  it('refuses every other move', () => {
    const allowed = new Set([
      'draft:open',
      'open:start_judging',
      'judging:announce',
      'announced:archive',
      'draft:archive',
    ]);
    for (const status of CONTEST_STATUSES) {
      for (const transition of CONTEST_TRANSITIONS) {
        if (!allowed.has(`${status}:${transition}`)) {
          expect(nextContestStatus(status, transition), `${status} ${transition}`).toBeNull();
        }
      }
    }
  });

  it('moves entries between accepted and rejected until one wins', () => {
    expect(nextEntryStatus('submitted', 'accept')).toBe('accepted');
    expect(nextEntryStatus('submitted', 'reject')).toBe('rejected');
    expect(nextEntryStatus('accepted', 'reject')).toBe('rejected');
    expect(nextEntryStatus('rejected', 'accept')).toBe('accepted');
    expect(nextEntryStatus('accepted', 'accept')).toBeNull();
    expect(nextEntryStatus('winner', 'reject')).toBeNull();
  });
});

describe('certificate verification codes', () => {
  it('are 10 characters of Crockford base32 and rarely repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newVerificationCode()));
    expect(codes.size).toBe(2000);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      expect(code).toHaveLength(CODE_LENGTH);
    }
  });

  it('read back as typed: any case, with a dash or spaces, O for 0 and I or L for 1', () => {
    expect(normaliseVerificationCode('7k3qx-9m2td')).toBe('7K3QX9M2TD');
    expect(normaliseVerificationCode(' 7K3QX 9M2TD ')).toBe('7K3QX9M2TD');
    expect(normaliseVerificationCode('O1LIQ-XXXXX')).toBe('0111QXXXXX');
    expect(normaliseVerificationCode('7K3QX9M2T')).toBeNull();
    expect(normaliseVerificationCode('7K3QX9M2TU')).toBeNull();
    expect(formatVerificationCode('7K3QX9M2TD')).toBe('7K3QX-9M2TD');
  });
});
