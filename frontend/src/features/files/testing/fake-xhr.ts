import { vi } from 'vitest';

/**
 * A stand-in for XMLHttpRequest that records what was sent and lets a test play the server:
 * upload progress, a response, a network failure. Installed with installFakeXhr().
 */
export class FakeXhr extends EventTarget {
  static instances: FakeXhr[] = [];

  method = '';
  url = '';
  requestHeaders: Record<string, string> = {};
  body: unknown = undefined;
  status = 0;
  statusText = '';
  responseText = '';
  withCredentials = false;
  aborted = false;
  readonly upload = new EventTarget();
  private responseHeaders: Record<string, string> = {};

  constructor() {
    super();
    FakeXhr.instances.push(this);
  }

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.requestHeaders[name] = value;
  }

  send(body: unknown): void {
    this.body = body;
  }

  abort(): void {
    this.aborted = true;
    this.dispatchEvent(new Event('abort'));
  }

  getAllResponseHeaders(): string {
    return Object.entries(this.responseHeaders)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n');
  }

  getResponseHeader(name: string): string | null {
    const key = Object.keys(this.responseHeaders).find(
      (header) => header.toLowerCase() === name.toLowerCase(),
    );
    return key === undefined ? null : (this.responseHeaders[key] ?? null);
  }

  // ---- the test's side ----

  /** The browser reports that many bytes of the body as sent. */
  progress(loaded: number, total: number): void {
    this.upload.dispatchEvent(
      new ProgressEvent('progress', { loaded, total, lengthComputable: true }),
    );
  }

  respond(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.responseHeaders = {
      'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
      ...headers,
    };
    this.dispatchEvent(new Event('load'));
  }

  failNetwork(): void {
    this.dispatchEvent(new Event('error'));
  }
}

export function installFakeXhr(): typeof FakeXhr {
  FakeXhr.instances = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return FakeXhr;
}
