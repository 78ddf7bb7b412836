import { inflateSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistry, type Registry } from '@hoctap/core';
import { national } from '@hoctap/plugin-national';
import { phuTho } from '@hoctap/plugin-phu-tho';
import { tanThanh } from '@hoctap/plugin-tan-thanh';
import { tanBien } from '@hoctap/plugin-tan-bien';

let registry: Registry | undefined;
/** The real registry: national, Phú Thọ, Tân Thạnh and Tân Biên. */
export function reg(): Registry {
  registry ??= createRegistry([national, phuTho, tanThanh, tanBien]);
  return registry;
}

const dir = mkdtempSync(join(tmpdir(), 'hoctap-docs-'));
let n = 0;

/** Text of a PDF through poppler's pdftotext (`-layout` keeps the columns). */
export function pdfText(pdf: Buffer, layout = false): string {
  const f = join(dir, `d${++n}.pdf`);
  writeFileSync(f, pdf);
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', f, '-'], { encoding: 'utf8' }).normalize('NFC');
}

/** Renders page `page` to PNG with pdftoppm; returns the PNG bytes. */
export function pdfPng(pdf: Buffer, page = 1): Buffer {
  const f = join(dir, `p${++n}.pdf`);
  writeFileSync(f, pdf);
  const prefix = join(dir, `png${n}`);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(page), '-l', String(page), f, prefix]);
  const file = readdirSync(dir).find((x) => x.startsWith(`png${n}`) && x.endsWith('.png'))!;
  return readFileSync(join(dir, file));
}

/** Number of pages (pdfinfo). */
export function pdfPages(pdf: Buffer): number {
  const f = join(dir, `i${++n}.pdf`);
  writeFileSync(f, pdf);
  const out = execFileSync('pdfinfo', [f], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(out)![1]);
}

/** Fonts embedded in a PDF (pdffonts): name, type, whether embedded, whether it has a ToUnicode map. */
export function pdfFonts(pdf: Buffer): { name: string; emb: boolean; uni: boolean }[] {
  const f = join(dir, `f${++n}.pdf`);
  writeFileSync(f, pdf);
  const out = execFileSync('pdffonts', [f], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0]!, emb: cols[cols.length - 5] === 'yes', uni: cols[cols.length - 3] === 'yes' };
  });
}

/** How many pixels of a PNG are not white — proves something was drawn (decodes with zlib). */
export function inkShare(png: Buffer): number {
  // Minimal PNG reader for 8-bit RGB(A) non-interlaced images (what pdftoppm writes).

  let off = 8;
  let w = 0, h = 0, ct = 0;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('ascii', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') { w = data.readUInt32BE(0); h = data.readUInt32BE(4); ct = data[9]!; }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const bpp = ct === 6 ? 4 : ct === 2 ? 3 : 1;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = w * bpp;
  const out = Buffer.alloc(h * stride);
  for (let y = 0; y < h; y++) {
    const f = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? out[(y - 1) * stride + x - bpp]! : 0;
      const v = raw[y * (stride + 1) + 1 + x]!;
      let p = v;
      if (f === 1) p = v + a;
      else if (f === 2) p = v + b;
      else if (f === 3) p = v + ((a + b) >> 1);
      else if (f === 4) { const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c); p = v + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c); }
      out[y * stride + x] = p & 255;
    }
  }
  let ink = 0;
  for (let i = 0; i < w * h; i++) if (out[i * bpp]! < 200) ink++;
  return ink / (w * h);
}
