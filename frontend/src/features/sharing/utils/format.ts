/** "1.2 MB" and the like, in powers of 1024 as the file manager shows them. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The date part of an ISO instant in the user's locale. */
export function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** An expiry chosen as a day (yyyy-mm-dd): the link works until the end of that day, UTC. */
export function endOfDay(day: string): string {
  return `${day}T23:59:59Z`;
}

/** What a preview can show of a file: the same kinds as the file manager. */
export type PreviewKind = 'image' | 'pdf' | 'text' | 'audio' | 'video' | null;

export function previewKind(mimeType: string | null, name: string): PreviewKind {
  const type = (mimeType ?? '').toLowerCase();
  if (type.startsWith('image/') && !type.includes('svg')) {
    return 'image';
  }
  if (type === 'application/pdf' || name.toLowerCase().endsWith('.pdf')) {
    return 'pdf';
  }
  if (type.startsWith('audio/')) {
    return 'audio';
  }
  if (type.startsWith('video/')) {
    return 'video';
  }
  if (type.startsWith('text/') || /\.(txt|md|csv|log|json)$/i.test(name)) {
    return 'text';
  }
  return null;
}
