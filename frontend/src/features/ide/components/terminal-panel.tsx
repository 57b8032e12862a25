import { useEffect, useState } from 'react';
import { Button } from '@/components/button';
import { CloseIcon } from '@/components/icons';
import { notify } from '@/lib/notifications';
import { closeTerminal, listTerminals, openTerminal } from '../api/terminals';
import type { TerminalInfo } from '../api/workspace';
import { TerminalIcon } from './ide-icons';
import { TerminalView } from './terminal-view';

/**
 * The workspace's terminals as tabs. On opening the page it re-attaches to the shells that are
 * still running (a reload or another tab does not lose them), or opens a first one.
 */
export function TerminalPanel({ workspaceId }: { workspaceId: string }) {
  const [terminals, setTerminals] = useState<TerminalInfo[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);

  const addTerminal = () => {
    setOpening(true);
    openTerminal(workspaceId, 80, 24)
      .then((terminal) => {
        setTerminals((current) => [...current, terminal]);
        setActive(terminal.id);
      })
      .catch(() => undefined)
      .finally(() => {
        setOpening(false);
      });
  };

  useEffect(() => {
    let cancelled = false;
    listTerminals(workspaceId)
      .then((existing) => {
        if (cancelled) {
          return;
        }
        const alive = existing.filter((t) => t.exitCode == null);
        if (alive.length > 0) {
          setTerminals(alive);
          setActive(alive[alive.length - 1]?.id ?? null);
        } else {
          return openTerminal(workspaceId, 80, 24).then((terminal) => {
            if (!cancelled) {
              setTerminals([terminal]);
              setActive(terminal.id);
            }
          });
        }
        return undefined;
      })
      .catch((error: unknown) => {
        notify('error', 'Terminals unavailable', (error as Error).message);
      });
    return () => {
      cancelled = true;
    };
  }, [workspaceId]);

  const remove = (id: string) => {
    closeTerminal(workspaceId, id).catch(() => undefined);
    setTerminals((current) => {
      const rest = current.filter((t) => t.id !== id);
      if (active === id) {
        setActive(rest[rest.length - 1]?.id ?? null);
      }
      return rest;
    });
  };

  return (
    <section className="ide-terminals" aria-label="Terminals">
      <div className="ide-tabs" role="tablist" aria-label="Terminals">
        {terminals.map((terminal, index) => (
          <div
            key={terminal.id}
            className={`ide-tab${active === terminal.id ? ' ide-tab--active' : ''}`}
          >
            <button
              type="button"
              role="tab"
              aria-selected={active === terminal.id}
              className="ide-tab__label"
              onClick={() => {
                setActive(terminal.id);
              }}
            >
              <TerminalIcon /> Terminal {index + 1}
            </button>
            <button
              type="button"
              className="ide-tab__close"
              aria-label={`Close terminal ${index + 1}`}
              onClick={() => {
                remove(terminal.id);
              }}
            >
              <CloseIcon />
            </button>
          </div>
        ))}
        <Button variant="ghost" busy={opening} onClick={addTerminal} aria-label="New terminal">
          + Terminal
        </Button>
      </div>
      <div className="ide-terminals__body">
        {terminals.map((terminal) => (
          <TerminalView
            key={terminal.id}
            workspaceId={workspaceId}
            terminalId={terminal.id}
            active={active === terminal.id}
          />
        ))}
      </div>
    </section>
  );
}
