import { describe, expect, it } from 'vitest';
import { loginPath, safeNextPath } from './api';

describe('safeNextPath', () => {
  it('keeps same-site paths and refuses other origins', () => {
    expect(safeNextPath('/admin/audit?action=x')).toBe('/admin/audit?action=x');
    expect(safeNextPath(null)).toBe('/account');
    expect(safeNextPath('https://evil.example/')).toBe('/account');
    expect(safeNextPath('//evil.example/')).toBe('/account');
    expect(safeNextPath('/\\evil.example')).toBe('/account');
  });

  it('round-trips through the login path', () => {
    const next = '/account#sessions';
    const url = new URL(loginPath(next), 'http://localhost');
    expect(safeNextPath(url.searchParams.get('next'))).toBe(next);
  });
});

describe('initialOf', () => {
  it('takes the first consonant of a Thai name and the capital of a Latin one', async () => {
    const { initialOf } = await import('./components/account-nav');
    expect(initialOf('เจ้าหน้าที่โครงการ ตัวอย่าง')).toBe('จ');
    expect(initialOf('สมหญิง')).toBe('ส');
    expect(initialOf(' alice')).toBe('A');
    expect(initialOf('')).toBe('?');
  });
});
