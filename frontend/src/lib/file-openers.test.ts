import { describe, expect, it, vi } from 'vitest';
import {
  createFileActions,
  fileOpenersFor,
  primaryOpenerFor,
  registerCreateFileAction,
  registerFileOpener,
} from './file-openers';

describe('file openers', () => {
  it('offers the openers that handle a file and picks the primary one', () => {
    const open = vi.fn();
    const editor = {
      label: 'Edit',
      canOpen: (f: { name: string }) => f.name.endsWith('.md'),
      primary: () => false,
      open,
    };
    const docs = {
      label: 'Open in document editor',
      canOpen: (f: { name: string }) => f.name.endsWith('.docx'),
      primary: () => true,
      open,
    };
    registerFileOpener(editor);
    registerFileOpener(docs);
    registerFileOpener(docs);
    const md = { id: '1', name: 'notes.md', parentId: null };
    const docx = { id: '2', name: 'plan.docx', parentId: null };
    expect(fileOpenersFor(md)).toEqual([editor]);
    expect(primaryOpenerFor(md)).toBeUndefined();
    expect(fileOpenersFor(docx)).toEqual([docs]);
    expect(primaryOpenerFor(docx)).toBe(docs);
  });

  it('keeps create actions once each, in order', () => {
    const a = { label: 'New document', create: vi.fn() };
    const b = { label: 'New spreadsheet', create: vi.fn() };
    registerCreateFileAction(a);
    registerCreateFileAction(b);
    registerCreateFileAction(a);
    expect(createFileActions().map((x) => x.label)).toEqual(['New document', 'New spreadsheet']);
  });
});
