import { ApiError } from '@/lib/api-error';
import { tokenResponseSchema, type TokenResponse } from '@/lib/auth/token-response';

export type SessionStatus = 'restoring' | 'authenticated' | 'anonymous';

/** Why the last session ended: the user signed out, or the server stopped accepting it. */
export type SessionEndReason = 'signed-out' | 'expired';

export interface SessionSnapshot {
  status: SessionStatus;
  endReason: SessionEndReason | null;
}

const REFRESH_PATH = '/api/auth/refresh';
const REFRESH_LOCK = 'cloud-workspace.token-refresh';
/** Refresh this long before the access token expires. */
const REFRESH_LEAD_SECONDS = 60;
/** After a refresh failed for a reason other than rejection (network), try again after this. */
const RETRY_AFTER_FAILURE_MS = 30_000;

/**
 * The signed-in state of this tab. The access token lives in memory only; the refresh token is
 * an HttpOnly cookie the browser sends to /api/auth, so a reload restores the session by refreshing.
 */
export class Session {
  private accessToken: string | null = null;
  private expiresAt = 0;
  private snapshot: SessionSnapshot = { status: 'restoring', endReason: null };
  private readonly listeners = new Set<() => void>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlightRefresh: Promise<boolean> | null = null;
  private restoring: Promise<void> | null = null;
  /** Bumped whenever the session ends, so a refresh that started earlier cannot revive it. */
  private generation = 0;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionSnapshot => this.snapshot;

  getAccessToken(): string | null {
    return this.accessToken;
  }

  /** Starts using tokens the server issued (sign-in, refresh, password change). */
  accept(tokens: TokenResponse): void {
    this.accessToken = tokens.accessToken;
    this.expiresAt = Date.now() + tokens.expiresIn * 1000;
    this.scheduleRefresh(tokens.expiresIn);
    this.update({ status: 'authenticated', endReason: null });
  }

  /** Forgets the tokens of this tab. */
  end(reason: SessionEndReason): void {
    this.generation += 1;
    this.accessToken = null;
    this.expiresAt = 0;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.update({ status: 'anonymous', endReason: reason });
  }

  /** Silently resumes the session the refresh cookie belongs to, unless one is running. */
  restore(): Promise<void> {
    if (this.snapshot.status === 'authenticated') {
      return Promise.resolve();
    }
    this.restoring ??= this.runRestore().finally(() => {
      this.restoring = null;
    });
    return this.restoring;
  }

  private async runRestore(): Promise<void> {
    this.update({ status: 'restoring', endReason: null });
    const refreshed = await this.refresh().catch(() => false);
    if (!refreshed && this.snapshot.status === 'restoring') {
      this.update({ status: 'anonymous', endReason: null });
    }
  }

  /**
   * Exchanges the refresh cookie for a new access token. Concurrent callers share one request:
   * the server rotates the refresh token and treats a second use of the old one as theft.
   * Resolves false when the server rejects the refresh token; rejects on network failure.
   */
  refresh(): Promise<boolean> {
    this.inFlightRefresh ??= this.runRefresh().finally(() => {
      this.inFlightRefresh = null;
    });
    return this.inFlightRefresh;
  }

  /** Refreshes first when the access token expires within the given number of seconds. */
  async ensureFresh(minimumValiditySeconds: number): Promise<boolean> {
    if (this.accessToken !== null && this.expiresAt - Date.now() > minimumValiditySeconds * 1000) {
      return true;
    }
    return this.refresh();
  }

  private async runRefresh(): Promise<boolean> {
    const generation = this.generation;
    let tokens: TokenResponse;
    try {
      // Other tabs share the cookie: the lock keeps their refreshes from racing with ours.
      tokens = await withCrossTabLock(requestRefresh);
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
        return false;
      }
      throw error;
    }
    if (generation !== this.generation) {
      return false;
    }
    this.accept(tokens);
    return true;
  }

  private scheduleRefresh(expiresInSeconds: number): void {
    const lead = Math.min(REFRESH_LEAD_SECONDS, expiresInSeconds / 2);
    this.scheduleBackgroundRefresh((expiresInSeconds - lead) * 1000);
  }

  private scheduleBackgroundRefresh(delayMs: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void this.refreshInBackground();
    }, delayMs);
  }

  private async refreshInBackground(): Promise<void> {
    const generation = this.generation;
    try {
      if (!(await this.refresh()) && generation === this.generation) {
        this.end('expired');
      }
    } catch {
      if (generation === this.generation) {
        this.scheduleBackgroundRefresh(RETRY_AFTER_FAILURE_MS);
      }
    }
  }

  private update(snapshot: SessionSnapshot): void {
    if (
      snapshot.status === this.snapshot.status &&
      snapshot.endReason === this.snapshot.endReason
    ) {
      return;
    }
    this.snapshot = snapshot;
    for (const listener of this.listeners) {
      listener();
    }
  }
}

async function requestRefresh(): Promise<TokenResponse> {
  let response: Response;
  try {
    response = await fetch(REFRESH_PATH, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw ApiError.network();
  }
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw ApiError.unexpectedResponse(response.status);
  }
  return parsed.data;
}

function withCrossTabLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) {
    return task();
  }
  return navigator.locks.request(REFRESH_LOCK, task);
}

/** The session of this browser tab. */
export const session = new Session();
