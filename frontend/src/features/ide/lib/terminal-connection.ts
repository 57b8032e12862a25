import { terminalSocketUrl } from '../api/terminals';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'ended' | 'failed';

export interface TerminalHandlers {
  /** Output bytes; after a (re)connect the shell's kept output comes first. */
  onOutput: (bytes: Uint8Array) => void;
  /** A new connection is about to replay the kept output: clear the screen first. */
  onReset: () => void;
  onState: (state: ConnectionState, detail?: string) => void;
  onExit: (code: number) => void;
}

const MAX_DELAY_MS = 10_000;

/**
 * A browser terminal's connection to one shell: a WebSocket opened with a fresh one-time ticket,
 * re-opened after a drop (with growing delays) so the same shell continues, until the shell ends or
 * the connection is disposed.
 */
export class TerminalConnection {
  private socket: WebSocket | null = null;
  private disposed = false;
  private exited = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private size: { cols: number; rows: number } | null = null;

  constructor(
    private readonly workspaceId: string,
    private readonly terminalId: string,
    private readonly handlers: TerminalHandlers,
  ) {}

  connect(): void {
    if (this.disposed) {
      return;
    }
    this.handlers.onState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    terminalSocketUrl(this.workspaceId, this.terminalId)
      .then((url) => {
        this.open(url);
      })
      .catch((error: unknown) => {
        const status = (error as { status?: number }).status;
        if (status === 404 || status === 403 || status === 409) {
          this.handlers.onState('failed', (error as Error).message);
          return;
        }
        this.retry();
      });
  }

  /** Sends keystrokes (or pasted text). */
  input(data: string): void {
    this.sendJson({ type: 'input', data });
  }

  /** Tells the shell the terminal's new size. */
  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
    this.sendJson({ type: 'resize', cols, rows });
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) {
      clearTimeout(this.timer);
    }
    this.socket?.close();
    this.socket = null;
  }

  private open(url: string): void {
    if (this.disposed) {
      return;
    }
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    let first = true;
    socket.onopen = () => {
      this.attempt = 0;
      this.handlers.onState('connected');
      if (this.size !== null) {
        this.sendJson({ type: 'resize', ...this.size });
      }
    };
    socket.onmessage = (event: MessageEvent<ArrayBuffer | string>) => {
      if (typeof event.data === 'string') {
        const message = parse(event.data);
        if (message?.type === 'exit') {
          this.exited = true;
          this.handlers.onExit(typeof message.code === 'number' ? message.code : 0);
        }
        return;
      }
      if (first) {
        first = false;
        this.handlers.onReset();
      }
      this.handlers.onOutput(new Uint8Array(event.data));
    };
    socket.onclose = () => {
      if (this.socket === socket) {
        this.socket = null;
      }
      if (this.exited) {
        this.handlers.onState('ended');
      } else if (!this.disposed) {
        this.retry();
      }
    };
    this.socket = socket;
  }

  private retry(): void {
    if (this.disposed) {
      return;
    }
    this.attempt += 1;
    this.handlers.onState('reconnecting');
    const delay = Math.min(MAX_DELAY_MS, 500 * 2 ** Math.min(this.attempt, 5));
    this.timer = setTimeout(() => {
      this.connect();
    }, delay);
  }

  private sendJson(message: Record<string, unknown>): void {
    if (this.socket?.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }
}

function parse(text: string): { type?: unknown; code?: unknown } | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}
