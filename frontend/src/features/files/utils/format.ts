const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Bytes for people, in powers of 1024 with the usual short names: "1.4 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) {
    return '—';
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${UNITS[unit]}`;
}

/** A transfer rate: "2.4 MB/s". */
export function formatSpeed(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

/** Time left for a transfer, rounded so it does not flicker: "12 s left", "3 min left". */
export function formatRemaining(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    return '';
  }
  if (seconds < 60) {
    return `${Math.max(1, Math.round(seconds))} s left`;
  }
  if (seconds < 3600) {
    return `${Math.round(seconds / 60)} min left`;
  }
  return `${(seconds / 3600).toFixed(1).replace(/\.0$/, '')} h left`;
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const shortDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A modification time as people read it in a file list: "5 minutes ago", "yesterday", "Mar 3, 2025". */
export function formatModified(iso: string, now: number = Date.now()): string {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) {
    return iso;
  }
  const seconds = Math.round((time - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) {
    return 'just now';
  }
  if (abs < 3600) {
    return relativeFormat.format(Math.round(seconds / 60), 'minute');
  }
  if (abs < 86_400) {
    return relativeFormat.format(Math.round(seconds / 3600), 'hour');
  }
  if (abs < 7 * 86_400) {
    return relativeFormat.format(Math.round(seconds / 86_400), 'day');
  }
  return shortDate.format(time);
}

/** "3 items", "1 folder". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
