import type { MessageSummary } from '../api/schemas';
import { formatAddress } from '../api/schemas';

interface Props {
  items: MessageSummary[];
  selected: MessageSummary | null;
  onSelect: (m: MessageSummary) => void;
}

/** Groups a page's messages by thread, newest thread first, replies indented under their thread. */
export function threads(items: MessageSummary[]): { item: MessageSummary; reply: boolean }[] {
  const order: string[] = [];
  const groups = new Map<string, MessageSummary[]>();
  for (const item of items) {
    const key = `${item.accountId}|${item.threadId}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [item]);
      order.push(key);
    } else {
      group.push(item);
    }
  }
  return order.flatMap((key) => (groups.get(key) ?? []).map((item, i) => ({ item, reply: i > 0 })));
}

function when(date: string | null | undefined): string {
  if (date === null || date === undefined) {
    return '';
  }
  const d = new Date(date);
  return d.toDateString() === new Date().toDateString()
    ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString();
}

export function MessageList({ items, selected, onSelect }: Props) {
  if (items.length === 0) {
    return <p className="mail__empty">No messages.</p>;
  }
  return (
    <ul className="mail__items" role="listbox" aria-label="Messages">
      {threads(items).map(({ item, reply }) => {
        const isSelected =
          selected !== null &&
          selected.uid === item.uid &&
          selected.accountId === item.accountId &&
          selected.folder === item.folder;
        return (
          <li key={`${item.accountId}-${item.folder}-${item.uid}`}>
            <button
              type="button"
              role="option"
              aria-selected={isSelected}
              className={[
                'mail__item',
                !item.seen && 'mail__item--unread',
                reply && 'mail__item--reply',
              ]
                .filter(Boolean)
                .join(' ')}
              onClick={() => {
                onSelect(item);
              }}
            >
              <span className="mail__meta">
                <span>
                  {item.flagged ? '★ ' : ''}
                  {formatAddress(item.from) || '(unknown sender)'}
                </span>
                <span>
                  {item.hasAttachments ? '📎 ' : ''}
                  {when(item.date)}
                </span>
              </span>
              <span className="mail__subject">{item.subject ?? '(no subject)'}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
