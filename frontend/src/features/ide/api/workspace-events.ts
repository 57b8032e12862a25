import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { session } from '@/lib/auth/session';
import { ideKeys } from './workspace';

/**
 * GET /api/ide/events (server-sent events, read with fetch so the Bearer token can be sent):
 * refreshes the workspace queries as soon as a workspace changes status. Reconnects after a drop.
 */
export function useWorkspaceEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | null = null;

    const refresh = (workspaceId: string | undefined) => {
      void queryClient.invalidateQueries({ queryKey: ideKeys.workspaces });
      if (workspaceId !== undefined) {
        void queryClient.invalidateQueries({ queryKey: ideKeys.workspace(workspaceId) });
      }
    };

    const listen = async () => {
      await session.ensureFresh(30).catch(() => false);
      const token = session.getAccessToken();
      const response = await fetch('/api/ide/events', {
        headers: {
          Accept: 'text/event-stream',
          ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
        },
        credentials: 'same-origin',
        signal: abort.signal,
      });
      if (!response.ok || response.body === null) {
        throw new Error(`event stream answered ${response.status}`);
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          return;
        }
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('\n');
          if (block.includes('event: workspace') || block.includes('event:workspace')) {
            try {
              const parsed = JSON.parse(data) as { workspaceId?: string };
              refresh(parsed.workspaceId);
            } catch {
              refresh(undefined);
            }
          }
        }
      }
    };

    const loop = () => {
      listen()
        .catch(() => undefined)
        .finally(() => {
          if (!abort.signal.aborted) {
            timer = setTimeout(loop, 3000);
          }
        });
    };
    loop();
    return () => {
      abort.abort();
      if (timer !== null) {
        clearTimeout(timer);
      }
    };
  }, [queryClient]);
}
