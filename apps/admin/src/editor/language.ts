/**
 * Highlighting of the criteria language in CodeMirror: a view plugin that runs the tokenizer over
 * the visible lines and marks each token with a class (`cm-tc-keyword`, …), and the colours.
 */
import { indentUnit } from '@codemirror/language';
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { tokenizeLine, type TokenKind } from './tokenize.ts';

const MARKS: Record<TokenKind, Decoration> = Object.fromEntries(
  (['keyword', 'operatorKeyword', 'atom', 'string', 'number', 'date', 'comment', 'operator', 'name', 'punctuation'] as const).map((k) => [
    k,
    Decoration.mark({ class: `cm-tc-${k}` }),
  ]),
) as Record<TokenKind, Decoration>;

function decorate(view: EditorView): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    let pos = from;
    while (pos <= to) {
      const line = view.state.doc.lineAt(pos);
      for (const t of tokenizeLine(line.text)) {
        if (t.kind === 'name' || t.kind === 'punctuation') continue;
        b.add(line.from + t.from, line.from + t.to, MARKS[t.kind]);
      }
      pos = line.to + 1;
    }
  }
  return b.finish();
}

const highlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorate(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.viewportChanged) this.decorations = decorate(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);

/** Colours with a contrast of at least 4.5:1 on white. */
const theme = EditorView.baseTheme({
  '.cm-tc-keyword': { color: '#7b1fa2', fontWeight: '600' },
  '.cm-tc-operatorKeyword': { color: '#0b6e4f', fontWeight: '600' },
  '.cm-tc-atom': { color: '#9a3412' },
  '.cm-tc-string': { color: '#1b5e20' },
  '.cm-tc-number, .cm-tc-date': { color: '#0d47a1' },
  '.cm-tc-comment': { color: '#5f6368', fontStyle: 'italic' },
  '.cm-tc-operator': { color: '#b00020' },
});

/** The criteria language's editor support: highlighting and two-space indentation. */
export function criteriaSupport(): Extension {
  return [highlighter, theme, indentUnit.of('  ')];
}
