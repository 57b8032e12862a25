import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { TerminalConnection, type ConnectionState } from '../lib/terminal-connection';

const STATE_TEXT: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Connection lost — reconnecting to the same shell…',
  ended: 'The shell ended.',
  failed: 'This terminal is not available any more.',
};

/** One xterm.js terminal attached to one shell; it reconnects to the same shell after a drop. */
export function TerminalView({
  workspaceId,
  terminalId,
  active,
}: {
  workspaceId: string;
  terminalId: string;
  active: boolean;
}) {
  const container = useRef<HTMLDivElement>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const termRef = useRef<Terminal | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [exitCode, setExitCode] = useState<number | null>(null);

  useEffect(() => {
    const element = container.current;
    if (element === null) {
      return undefined;
    }
    const term = new Terminal({
      cursorBlink: true,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 13,
      scrollback: 5000,
      theme: { background: '#111827' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    termRef.current = term;
    fitRef.current = fit;
    const connection = new TerminalConnection(workspaceId, terminalId, {
      onOutput: (bytes) => {
        term.write(bytes);
      },
      onReset: () => {
        term.reset();
      },
      onState: (next) => {
        setState(next);
      },
      onExit: (code) => {
        setExitCode(code);
      },
    });
    const input = term.onData((data) => {
      connection.input(data);
    });
    const resize = term.onResize(({ cols, rows }) => {
      connection.resize(cols, rows);
    });
    const observer = new ResizeObserver(() => {
      if (element.offsetParent !== null) {
        fit.fit();
      }
    });
    observer.observe(element);
    fit.fit();
    connection.resize(term.cols, term.rows);
    connection.connect();
    return () => {
      observer.disconnect();
      input.dispose();
      resize.dispose();
      connection.dispose();
      term.dispose();
      termRef.current = null;
      fitRef.current = null;
    };
  }, [workspaceId, terminalId]);

  useEffect(() => {
    if (active) {
      fitRef.current?.fit();
      termRef.current?.focus();
    }
  }, [active]);

  return (
    <div className="ide-terminal" hidden={!active} data-terminal={terminalId}>
      {state !== 'connected' && (
        <p className="ide-terminal__state" role="status">
          {STATE_TEXT[state]}
          {exitCode !== null && ` Exit code ${exitCode}.`}
        </p>
      )}
      <div ref={container} className="ide-terminal__screen" />
    </div>
  );
}
