import { useEffect, useRef } from 'react';

/** What the mail view's keyboard shortcuts do. */
export interface MailShortcuts {
  next: () => void;
  previous: () => void;
  reply: () => void;
  replyAll: () => void;
  forward: () => void;
  compose: () => void;
  archive: () => void;
  remove: () => void;
  flag: () => void;
  unread: () => void;
  search: () => void;
  refresh: () => void;
}

/** The keys, as in Gmail and Roundcube: j/k, r, a, f, c, e, # or Delete, s, u, / and g. */
export const SHORTCUT_KEYS: Record<string, keyof MailShortcuts> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  r: 'reply',
  a: 'replyAll',
  f: 'forward',
  c: 'compose',
  e: 'archive',
  '#': 'remove',
  Delete: 'remove',
  s: 'flag',
  u: 'unread',
  '/': 'search',
  g: 'refresh',
};

/** Listens while enabled (no dialog open), ignoring keys typed into fields. */
export function useMailShortcuts(enabled: boolean, handlers: MailShortcuts) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (
        event.ctrlKey ||
        event.metaKey ||
        event.altKey ||
        (target !== null &&
          (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
      ) {
        return;
      }
      const name = SHORTCUT_KEYS[event.key];
      if (name !== undefined) {
        event.preventDefault();
        latest.current[name]();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [enabled]);
}
