/** The server-side search fields of GET /api/mail/accounts/{id}/messages. */
export type SearchField = 'from' | 'to' | 'subject' | 'body' | 'since' | 'before';

const FIELDS: readonly SearchField[] = ['from', 'to', 'subject', 'body', 'since', 'before'];

/**
 * Turns what the user typed in the search box into the API's search parameters: `from:alice to:bob@example.org
 * body:"pizza on friday" since:2026-01-01 before:2026-02-01 budget`. Values may be quoted; free words search the
 * subject. The server checks the values (dates are YYYY-MM-DD).
 */
export function searchParams(query: string): Partial<Record<SearchField, string>> {
  const params: Partial<Record<SearchField, string>> = {};
  const free: string[] = [];
  const token = /(\w+):(?:"([^"]*)"|(\S+))|"([^"]*)"|(\S+)/g;
  for (const m of query.matchAll(token)) {
    const field = m[1]?.toLowerCase() as SearchField | undefined;
    const value = m[2] ?? m[3];
    if (field !== undefined && FIELDS.includes(field) && value !== undefined && value !== '') {
      params[field] = params[field] === undefined ? value : `${params[field]} ${value}`;
    } else {
      free.push(m[4] ?? m[5] ?? m[0]);
    }
  }
  const words = free.join(' ').trim();
  if (words !== '') {
    params.subject = params.subject === undefined ? words : `${params.subject} ${words}`;
  }
  return params;
}
