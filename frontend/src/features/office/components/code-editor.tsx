import { basicSetup } from 'codemirror';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';

/** CodeMirror's language support for a file extension, loaded only when needed. */
async function languageFor(extension: string): Promise<Extension> {
  switch (extension) {
    case 'md':
    case 'markdown':
      return (await import('@codemirror/lang-markdown')).markdown();
    case 'js':
    case 'mjs':
    case 'cjs':
    case 'jsx':
      return (await import('@codemirror/lang-javascript')).javascript({ jsx: true });
    case 'ts':
    case 'tsx':
      return (await import('@codemirror/lang-javascript')).javascript({
        jsx: true,
        typescript: true,
      });
    case 'json':
      return (await import('@codemirror/lang-json')).json();
    case 'css':
    case 'scss':
    case 'less':
      return (await import('@codemirror/lang-css')).css();
    case 'html':
    case 'htm':
    case 'vue':
    case 'svelte':
      return (await import('@codemirror/lang-html')).html();
    case 'py':
      return (await import('@codemirror/lang-python')).python();
    case 'java':
    case 'kt':
    case 'kts':
    case 'scala':
    case 'groovy':
      return (await import('@codemirror/lang-java')).java();
    case 'xml':
      return (await import('@codemirror/lang-xml')).xml();
    case 'sql':
      return (await import('@codemirror/lang-sql')).sql();
    default:
      return [];
  }
}

/**
 * A CodeMirror 6 editor (this module is loaded lazily, so CodeMirror stays out of the main bundle).
 * Mod-S calls `onSave`. `readOnly` shows the text without letting it change (a read-only share).
 */
export default function CodeEditor({
  initialText,
  extension,
  label,
  onChange,
  onSave,
  readOnly = false,
}: {
  initialText: string;
  extension: string;
  label: string;
  onChange: (text: string) => void;
  onSave: () => void;
  readOnly?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  const onSaveRef = useRef(onSave);
  useLayoutEffect(() => {
    onChangeRef.current = onChange;
    onSaveRef.current = onSave;
  }, [onChange, onSave]);

  useEffect(() => {
    if (host.current === null) {
      return;
    }
    // In a shadow root CodeMirror's styles become constructed style sheets, which the app's strict
    // CSP (style-src 'self', no inline <style>) allows; on the document they would be <style> tags.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const container = document.createElement('div');
    container.style.height = '100%';
    shadow.append(container);
    const language = new Compartment();
    const view = new EditorView({
      parent: container,
      root: shadow,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          keymap.of([
            {
              key: 'Mod-s',
              preventDefault: true,
              run: () => {
                onSaveRef.current();
                return true;
              },
            },
          ]),
          basicSetup,
          language.of([]),
          EditorView.lineWrapping,
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          EditorView.theme({
            '&': { height: '100%', backgroundColor: '#fff' },
            '.cm-scroller': { overflow: 'auto' },
          }),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              onChangeRef.current(update.state.doc.toString());
            }
          }),
        ],
      }),
    });
    let cancelled = false;
    void languageFor(extension).then((support) => {
      if (!cancelled) {
        view.dispatch({ effects: language.reconfigure(support) });
      }
    });
    return () => {
      cancelled = true;
      view.destroy();
      container.remove();
    };
    // The editor is created once per loaded text; later changes come from the user.
  }, [initialText, extension, label, readOnly]);

  return <div ref={host} className="code-editor" />;
}
