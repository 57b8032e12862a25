import { z } from 'zod';

/** One invalid input reported by the server, keyed by the request field it concerns. */
export interface FieldError {
  field: string;
  message: string;
}

interface ApiErrorInit {
  status: number;
  title: string;
  detail?: string | undefined;
  type?: string | undefined;
  fieldErrors?: FieldError[] | undefined;
  retryAfter?: number | undefined;
}

const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });

// Lenient on purpose: a malformed member must not hide the members that are readable.
const problemDetailsSchema = z.object({
  type: z.string().optional().catch(undefined),
  title: z.string().optional().catch(undefined),
  detail: z.string().optional().catch(undefined),
  errors: z
    .array(z.unknown())
    .optional()
    .catch(undefined)
    .transform((items) =>
      (items ?? []).flatMap((item) => {
        const parsed = fieldErrorSchema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
});

const fallbackTitles: Record<number, string> = {
  400: 'The request was not valid',
  401: 'You are not signed in',
  403: 'You are not allowed to do this',
  404: 'Not found',
  409: 'This conflicts with the current state',
  413: 'The request is too large',
  429: 'Too many requests',
  500: 'The server failed to handle the request',
  502: 'The server is not reachable right now',
  503: 'The service is temporarily unavailable',
  504: 'The server took too long to answer',
};

/** A failed API call, carrying the RFC 9457 problem details the server sent. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;
  readonly fieldErrors: FieldError[];
  /** Seconds the server asked us to wait (Retry-After), if it said so. */
  readonly retryAfter: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type ?? 'about:blank';
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
  }

  /** The sentence to show a person: the server's detail, else its title. */
  get userMessage(): string {
    return this.detail ?? this.title;
  }

  /**
   * The first message the server gave for one request field. Bean Validation may report a path
   * such as "changePassword.request.newPassword", so the last segment is what counts.
   */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find(
      (error) => error.field === field || error.field.endsWith(`.${field}`),
    )?.message;
  }

  static network(): ApiError {
    return new ApiError({
      status: 0,
      title: 'Cannot reach the server',
      detail: 'Cannot reach the server. Check your connection and try again.',
    });
  }

  static unexpectedResponse(status: number): ApiError {
    return new ApiError({
      status,
      title: 'Unexpected response',
      detail: 'The server sent a response this page does not understand. Try reloading the page.',
    });
  }

  /** Reads a failed response; never throws, whatever the body holds. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    const fallbackTitle =
      fallbackTitles[response.status] ??
      (response.statusText || `Request failed (${response.status})`);
    let body: unknown;
    try {
      const text = await response.text();
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const problem = problemDetailsSchema.safeParse(body);
    if (!problem.success) {
      return new ApiError({ status: response.status, title: fallbackTitle, retryAfter });
    }
    return new ApiError({
      status: response.status,
      title: problem.data.title ?? fallbackTitle,
      detail: problem.data.detail,
      type: problem.data.type,
      fieldErrors: problem.data.errors,
      retryAfter,
    });
  }
}

/** Retry-After is either a number of seconds or an HTTP date; answers whole seconds from now. */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number.parseInt(trimmed, 10);
  }
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, Math.ceil((date - now) / 1000));
}
