import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { session } from '@/lib/auth/session';
import { dismissAllNotifications } from '@/lib/notifications';

afterEach(() => {
  cleanup();
  session.end('signed-out');
  dismissAllNotifications();
  vi.useRealTimers();
});
