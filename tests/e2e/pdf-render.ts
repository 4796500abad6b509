import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';

const require = createRequire(import.meta.url);
const pdfjsDir = require.resolve('pdfjs-dist/build/pdf.mjs').replace(/pdf\.mjs$/, '');
const ORIGIN = 'http://pdf-render.local';

const PAGE = `<!doctype html><html><body style="margin:0;background:#fff">
<canvas id="page"></canvas>
<script type="module">
import * as pdfjs from './pdf.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = './pdf.worker.mjs';
try {
  const doc = await pdfjs.getDocument({ url: './document.pdf' }).promise;
  const texts = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => item.str ?? '').join(''));
  }
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 1.5 });
  const canvas = document.getElementById('page');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  const context = canvas.getContext('2d');
  await page.render({ canvasContext: context, canvas, viewport }).promise;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] < 128 && pixels[i + 1] < 128 && pixels[i + 2] < 128) ink += 1;
  }
  window.__pdf = { pages: doc.numPages, text: texts.join('\\n'), inkRatio: ink / (pixels.length / 4) };
} catch (error) {
  window.__pdf = { error: String(error) };
}
</script></body></html>`;

export interface RenderedPdf {
  pages: number;
  /** All text of the document as pdf.js extracts it (from the embedded font's Unicode map). */
  text: string;
  /** Share of dark pixels on page 1: glyphs were drawn. */
  inkRatio: number;
  /** Page 1 as PNG. */
  png: Buffer;
}

/** Renders a PDF with pdf.js inside Chromium: the first page to an image, and every page's text. */
export async function renderPdf(browser: Browser, pdf: Buffer): Promise<RenderedPdf> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  try {
    await page.route(`${ORIGIN}/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === 'index.html') {
        return route.fulfill({ contentType: 'text/html', body: PAGE });
      }
      if (name === 'document.pdf') {
        return route.fulfill({ contentType: 'application/pdf', body: pdf });
      }
      if (name === 'pdf.mjs' || name === 'pdf.worker.mjs') {
        return route.fulfill({ contentType: 'text/javascript', body: readFileSync(pdfjsDir + name) });
      }
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction(() => 'window' in globalThis && '__pdf' in window, undefined, {
      timeout: 30_000,
    });
    const result = (await page.evaluate(() => (window as unknown as { __pdf: unknown }).__pdf)) as
      { pages: number; text: string; inkRatio: number } | { error: string };
    if ('error' in result) {
      throw new Error(`pdf.js could not render the document: ${result.error}`);
    }
    const png = await page.locator('#page').screenshot();
    return { ...result, png };
  } finally {
    await page.close();
  }
}
