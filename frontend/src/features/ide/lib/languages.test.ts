import { describe, expect, it } from 'vitest';
import { baseName, join, languageOf, parentOf } from './languages';

describe('languageOf', () => {
  it('picks the language from the extension or the whole name', () => {
    expect(languageOf('main.py')).toBe('python');
    expect(languageOf('App.TSX')).toBe('typescript');
    expect(languageOf('Dockerfile')).toBe('dockerfile');
    expect(languageOf('.bashrc')).toBe('shell');
    expect(languageOf('notes')).toBe('plaintext');
  });
});

describe('paths', () => {
  it('splits and joins workspace-relative paths', () => {
    expect(parentOf('src/a/b.c')).toBe('src/a');
    expect(parentOf('b.c')).toBe('');
    expect(join('', 'x')).toBe('x');
    expect(join('src', 'x')).toBe('src/x');
    expect(baseName('src/a/b.c')).toBe('b.c');
  });
});
