export interface Settled<T, R> {
  succeeded: { item: T; result: R }[];
  failed: { item: T; error: unknown }[];
}

/** Runs one request per item, a few at a time, and reports which ones failed instead of stopping. */
export async function settleEach<T, R>(
  items: readonly T[],
  run: (item: T) => Promise<R>,
  concurrency = 4,
): Promise<Settled<T, R>> {
  const settled: Settled<T, R> = { succeeded: [], failed: [] };
  const results: ({ ok: true; result: R } | { ok: false; error: unknown })[] = [];
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      const item = items[index] as T;
      try {
        results[index] = { ok: true, result: await run(item) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  items.forEach((item, index) => {
    const outcome = results[index];
    if (outcome?.ok === true) {
      settled.succeeded.push({ item, result: outcome.result });
    } else if (outcome !== undefined) {
      settled.failed.push({ item, error: outcome.error });
    }
  });
  return settled;
}
