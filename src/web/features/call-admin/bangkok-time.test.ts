import { describe, expect, it } from 'vitest';
import {
  bangkokDateOf,
  bangkokToIso,
  currentFiscalYearBe,
  endOfBangkokDay,
  isBlankDateTime,
  isoToBangkok,
} from './bangkok-time';
import { bahtToSatang, satangToBahtText } from './baht';

describe('bangkokToIso', () => {
  it('turns a Buddhist-Era date and a Bangkok time into an instant with +07:00', () => {
    expect(bangkokToIso({ day: '1', month: '12', yearBe: '2569', time: '09:00' })).toBe(
      '2026-12-01T09:00:00+07:00',
    );
    expect(bangkokToIso({ day: '31', month: '1', yearBe: '2570', time: '23:59:59' })).toBe(
      '2027-01-31T23:59:59+07:00',
    );
  });

  it('is the same instant as UTC seven hours earlier', () => {
    const iso = bangkokToIso({ day: '1', month: '1', yearBe: '2569', time: '06:30' });
    expect(iso).not.toBeNull();
    expect(new Date(iso ?? '').toISOString()).toBe('2025-12-31T23:30:00.000Z');
  });

  it('refuses dates that do not exist and times out of range', () => {
    expect(bangkokToIso({ day: '31', month: '2', yearBe: '2569', time: '09:00' })).toBeNull();
    expect(bangkokToIso({ day: '29', month: '2', yearBe: '2569', time: '09:00' })).toBeNull();
    expect(bangkokToIso({ day: '29', month: '2', yearBe: '2567', time: '09:00' })).toBe(
      '2024-02-29T09:00:00+07:00',
    );
    expect(bangkokToIso({ day: '1', month: '13', yearBe: '2569', time: '09:00' })).toBeNull();
    expect(bangkokToIso({ day: '1', month: '1', yearBe: '2569', time: '24:00' })).toBeNull();
    expect(bangkokToIso({ day: '1', month: '1', yearBe: '2569', time: '12:60' })).toBeNull();
    expect(bangkokToIso({ day: '1', month: '1', yearBe: '69', time: '09:00' })).toBeNull();
    expect(bangkokToIso({ day: '', month: '1', yearBe: '2569', time: '09:00' })).toBeNull();
    expect(bangkokToIso({ day: '1', month: '1', yearBe: '2569', time: '' })).toBeNull();
  });
});

describe('isoToBangkok', () => {
  it('reads any offset back as the Bangkok wall clock in the Buddhist Era', () => {
    expect(isoToBangkok('2026-12-01T02:00:00Z')).toEqual({
      day: '1',
      month: '12',
      yearBe: '2569',
      time: '09:00',
    });
    expect(isoToBangkok('2026-06-30T16:59:59.000Z')).toEqual({
      day: '30',
      month: '6',
      yearBe: '2569',
      time: '23:59:59',
    });
  });

  it('round-trips with bangkokToIso', () => {
    for (const iso of [
      '2026-03-15T08:05:00+07:00',
      '2027-01-31T23:59:59+07:00',
      '2025-10-01T00:00:00+07:00',
    ]) {
      expect(bangkokToIso(isoToBangkok(iso))).toBe(iso);
    }
  });

  it('gives empty parts for nothing or nonsense', () => {
    expect(isBlankDateTime(isoToBangkok(null))).toBe(true);
    expect(isBlankDateTime(isoToBangkok('not a date'))).toBe(true);
  });
});

describe('Bangkok days and fiscal years', () => {
  it('ends a day at 23:59:59 Bangkok time', () => {
    expect(endOfBangkokDay('2026-12-15')).toBe('2026-12-15T23:59:59+07:00');
    expect(endOfBangkokDay('2026-02-30')).toBeNull();
    expect(endOfBangkokDay('')).toBeNull();
  });

  it('takes the Bangkok calendar date of an instant', () => {
    expect(bangkokDateOf(Date.parse('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(bangkokDateOf(Date.parse('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
  });

  it('starts the fiscal year on 1 October, in Bangkok', () => {
    expect(currentFiscalYearBe(Date.parse('2026-09-30T16:59:59Z'))).toBe(2569);
    expect(currentFiscalYearBe(Date.parse('2026-09-30T17:00:00Z'))).toBe(2570);
  });
});

describe('baht and satang', () => {
  it('reads amounts as people type them', () => {
    expect(bahtToSatang('1,500,000')).toBe(150_000_000);
    expect(bahtToSatang(' 2500.5 ')).toBe(250_050);
    expect(bahtToSatang('฿300.25')).toBe(30_025);
    expect(bahtToSatang('300 บาท')).toBe(30_000);
    expect(bahtToSatang('0')).toBe(0);
  });

  it('tells an empty field from a wrong one', () => {
    expect(bahtToSatang('')).toBeUndefined();
    expect(bahtToSatang('   ')).toBeUndefined();
    expect(bahtToSatang('-5')).toBeNull();
    expect(bahtToSatang('1.005')).toBeNull();
    expect(bahtToSatang('abc')).toBeNull();
    expect(bahtToSatang('99999999999999999999')).toBeNull();
  });

  it('writes satang back as the text of the input', () => {
    expect(satangToBahtText(150_000_000)).toBe('1500000');
    expect(satangToBahtText(250_050)).toBe('2500.50');
    expect(satangToBahtText(5)).toBe('0.05');
    expect(satangToBahtText(null)).toBe('');
  });
});
