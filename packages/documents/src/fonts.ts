/**
 * The embedded font: Noto Serif, full TrueType files from `@expo-google-fonts/noto-serif` (every
 * Vietnamese precomposed letter; OFL-1.1). The WOFF subsets of `@fontsource/*` render blank in PDF
 * libraries, so they are not used. pdfkit embeds the subset of glyphs a document uses, with a
 * ToUnicode map, so `pdftotext` gives the text back exactly.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FontFace, string> = {
  regular: '400Regular/NotoSerif_400Regular.ttf',
  bold: '700Bold/NotoSerif_700Bold.ttf',
  italic: '400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/NotoSerif_700Bold_Italic.ttf',
};

let cache: Record<FontFace, Buffer> | undefined;

/** The four faces as TTF buffers (read once per process). */
export function fontBuffers(): Record<FontFace, Buffer> {
  if (!cache) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@expo-google-fonts/noto-serif/package.json'));
    cache = {
      regular: readFileSync(join(dir, FILES.regular)),
      bold: readFileSync(join(dir, FILES.bold)),
      italic: readFileSync(join(dir, FILES.italic)),
      boldItalic: readFileSync(join(dir, FILES.boldItalic)),
    };
  }
  return cache;
}
