const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** An ISO-8601 timestamp as local date and time, e.g. "Nov 26, 2025, 9:14 AM". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** An ISO-8601 timestamp as a local date, e.g. "November 26, 2025". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

const roleLabels: Record<string, string> = {
  admin: 'Administrator',
  user: 'User',
};

export function formatRole(role: string): string {
  return roleLabels[role.toLowerCase()] ?? role.charAt(0).toUpperCase() + role.slice(1);
}

/** Up to two initials for an avatar. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? '?'];
  return letters
    .map((word) => Array.from(word ?? '')[0] ?? '')
    .join('')
    .toUpperCase();
}
