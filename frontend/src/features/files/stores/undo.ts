/** The "Undo" offer after a delete: one at a time, gone after a few seconds. */
export interface UndoOffer {
  id: number;
  message: string;
  undo: () => Promise<void>;
}

const VISIBLE_MS = 10_000;

let offer: UndoOffer | null = null;
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function emit(next: UndoOffer | null): void {
  offer = next;
  for (const listener of listeners) {
    listener();
  }
}

export function offerUndo(message: string, undo: () => Promise<void>): void {
  clearTimeout(timer);
  const id = nextId++;
  emit({ id, message, undo });
  timer = setTimeout(() => {
    dismissUndo(id);
  }, VISIBLE_MS);
}

/** Hides the offer (only that one, when an id is given). */
export function dismissUndo(id?: number): void {
  if (offer === null || (id !== undefined && offer.id !== id)) {
    return;
  }
  clearTimeout(timer);
  emit(null);
}

export function subscribeToUndo(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getUndoOffer(): UndoOffer | null {
  return offer;
}
