export type NotificationKind = 'error' | 'success' | 'info';

export interface Notification {
  id: number;
  kind: NotificationKind;
  title: string;
  message?: string | undefined;
}

const AUTO_DISMISS_MS: Record<NotificationKind, number> = {
  error: 8000,
  success: 5000,
  info: 5000,
};

let notifications: readonly Notification[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit(next: readonly Notification[]): void {
  notifications = next;
  for (const listener of listeners) {
    listener();
  }
}

/** Shows a toast. A toast identical to one already showing is not repeated. */
export function notify(kind: NotificationKind, title: string, message?: string): void {
  if (notifications.some((n) => n.kind === kind && n.title === title && n.message === message)) {
    return;
  }
  const id = nextId++;
  emit([...notifications, { id, kind, title, message }]);
  timers.set(
    id,
    setTimeout(() => {
      dismissNotification(id);
    }, AUTO_DISMISS_MS[kind]),
  );
}

export function dismissNotification(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  if (notifications.some((n) => n.id === id)) {
    emit(notifications.filter((n) => n.id !== id));
  }
}

export function dismissAllNotifications(): void {
  for (const timer of timers.values()) {
    clearTimeout(timer);
  }
  timers.clear();
  emit([]);
}

export function subscribeToNotifications(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getNotifications(): readonly Notification[] {
  return notifications;
}
