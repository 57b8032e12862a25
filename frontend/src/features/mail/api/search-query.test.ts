import { describe, expect, it } from 'vitest';
import { searchParams } from './search-query';

describe('searchParams', () => {
  it('searches the subject with free words', () => {
    expect(searchParams('budget 2027')).toEqual({ subject: 'budget 2027' });
  });

  it('reads field prefixes, quoted values and a date range', () => {
    expect(
      searchParams(
        'from:alice@example.net to:"team@example.org" body:"pizza on friday" since:2026-01-01 before:2026-02-01',
      ),
    ).toEqual({
      from: 'alice@example.net',
      to: 'team@example.org',
      body: 'pizza on friday',
      since: '2026-01-01',
      before: '2026-02-01',
    });
  });

  it('combines a subject prefix with free words and keeps unknown prefixes as words', () => {
    expect(searchParams('FROM:bob subject:lunch friday cc:x')).toEqual({
      from: 'bob',
      subject: 'lunch friday cc:x',
    });
  });

  it('gives nothing for an empty query', () => {
    expect(searchParams('   ')).toEqual({});
  });
});
