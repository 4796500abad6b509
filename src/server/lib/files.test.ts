import { describe, expect, it } from 'vitest';
import { contentDisposition, sanitiseFileName, sniffFile } from '@server/lib/files';

describe('file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\แผนงาน.pdf', 'แผนงาน.pdf'],
    ['a\u0000b\u001f"c<>:|?*.pdf', 'abc.pdf'],
    ['...hidden', 'hidden'],
    ['   ', 'file'],
  ])('%j becomes %j', (input, expected) => {
    expect(sanitiseFileName(input)).toBe(expected);
  });

  it('keeps at most 200 characters and the ending', () => {
    const name = sanitiseFileName(`${'ก'.repeat(300)}.docx`);
    expect([...name].length).toBe(200);
    expect(name.endsWith('.docx')).toBe(true);
  });

  it('sends an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition("รายงาน (ฉบับ 1)'s.pdf")).toBe(
      `attachment; filename="______ (____ 1)'s.pdf"; filename*=UTF-8''%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99%20%28%E0%B8%89%E0%B8%9A%E0%B8%B1%E0%B8%9A%201%29%27s.pdf`,
    );
    expect(contentDisposition('a.pdf', true)).toBe(`inline; filename="a.pdf"; filename*=UTF-8''a.pdf`);
  });
});

describe('sniffing content', () => {
  it('knows a PDF and a PNG by their bytes, whatever their name', async () => {
    expect(await sniffFile(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1'), 'x.txt')).toEqual({
      contentType: 'application/pdf',
      kinds: ['pdf'],
    });
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    expect(await sniffFile(png, 'photo.pdf')).toEqual({ contentType: 'image/png', kinds: ['image'] });
  });

  it('tells legacy Office files apart by their ending, and knows nothing of plain text', async () => {
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]);
    expect(await sniffFile(cfb, 'budget.xls')).toEqual({
      contentType: 'application/vnd.ms-excel',
      kinds: ['spreadsheet'],
    });
    expect((await sniffFile(cfb, 'unknown'))?.kinds).toEqual(['word', 'spreadsheet', 'presentation']);
    expect(await sniffFile(Buffer.from('name,amount\nก,1\n'), 'budget.csv')).toBeNull();
  });
});
