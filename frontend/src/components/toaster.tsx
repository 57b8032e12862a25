import { useSyncExternalStore } from 'react';
import { AlertIcon, CheckIcon, CloseIcon, InfoIcon } from '@/components/icons';
import {
  dismissNotification,
  getNotifications,
  subscribeToNotifications,
} from '@/lib/notifications';

const icons = { error: AlertIcon, success: CheckIcon, info: InfoIcon } as const;

/** Shows the toasts raised through lib/notifications, newest last. */
export function Toaster() {
  const notifications = useSyncExternalStore(subscribeToNotifications, getNotifications);
  return (
    <div className="toaster" aria-live="polite">
      {notifications.map((notification) => {
        const Icon = icons[notification.kind];
        return (
          <div
            key={notification.id}
            className={`toast toast--${notification.kind}`}
            role={notification.kind === 'error' ? 'alert' : 'status'}
          >
            <Icon className="toast__icon" />
            <div className="toast__body">
              <p className="toast__title">{notification.title}</p>
              {notification.message !== undefined &&
                notification.message !== notification.title && (
                  <p className="toast__message">{notification.message}</p>
                )}
            </div>
            <button
              type="button"
              className="toast__close"
              aria-label="Dismiss"
              onClick={() => {
                dismissNotification(notification.id);
              }}
            >
              <CloseIcon width={16} height={16} />
            </button>
          </div>
        );
      })}
    </div>
  );
}
