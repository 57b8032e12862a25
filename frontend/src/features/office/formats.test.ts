import { describe, expect, it } from 'vitest';
import {
  documentEditorPath,
  extensionOf,
  isOfficeFile,
  isTextFile,
  opensInDocumentEditorByDefault,
  textEditorPath,
} from './formats';

describe('formats', () => {
  it('sends office files to the document editor and keeps PDF previews', () => {
    expect(isOfficeFile('Report.DOCX')).toBe(true);
    expect(opensInDocumentEditorByDefault('Report.DOCX')).toBe(true);
    expect(isOfficeFile('scan.pdf')).toBe(true);
    expect(opensInDocumentEditorByDefault('scan.pdf')).toBe(false);
    expect(isOfficeFile('photo.png')).toBe(false);
  });

  it('edits text, markdown, code and CSV in the built-in editor', () => {
    expect(isTextFile('notes.md')).toBe(true);
    expect(isTextFile('data.csv')).toBe(true);
    expect(isTextFile('Main.java')).toBe(true);
    expect(isTextFile('Dockerfile')).toBe(true);
    expect(isTextFile('movie.mp4')).toBe(false);
    expect(extensionOf('archive.tar.gz')).toBe('gz');
    expect(extensionOf('README')).toBe('');
  });

  it('builds the editor page path', () => {
    expect(documentEditorPath('a/b')).toBe('/documents/edit/a%2Fb');
  });

  it('opens files of a share through the share, with the way back into it', () => {
    expect(documentEditorPath('f1', { shareId: 's/1', folderId: 'd1' })).toBe(
      '/documents/edit/f1?share=s%2F1',
    );
    expect(textEditorPath('f1', { shareId: 's1', folderId: 'd 1' })).toBe(
      '/documents/text/f1?share=s1&folder=d%201',
    );
    expect(textEditorPath('f1', { shareId: 's1', folderId: null })).toBe(
      '/documents/text/f1?share=s1',
    );
    expect(textEditorPath('f1')).toBe('/documents/text/f1');
  });
});
