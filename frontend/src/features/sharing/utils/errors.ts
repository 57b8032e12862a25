import { ApiError } from '@/lib/api-error';

/** A sentence for the person who caused the failure: the server's detail, else a fallback. */
export function messageOf(error: unknown, fallback: string): string {
  if (error instanceof ApiError) {
    if (error.status === 429 && error.retryAfter !== undefined) {
      return `Too many attempts. Try again in ${error.retryAfter} seconds.`;
    }
    return error.detail ?? error.userMessage;
  }
  return fallback;
}

/** The message of one field of a refused request, if the server named it. */
export function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined;
}
