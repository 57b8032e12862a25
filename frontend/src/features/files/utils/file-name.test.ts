import { describe, expect, it } from 'vitest';
import { copyName, nameProblem, splitExtension } from './file-name';

describe('nameProblem', () => {
  it.each([
    'report.pdf',
    'Ünïcödé – 日本語.txt',
    '.hidden',
    '...three dots',
    'a'.repeat(255),
    // 85 three-byte characters: exactly 255 bytes.
    '語'.repeat(85),
  ])('accepts %j', (name) => {
    expect(nameProblem(name)).toBeNull();
  });

  it.each([
    ['', 'Enter a name.'],
    ['  ', 'Enter a name.'],
    ['.', '“.” is reserved and cannot be used as a name.'],
    ['..', '“..” is reserved and cannot be used as a name.'],
    ['a/b', 'Names cannot contain / or \\.'],
    ['a\\b', 'Names cannot contain / or \\.'],
    ['nul\u0000byte', 'Names cannot contain control characters such as line breaks or tabs.'],
    ['line\nbreak', 'Names cannot contain control characters such as line breaks or tabs.'],
    ['del\u007f', 'Names cannot contain control characters such as line breaks or tabs.'],
    ['c1\u0085', 'Names cannot contain control characters such as line breaks or tabs.'],
  ])('refuses %j', (name, message) => {
    expect(nameProblem(name)).toBe(message);
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect(nameProblem('a'.repeat(256))).toMatch(/^The name is too long: 256 bytes, at most 255/);
    // 86 three-byte characters are 258 bytes although only 86 characters.
    expect(nameProblem('語'.repeat(86))).toMatch(/^The name is too long: 258 bytes/);
    // One emoji is four bytes.
    expect(nameProblem(`${'a'.repeat(252)}😀`)).toMatch(/256 bytes/);
  });
});

describe('copyName', () => {
  it('numbers copies before the extension', () => {
    expect(copyName('report.pdf', 1)).toBe('report (copy).pdf');
    expect(copyName('report.pdf', 2)).toBe('report (copy 2).pdf');
    expect(copyName('archive.tar.gz', 1)).toBe('archive.tar (copy).gz');
    expect(copyName('.env', 1)).toBe('.env (copy)');
    expect(copyName('v1.2', 1, true)).toBe('v1.2 (copy)');
  });

  it('splits extensions like a file manager', () => {
    expect(splitExtension('photo.jpeg')).toEqual(['photo', '.jpeg']);
    expect(splitExtension('Makefile')).toEqual(['Makefile', '']);
  });
});
