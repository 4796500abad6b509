import { describe, expect, it } from 'vitest';
import { PdfBuilder, formatBaht, formatDateTime, markThaiWordBreaks } from './pdf';

describe('Thai text in PDFs', () => {
  it('marks the word boundaries of Thai text, and only between Thai words', () => {
    const marked = markThaiWordBreaks('นวัตกรรมเพื่อสังคม SI Platform');
    expect(marked.replace(/\u200B/g, '')).toBe('นวัตกรรมเพื่อสังคม SI Platform');
    expect(marked.split('\u200B').length).toBeGreaterThan(1);
    expect(marked).toContain('SI Platform');
  });

  it('wraps long Thai text at word boundaries within the width, never splitting a letter from its marks', () => {
    const pdf = new PdfBuilder({ title: 't', lang: 'th' });
    const text = 'การพัฒนานวัตกรรมเพื่อสังคมในพื้นที่จังหวัดที่มีความยากจนสูงโดยการมีส่วนร่วมของชุมชน'.repeat(3);
    const lines = pdf.layout(text, 200);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(line.width).toBeLessThanOrEqual(200.001);
      const first = line.runs[0]?.text ?? '';
      expect(first).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/);
    }
    expect(lines.map((l) => l.runs.map((r) => r.text).join('')).join('')).toBe(text);
  });

  it('keeps punctuation with the word before it', () => {
    const pdf = new PdfBuilder({ title: 't', lang: 'th' });
    const lines = pdf.layout('ชุมชนบ้านหนองบัว, อำเภอเมือง', 75);
    for (const line of lines) {
      expect(line.runs.map((r) => r.text).join('')).not.toMatch(/^,/);
    }
  });

  it('formats money and Bangkok times in the Buddhist Era', () => {
    expect(formatBaht(150_000_050, 'th')).toBe('1,500,000.50 บาท');
    expect(formatBaht(100_000, 'en')).toBe('฿1,000');
    expect(formatDateTime(new Date('2027-01-31T16:59:59Z'), 'th')).toBe('31 ม.ค. 2570 23:59 น.');
  });
});
