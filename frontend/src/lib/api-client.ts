import type { z } from 'zod';
import { ApiError } from '@/lib/api-error';
import { session as defaultSession, type Session } from '@/lib/auth/session';
import { notify } from '@/lib/notifications';

export { ApiError, type FieldError } from '@/lib/api-error';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions<T> {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  /** Validates the JSON response; without one the body is ignored. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal | undefined;
  /** Send the access token as Bearer (default true). */
  authenticated?: boolean;
  /**
   * On 401, refresh the session and retry once; when that fails the session ends and the app
   * returns to sign-in (default true). Turn off where 401 is an answer about the request itself.
   */
  refreshOnUnauthorized?: boolean;
  /** Show failures as a toast (default true). Turn off where the page shows the error itself. */
  notifyOnError?: boolean;
}

/** The one way the SPA talks to the server: Bearer auth, problem details, silent refresh. */
export class ApiClient {
  constructor(private readonly session: Session) {}

  async request<T = undefined>(path: string, options: RequestOptions<T> = {}): Promise<T> {
    try {
      return await this.requestWithRefresh(path, options);
    } catch (error) {
      if ((options.notifyOnError ?? true) && shouldNotify(error)) {
        notify('error', error.title, error.detail);
      }
      throw error;
    }
  }

  get<T>(path: string, schema: z.ZodType<T>, options: RequestOptions<T> = {}): Promise<T> {
    return this.request(path, { ...options, method: 'GET', schema });
  }

  post<T = undefined>(path: string, body?: unknown, options: RequestOptions<T> = {}): Promise<T> {
    return this.request(path, { ...options, method: 'POST', body });
  }

  private async requestWithRefresh<T>(path: string, options: RequestOptions<T>): Promise<T> {
    const authenticated = options.authenticated ?? true;
    const tokenUsed = authenticated ? this.session.getAccessToken() : null;
    const response = await this.send(path, options, tokenUsed);
    if (response.status !== 401 || !authenticated || !(options.refreshOnUnauthorized ?? true)) {
      return read(response, options.schema);
    }

    // Another call may already have replaced the token this request carried; then just retry.
    const current = this.session.getAccessToken();
    const refreshed =
      current !== null && current !== tokenUsed ? true : await this.session.refresh();
    if (!refreshed) {
      this.session.end('expired');
      throw await ApiError.fromResponse(response);
    }
    const retried = await this.send(path, options, this.session.getAccessToken());
    if (retried.status === 401) {
      this.session.end('expired');
    }
    return read(retried, options.schema);
  }

  private async send<T>(
    path: string,
    options: RequestOptions<T>,
    accessToken: string | null,
  ): Promise<Response> {
    const headers = new Headers({ Accept: 'application/json, application/problem+json' });
    if (accessToken !== null) {
      headers.set('Authorization', `Bearer ${accessToken}`);
    }
    let body: string | undefined;
    if (options.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.body);
    }
    try {
      return await fetch(path, {
        method: options.method ?? 'GET',
        headers,
        body: body ?? null,
        credentials: 'same-origin',
        signal: options.signal ?? null,
      });
    } catch (error) {
      if (isAbort(error)) {
        throw error;
      }
      throw ApiError.network();
    }
  }
}

async function read<T>(response: Response, schema: z.ZodType<T> | undefined): Promise<T> {
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  if (schema === undefined || response.status === 204) {
    return undefined as T;
  }
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw ApiError.unexpectedResponse(response.status);
  }
  return parsed.data;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A 401 that ended the session is explained on the sign-in page instead. */
function shouldNotify(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status !== 401;
}

/** The API client of this tab. */
export const api = new ApiClient(defaultSession);
