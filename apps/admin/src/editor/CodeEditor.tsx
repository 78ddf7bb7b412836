/**
 * CodeMirror 6 in React: the criteria language's highlighting, diagnostics as underlines and gutter
 * marks, and a handle to move the cursor or replace a range from outside (the problems panel).
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import type { Diagnostic, Range } from '@hoctap/criteria-dsl';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { criteriaSupport } from './language.ts';

export interface CodeEditorHandle {
  /** Puts the cursor at a 1-based line and column and focuses the editor. */
  goTo(line: number, column: number): void;
  /** Replaces the text of a diagnostic's range. */
  replace(range: Range, text: string): void;
  /** Replaces the whole text. */
  setText(text: string): void;
}

export interface CodeEditorProps {
  readonly initialText: string;
  readonly onChange: (text: string) => void;
  readonly diagnostics: readonly Diagnostic[];
  readonly lang: 'vi' | 'en';
  readonly ariaLabel: string;
  readonly describedBy?: string;
}

/** A 1-based line/column as a document offset, clamped to the document. */
function offsetOf(state: EditorState, line: number, column: number): number {
  const l = state.doc.line(Math.min(Math.max(1, line), state.doc.lines));
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}

/** The language package's diagnostics as CodeMirror diagnostics. */
export function toCmDiagnostics(state: EditorState, ds: readonly Diagnostic[], lang: 'vi' | 'en'): CmDiagnostic[] {
  return ds.map((d) => {
    const from = offsetOf(state, d.range.start.line, d.range.start.column);
    let to = offsetOf(state, d.range.end.line, d.range.end.column);
    if (to <= from) to = Math.min(from + 1, state.doc.length);
    const msg = lang === 'en' ? d.messageEn : d.message;
    const hint = d.suggestion ? (lang === 'en' ? ` — did you mean “${d.suggestion}”?` : ` — ý bạn là “${d.suggestion}”?`) : '';
    return { from, to, severity: d.severity, source: d.code, message: `${msg}${hint}` };
  });
}

export const CodeEditor = forwardRef<CodeEditorHandle, CodeEditorProps>(function CodeEditor(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: props.initialText,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          EditorView.lineWrapping,
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
          criteriaSupport(),
          lintGutter(),
          EditorView.contentAttributes.of({
            'aria-label': props.ariaLabel,
            ...(props.describedBy ? { 'aria-describedby': props.describedBy } : {}),
            spellcheck: 'false',
            autocapitalize: 'off',
            autocorrect: 'off',
            lang: 'vi',
          }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChange.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    // axe does not count the contenteditable as focusable content of the scrolling region, so the
    // region takes a tab stop of its own (arrow keys scroll it; the next Tab enters the text).
    v.scrollDOM.tabIndex = 0;
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is created once; later text changes come from the user or the handle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch(setDiagnostics(v.state, toCmDiagnostics(v.state, props.diagnostics, props.lang)));
  }, [props.diagnostics, props.lang]);

  useImperativeHandle(ref, () => ({
    goTo(line, column) {
      const v = view.current;
      if (!v) return;
      const pos = offsetOf(v.state, line, column);
      v.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
      v.focus();
    },
    replace(range, text) {
      const v = view.current;
      if (!v) return;
      const from = offsetOf(v.state, range.start.line, range.start.column);
      const to = Math.max(from, offsetOf(v.state, range.end.line, range.end.column));
      v.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      v.focus();
    },
    setText(text) {
      const v = view.current;
      if (!v) return;
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
    },
  }));

  return <div ref={host} className="editor-host" data-testid="code-editor" />;
});
