import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * PDF documents in Thai and English with pdfkit and the Sarabun font from `@fontsource/sarabun`. The font comes as
 * subsets (Thai glyphs in one file, Latin in another), so every text is cut into runs by script and each run is set in
 * the subset that has its glyphs; pdfkit (through fontkit) then shapes Thai with the font's own mark positioning, so
 * vowels and tone marks sit where they belong. Thai has no spaces between words: lines wrap at the word boundaries
 * `Intl.Segmenter('th')` finds (see `markThaiWordBreaks`).
 */

const ZWSP = '\u200B';
const THAI = /[\u0E00-\u0E7F]/;
const OPENING = /[([{"'“‘«]$/;
/** SARA AM: the font draws it as two glyphs (NIKHAHIT and SARA AA), see `fixSaraAmText`. */
const SARA_AM = '\u0E33';
const require = createRequire(import.meta.url);

/**
 * The font a run is set in. `thai-am` is a second copy of the Thai subset used only for clusters with SARA AM: the
 * font draws SARA AM as NIKHAHIT plus SARA AA, and a PDF maps each glyph to one text, so this copy maps its glyphs
 * for SARA AM alone (see `fixSaraAmText`) while the plain SARA AA of the Thai copy keeps its own text.
 */
type Subset = 'thai' | 'thai-am' | 'latin';
type Weight = 400 | 700;

const fontCache = new Map<string, Buffer>();

function fontBytes(subset: Subset, weight: Weight): Buffer {
  const key = `${subset === 'latin' ? 'latin' : 'thai'}-${weight}`;
  let bytes = fontCache.get(key);
  if (!bytes) {
    bytes = readFileSync(require.resolve(`@fontsource/sarabun/files/sarabun-${key}-normal.woff`));
    fontCache.set(key, bytes);
  }
  return bytes;
}

const fontName = (subset: Subset, bold: boolean) => `${subset}-${bold ? 'bold' : 'regular'}`;

const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** Inserts U+200B between adjacent Thai words, so that text wraps at words rather than anywhere (or nowhere). */
export function markThaiWordBreaks(text: string): string {
  let out = '';
  let previous = '';
  for (const { segment } of wordSegmenter.segment(text.normalize('NFC'))) {
    if (previous && THAI.test(previous.at(-1) ?? '') && THAI.test(segment[0] ?? '')) {
      out += ZWSP;
    }
    out += segment;
    previous = segment;
  }
  return out;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'right' | 'center';
}

interface Run {
  text: string;
  subset: Subset;
}

/** A piece of text between two break opportunities, cut into font runs, with its width at the current style. */
interface Piece {
  runs: Run[];
  width: number;
  space: boolean;
}

type Line = Run[];

export interface TableColumn {
  header: string;
  /** Share of the table width; shares are normalised. */
  width: number;
  align?: 'left' | 'right';
}

export interface PdfOptions {
  title: string;
  author?: string;
  lang: 'th' | 'en';
  /** Text at the foot of every page, given its number and the page count. */
  footer?: (page: number, pages: number) => string;
}

const MARGIN = 56;
const BODY_SIZE = 11;
const LINE_FACTOR = 1.55;

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  for (const { segment } of graphemeSegmenter.segment(text.replaceAll(ZWSP, ''))) {
    const subset: Subset = segment.includes(SARA_AM) ? 'thai-am' : THAI.test(segment) ? 'thai' : 'latin';
    const last = runs.at(-1);
    if (last && last.subset === subset) {
      last.text += segment;
    } else {
      runs.push({ text: segment, subset });
    }
  }
  return runs;
}

/** What pdfkit keeps of an embedded font: the glyphs of its subset and the text each one maps to. */
interface EmbeddedFontInternals {
  font?: { glyphForCodePoint(codePoint: number): { id: number } };
  subset?: { includeGlyph(id: number): number };
  unicode?: number[][];
}

/**
 * Opens the SARA AM copies of the Thai fonts as fonts of their own: pdfkit otherwise shares one embedded font among
 * all the names of one typeface.
 */
function openSaraAmCopies(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as { _font: { name: string }; _fontFamilies: Record<string, unknown> };
  for (const bold of [false, true]) {
    doc.font(fontName('thai', bold));
    const main = internals._font;
    delete internals._fontFamilies[main.name];
    doc.font(fontName('thai-am', bold));
    internals._fontFamilies[main.name] = main;
  }
}

/**
 * In the SARA AM copy of the Thai font, the SARA AA glyph only ever comes from SARA AM: it carries the text of SARA AM,
 * and the NIKHAHIT glyph before it (alone, or joined with a tone mark) carries no text of its own (U+200B, or the tone
 * mark). Copying or extracting the text then gives back SARA AM once, as typed.
 */
function fixSaraAmText(doc: PDFKit.PDFDocument): void {
  const embedded = (doc as unknown as { _font?: EmbeddedFontInternals })._font;
  if (!embedded?.font || !embedded.subset || !embedded.unicode) {
    return;
  }
  const unicode = embedded.unicode;
  const am = SARA_AM.charCodeAt(0);
  const aa = embedded.subset.includeGlyph(embedded.font.glyphForCodePoint(0x0e32).id);
  unicode.forEach((codePoints, gid) => {
    if (gid !== aa && codePoints.includes(am)) {
      const rest = codePoints.filter((c) => c !== am);
      unicode[gid] = rest.length > 0 ? rest : [ZWSP.charCodeAt(0)];
    }
  });
  unicode[aa] = [am];
}

/** A document under construction: headings, paragraphs, label and value pairs, tables; pages added as needed. */
export class PdfBuilder {
  readonly doc: PDFKit.PDFDocument;
  private y: number;
  private readonly options: PdfOptions;

  constructor(options: PdfOptions) {
    this.options = options;
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: { Title: options.title, Author: options.author ?? '', Creator: 'SI Platform' },
      lang: options.lang === 'th' ? 'th-TH' : 'en-GB',
      displayTitle: true,
    });
    for (const subset of ['thai', 'thai-am', 'latin'] as const) {
      this.doc.registerFont(fontName(subset, false), fontBytes(subset, 400));
      this.doc.registerFont(fontName(subset, true), fontBytes(subset, 700));
    }
    openSaraAmCopies(this.doc);
    this.y = MARGIN;
  }

  /** Where the next line is written, in points from the top of the page. */
  get cursor(): number {
    return this.y;
  }

  private get left() {
    return MARGIN;
  }

  private get contentWidth() {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom() {
    return this.doc.page.height - MARGIN;
  }

  private measure(run: Run, size: number, bold: boolean): number {
    return this.doc.font(fontName(run.subset, bold)).fontSize(size).widthOfString(run.text);
  }

  private piecesOf(text: string, size: number, bold: boolean): Piece[] {
    const pieces: Piece[] = [];
    let glueNext = false;
    for (const part of markThaiWordBreaks(text).split(ZWSP)) {
      for (const { segment, isWordLike } of wordSegmenter.segment(part)) {
        const runs = runsOf(segment);
        const width = runs.reduce((sum, r) => sum + this.measure(r, size, bold), 0);
        const space = segment.trim() === '';
        const last = pieces.at(-1);
        if (!space && last && !last.space && (glueNext || !isWordLike)) {
          // Punctuation stays with the word before it, and an opening mark with the word after it.
          last.runs = mergeRuns([...last.runs, ...runs]);
          last.width += width;
          glueNext = !isWordLike && OPENING.test(segment);
          continue;
        }
        pieces.push({ runs, width, space });
        glueNext = !space && !isWordLike && OPENING.test(segment);
      }
      glueNext = false;
    }
    return pieces;
  }

  /** Breaks a piece wider than a line into grapheme clusters (a base letter keeps its marks). */
  private splitPiece(piece: Piece, size: number, bold: boolean): Piece[] {
    const out: Piece[] = [];
    for (const run of piece.runs) {
      for (const { segment } of graphemeSegmenter.segment(run.text)) {
        const r = { text: segment, subset: run.subset };
        out.push({ runs: [r], width: this.measure(r, size, bold), space: false });
      }
    }
    return out;
  }

  /** Lays a text out in lines no wider than `width`, breaking at words (and inside a word only when it must). */
  layout(text: string, width: number, style: TextStyle = {}): Array<{ runs: Line; width: number }> {
    const size = style.size ?? BODY_SIZE;
    const bold = style.bold ?? false;
    const lines: Array<{ runs: Line; width: number }> = [];
    for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
      let current: Piece[] = [];
      let currentWidth = 0;
      const flush = () => {
        while (current.at(-1)?.space) {
          currentWidth -= current.pop()?.width ?? 0;
        }
        lines.push({ runs: mergeRuns(current.flatMap((p) => p.runs)), width: currentWidth });
        current = [];
        currentWidth = 0;
      };
      const queue = this.piecesOf(paragraph, size, bold);
      while (queue.length > 0) {
        const piece = queue.shift() as Piece;
        if (piece.space && current.length === 0) {
          continue;
        }
        if (currentWidth + piece.width <= width) {
          current.push(piece);
          currentWidth += piece.width;
        } else if (piece.space) {
          flush();
        } else if (piece.width <= width) {
          flush();
          current.push(piece);
          currentWidth = piece.width;
        } else {
          const parts = this.splitPiece(piece, size, bold);
          if (parts.length > 1) {
            queue.unshift(...parts);
          } else {
            if (current.length > 0) {
              flush();
            }
            current.push(piece);
            currentWidth = piece.width;
          }
        }
      }
      flush();
    }
    return lines;
  }

  lineHeight(size = BODY_SIZE): number {
    return size * LINE_FACTOR;
  }

  private drawLine(
    line: { runs: Line; width: number },
    x: number,
    y: number,
    width: number,
    style: TextStyle,
  ) {
    const size = style.size ?? BODY_SIZE;
    const bold = style.bold ?? false;
    let at = x;
    if (style.align === 'right') {
      at = x + width - line.width;
    } else if (style.align === 'center') {
      at = x + (width - line.width) / 2;
    }
    this.doc.fillColor(style.color ?? '#1a2433');
    for (const run of line.runs) {
      this.doc.font(fontName(run.subset, bold)).fontSize(size).text(run.text, at, y, { lineBreak: false });
      if (run.subset === 'thai-am') {
        fixSaraAmText(this.doc);
      }
      at += this.measure(run, size, bold);
    }
  }

  /** Starts a new page when less than `height` points remain. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom) {
      this.doc.addPage();
      this.y = MARGIN;
    }
  }

  space(points: number): this {
    this.y += points;
    return this;
  }

  /** A block of text, wrapped to the page (or `indent` points in), continued on new pages as needed. */
  paragraph(text: string, style: TextStyle & { indent?: number } = {}): this {
    const indent = style.indent ?? 0;
    const width = this.contentWidth - indent;
    const height = this.lineHeight(style.size);
    for (const line of this.layout(text, width, style)) {
      this.ensureSpace(height);
      this.drawLine(line, this.left + indent, this.y, width, style);
      this.y += height;
    }
    return this;
  }

  heading(text: string, level: 1 | 2 | 3 = 2): this {
    const size = level === 1 ? 18 : level === 2 ? 14 : 12;
    this.ensureSpace(this.lineHeight(size) * 2);
    this.space(level === 1 ? 0 : size * 0.6);
    this.paragraph(text, { size, bold: true, color: level === 1 ? '#0b3a5b' : '#1a2433' });
    if (level <= 2) {
      this.rule();
    }
    return this;
  }

  /** A question and its answer: the label in bold, the answer below it, indented. */
  field(label: string, value: string): this {
    this.ensureSpace(this.lineHeight() * 2);
    this.paragraph(label, { bold: true });
    this.paragraph(value, { indent: 12 });
    return this.space(4);
  }

  rule(): this {
    this.doc
      .moveTo(this.left, this.y + 2)
      .lineTo(this.left + this.contentWidth, this.y + 2)
      .lineWidth(0.6)
      .strokeColor('#9aa7b5')
      .stroke();
    return this.space(8);
  }

  /**
   * A drawing of `height` points at the cursor (a new page first when it does not fit): `draw` gets the document and the
   * box to draw in; the cursor then moves below it. For charts and diagrams drawn with pdfkit's own graphics.
   */
  figure(
    height: number,
    draw: (doc: PDFKit.PDFDocument, box: { x: number; y: number; width: number }) => void,
  ): this {
    this.ensureSpace(height);
    draw(this.doc, { x: this.left, y: this.y, width: this.contentWidth });
    this.y += height;
    return this;
  }

  /** Width left for content on the current page, and the points left below the cursor. */
  get room(): { width: number; height: number; pageHeight: number } {
    return { width: this.contentWidth, height: this.bottom - this.y, pageHeight: this.bottom - MARGIN };
  }

  /**
   * Text set at a given place outside the flow (inside a figure), wrapped to `width`, at most `maxLines` lines (the last
   * one cut with "…"). Returns the height it took. Thai is set as in paragraphs.
   */
  textAt(
    text: string,
    x: number,
    y: number,
    width: number,
    style: TextStyle & { maxLines?: number } = {},
  ): number {
    let lines = this.layout(text, width, style);
    if (style.maxLines !== undefined && lines.length > style.maxLines) {
      lines = lines.slice(0, style.maxLines);
      const last = lines.at(-1);
      if (last) {
        last.runs = mergeRuns([...last.runs, { text: '…', subset: 'latin' }]);
      }
    }
    const height = this.lineHeight(style.size);
    lines.forEach((line, i) => this.drawLine(line, x, y + i * height, width, style));
    return lines.length * height;
  }

  /** A table with a header row (repeated on each new page) and wrapped cells; rows may run across pages. */
  table(columns: TableColumn[], rows: string[][], options: { size?: number } = {}): this {
    const size = options.size ?? BODY_SIZE - 1;
    const lineHeight = this.lineHeight(size);
    const pad = 4;
    const total = columns.reduce((sum, c) => sum + c.width, 0) || 1;
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const layoutRow = (cells: string[], bold: boolean) =>
      columns.map((_, i) => this.layout(cells[i] ?? '', (widths[i] ?? 0) - 2 * pad, { size, bold }));

    const header = layoutRow(
      columns.map((c) => c.header),
      true,
    );
    const headerHeight = Math.max(...header.map((l) => l.length)) * lineHeight + 2 * pad;
    const drawRow = (
      cellLines: Array<Array<{ runs: Line; width: number }>>,
      from: number,
      count: number,
      bold: boolean,
      fill: string | null,
    ) => {
      const height = count * lineHeight + 2 * pad;
      if (fill) {
        this.doc.rect(this.left, this.y, this.contentWidth, height).fillColor(fill).fill();
      }
      cellLines.forEach((lines, i) => {
        const x = xs[i] ?? this.left;
        const w = widths[i] ?? 0;
        lines.slice(from, from + count).forEach((line, k) => {
          this.drawLine(line, x + pad, this.y + pad + k * lineHeight, w - 2 * pad, {
            size,
            bold,
            align: columns[i]?.align ?? 'left',
          });
        });
        this.doc.rect(x, this.y, w, height).lineWidth(0.5).strokeColor('#9aa7b5').stroke();
      });
      this.y += height;
    };
    const drawHeader = () => {
      drawRow(header, 0, Math.max(...header.map((l) => l.length)), true, '#e8eef4');
    };

    this.ensureSpace(headerHeight + lineHeight + 2 * pad);
    drawHeader();
    for (const cells of rows) {
      const lines = layoutRow(cells, false);
      const rowLines = Math.max(1, ...lines.map((l) => l.length));
      let from = 0;
      while (from < rowLines) {
        let fit = Math.floor((this.bottom - this.y - 2 * pad) / lineHeight);
        if (fit < 1 || (from === 0 && fit < rowLines && rowLines * lineHeight < this.bottom - MARGIN - 200)) {
          this.doc.addPage();
          this.y = MARGIN;
          drawHeader();
          fit = Math.floor((this.bottom - this.y - 2 * pad) / lineHeight);
        }
        const count = Math.max(1, Math.min(fit, rowLines - from));
        drawRow(lines, from, count, false, null);
        from += count;
      }
    }
    return this.space(8);
  }

  /** Finishes the document (page footers included) and returns its bytes. */
  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    const footer = this.options.footer;
    if (footer) {
      const range = this.doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i += 1) {
        this.doc.switchToPage(i);
        const text = footer(i - range.start + 1, range.count);
        const y = this.doc.page.height - MARGIN + 16;
        const margins = this.doc.page.margins;
        const saved = margins.bottom;
        margins.bottom = 0;
        for (const line of this.layout(text, this.contentWidth, { size: 8 })) {
          this.drawLine(line, this.left, y, this.contentWidth, {
            size: 8,
            color: '#5b6775',
            align: 'center',
          });
        }
        margins.bottom = saved;
      }
    }
    this.doc.end();
    return done;
  }
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (last && last.subset === run.subset) {
      last.text += run.text;
    } else {
      out.push({ ...run });
    }
  }
  return out;
}

const BANGKOK = 'Asia/Bangkok';

/** A date and time in Bangkok: Buddhist Era in Thai ("1 ธ.ค. 2569 14:05 น."), Common Era in English. */
export function formatDateTime(value: Date, lang: 'th' | 'en'): string {
  const text = new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist-nu-latn' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: BANGKOK,
  }).format(value);
  return lang === 'th' ? `${text} น.` : text;
}

/** A Bangkok calendar date from `YYYY-MM-DD`: Buddhist Era in Thai, Common Era in English. */
export function formatIsoDate(value: string, lang: 'th' | 'en'): string {
  const date = new Date(`${value}T00:00:00+07:00`);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist-nu-latn' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: BANGKOK,
  }).format(date);
}

/** Integer satang as baht with thousands separators: "1,500,000.50 บาท" / "฿1,500,000.50". */
export function formatBaht(satang: number, lang: 'th' | 'en'): string {
  const fraction = satang % 100 === 0 ? 0 : 2;
  const amount = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: fraction,
    maximumFractionDigits: fraction,
  }).format(satang / 100);
  return lang === 'th' ? `${amount} บาท` : `฿${amount}`;
}
