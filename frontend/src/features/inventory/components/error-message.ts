import { ApiError } from '@/lib/api-client';

/** The sentence to show for a failed InventoryPro call; the server explains 503s itself. */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.userMessage : fallback;
}
