"use client";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { cedarHighlight, cedarLanguage } from "./cedar-language";

/** A problem at a line and column of the file (1-based). */
export interface EditorProblem {
  line: number;
  column: number;
  message: string;
}

const theme = EditorView.theme({
  "&": { fontSize: "13px", backgroundColor: "var(--color-card)", color: "var(--color-foreground)" },
  "&.cm-focused": { outline: "2px solid var(--color-ring)", outlineOffset: "-1px" },
  ".cm-scroller": { fontFamily: "var(--font-mono)", lineHeight: "1.55" },
  ".cm-content": { caretColor: "var(--color-foreground)" },
  ".cm-gutters": { backgroundColor: "var(--color-muted)", color: "var(--color-muted-foreground)", borderRight: "1px solid var(--color-border)" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "color-mix(in oklch, var(--color-muted) 60%, transparent)" },
  ".cm-tooltip": { backgroundColor: "var(--color-card)", color: "var(--color-foreground)", border: "1px solid var(--color-border)" },
});

function toDiagnostics(state: EditorState, problems: readonly EditorProblem[]): Diagnostic[] {
  return problems.map((problem) => {
    const line = state.doc.line(Math.min(Math.max(problem.line, 1), state.doc.lines));
    const from = Math.min(line.from + Math.max(problem.column - 1, 0), line.to);
    const word = /^[^\s();{}]+/.exec(state.doc.sliceString(from, line.to))?.[0].length ?? 0;
    return { from, to: Math.max(from + word, Math.min(from + 1, line.to)), severity: "error", message: problem.message };
  });
}

/**
 * The policy file in CodeMirror 6: Cedar highlighting, line numbers, undo, and the problems shown as lint
 * diagnostics at their line and column. Uncontrolled after the first render: `initialValue` seeds it and
 * every edit is reported through `onChange`.
 */
export function PolicyEditor({
  initialValue,
  onChange,
  problems,
  label,
  describedBy,
}: {
  initialValue: string;
  onChange: (value: string) => void;
  problems: readonly EditorProblem[];
  label: string;
  describedBy?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initialValue,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          indentOnInput(),
          bracketMatching(),
          lintGutter(),
          cedarLanguage,
          syntaxHighlighting(cedarHighlight),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          theme,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ "aria-label": label, ...(describedBy ? { "aria-describedby": describedBy } : {}) }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later values of these props do not recreate it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor) editor.dispatch(setDiagnostics(editor.state, toDiagnostics(editor.state, problems)));
  }, [problems]);

  return <div ref={host} className="max-h-[70vh] min-h-64 overflow-auto rounded-md border border-input text-sm [&_.cm-editor]:min-h-64" />;
}
