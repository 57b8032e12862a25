import { ApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import { createFolder } from '../api/create-folder';
import { findChild } from '../api/get-folder-children';
import type { FileNode } from '../api/node';
import { uploadFile, type ConflictPolicy, type UploadFileInput } from '../api/upload-file';
import { uploadAny } from '../api/upload-resumable';
import type { DroppedFile } from '../utils/collect-dropped';
import { describeError, isAbort } from '../utils/describe-error';
import { nameProblem } from '../utils/file-name';

export type UploadStatus = 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';

/** One file of the upload list, as the upload panel shows it. */
export interface UploadItem {
  id: number;
  name: string;
  /** Where it goes, relative to the folder it was dropped on: "Photos/2024/beach.jpg". */
  path: string;
  size: number;
  status: UploadStatus;
  loaded: number;
  /** Measured over the last few seconds; null until there is enough to measure. */
  bytesPerSecond: number | null;
  error: string | null;
  /** The folder the upload was started in (the drop target). */
  destinationId: string;
}

interface UploadJob {
  batch: number;
  file: File;
  folders: string[];
  onConflict: ConflictPolicy;
  controller: AbortController | null;
  samples: { time: number; loaded: number }[];
}

export interface UploadDependencies {
  upload: (input: UploadFileInput) => Promise<FileNode>;
  createFolder: (input: { parentId: string; name: string }) => Promise<FileNode>;
  findChild: (folderId: string, name: string) => Promise<FileNode | undefined>;
  now: () => number;
}

/** A subfolder of a dropped folder could not be created, so its files cannot go in. */
class FolderError extends Error {}

/** How many files travel at once. */
const CONCURRENCY = 3;
/** Speed is measured over this window. */
const SPEED_WINDOW_MS = 3000;

/**
 * The uploads of this tab: a queue that survives moving between folders, with progress, speed,
 * cancel and retry. Large files travel as resumable tus uploads: a retry (or the same file dropped
 * again after a reload) goes on where the upload stopped; smaller ones are sent again whole.
 */
export class UploadQueue {
  private items: readonly UploadItem[] = [];
  private readonly jobs = new Map<number, UploadJob>();
  private readonly listeners = new Set<() => void>();
  private readonly completionListeners = new Set<(item: UploadItem) => void>();
  /** Folder ids by "destination/sub/folders", shared by the files of one drop. */
  private readonly folderIds = new Map<string, Promise<string>>();
  private nextId = 1;
  private nextBatch = 1;
  private running = 0;

  constructor(private readonly deps: UploadDependencies) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): readonly UploadItem[] => this.items;

  /** Called after each file that finished uploading (e.g. to refresh the listing). */
  onUploaded(listener: (item: UploadItem) => void): () => void {
    this.completionListeners.add(listener);
    return () => this.completionListeners.delete(listener);
  }

  /**
   * Queues a drop (or a pick) for a folder. The folders of the drop are created first — empty
   * ones too — and a folder that already exists is reused, so a dropped folder merges into it.
   */
  add(
    tree: { files: readonly DroppedFile[]; folders?: readonly string[][] },
    destinationId: string,
    onConflict: ConflictPolicy,
  ): void {
    const batch = this.nextBatch++;
    const added: UploadItem[] = [];
    for (const { file, folders } of tree.files) {
      const id = this.nextId++;
      const problem = [...folders, file.name].map(nameProblem).find((p) => p !== null) ?? null;
      added.push({
        id,
        name: file.name,
        path: [...folders, file.name].join('/'),
        size: file.size,
        status: problem === null ? 'queued' : 'failed',
        loaded: 0,
        bytesPerSecond: null,
        error: problem === null ? null : `Cannot upload “${file.name}”: ${problem}`,
        destinationId,
      });
      this.jobs.set(id, { batch, file, folders, onConflict, controller: null, samples: [] });
    }
    this.emit([...this.items, ...added]);
    const withFiles = new Set(tree.files.map((f) => f.folders.join('/')));
    const empty = (tree.folders ?? []).filter(
      (path) =>
        ![...withFiles].some((p) => p === path.join('/') || p.startsWith(`${path.join('/')}/`)),
    );
    for (const path of empty) {
      this.folderFor(batch, destinationId, path).catch((error: unknown) => {
        notify(
          'error',
          'Folder not created',
          error instanceof Error
            ? error.message
            : `The folder “${path.join('/')}” could not be created.`,
        );
      });
    }
    this.pump();
  }

  cancel(id: number): void {
    const item = this.items.find((i) => i.id === id);
    if (item === undefined || (item.status !== 'queued' && item.status !== 'uploading')) {
      return;
    }
    this.jobs.get(id)?.controller?.abort();
    this.update(id, { status: 'cancelled', bytesPerSecond: null, error: null });
  }

  cancelAll(): void {
    for (const item of this.items) {
      this.cancel(item.id);
    }
  }

  /** Sends a failed or cancelled file again, from the start. */
  retry(id: number): void {
    const item = this.items.find((i) => i.id === id);
    const job = this.jobs.get(id);
    if (item === undefined || job === undefined) {
      return;
    }
    if (item.status !== 'failed' && item.status !== 'cancelled') {
      return;
    }
    const problem = [...job.folders, job.file.name].map(nameProblem).find((p) => p !== null);
    if (problem !== undefined) {
      return;
    }
    job.samples = [];
    this.update(id, { status: 'queued', loaded: 0, bytesPerSecond: null, error: null });
    this.pump();
  }

  /** Forgets the uploads that are over (done, failed or cancelled). */
  clearFinished(): void {
    const remaining = this.items.filter((i) => i.status === 'queued' || i.status === 'uploading');
    for (const item of this.items) {
      if (!remaining.includes(item)) {
        this.jobs.delete(item.id);
      }
    }
    this.emit(remaining);
  }

  /** For tests: drop everything without a trace. */
  reset(): void {
    for (const job of this.jobs.values()) {
      job.controller?.abort();
    }
    this.jobs.clear();
    this.folderIds.clear();
    this.running = 0;
    this.emit([]);
  }

  private pump(): void {
    while (this.running < CONCURRENCY) {
      const next = this.items.find((i) => i.status === 'queued');
      if (next === undefined) {
        return;
      }
      this.running++;
      this.update(next.id, { status: 'uploading' });
      void this.run(next.id).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(id: number): Promise<void> {
    const job = this.jobs.get(id);
    if (job === undefined) {
      return;
    }
    const controller = new AbortController();
    job.controller = controller;
    const item = () => this.items.find((i) => i.id === id);
    try {
      const destinationId = item()?.destinationId ?? '';
      const folderId = await this.folderFor(job.batch, destinationId, job.folders);
      if (controller.signal.aborted) {
        return;
      }
      job.samples = [{ time: this.deps.now(), loaded: 0 }];
      const stored = await this.deps.upload({
        folderId,
        name: job.file.name,
        file: job.file,
        onConflict: job.onConflict,
        signal: controller.signal,
        onProgress: (loaded) => {
          this.progress(id, loaded);
        },
      });
      // With "keep both" the server picks the name; show the one it stored.
      const finished = this.update(id, {
        status: 'done',
        name: stored.name,
        path: [...job.folders, stored.name].join('/'),
        loaded: job.file.size,
        bytesPerSecond: null,
      });
      if (finished !== undefined) {
        for (const listener of this.completionListeners) {
          listener(finished);
        }
      }
    } catch (error) {
      if (controller.signal.aborted || isAbort(error)) {
        // cancel() already marked it.
        return;
      }
      this.update(id, {
        status: 'failed',
        bytesPerSecond: null,
        error:
          error instanceof FolderError
            ? error.message
            : describeError(error, 'upload', { name: job.file.name }),
      });
    } finally {
      job.controller = null;
    }
  }

  private progress(id: number, loaded: number): void {
    const job = this.jobs.get(id);
    const current = this.items.find((i) => i.id === id);
    if (job === undefined || current?.status !== 'uploading') {
      return;
    }
    const now = this.deps.now();
    job.samples.push({ time: now, loaded });
    while (job.samples.length > 2 && now - (job.samples[0]?.time ?? now) > SPEED_WINDOW_MS) {
      job.samples.shift();
    }
    const first = job.samples[0];
    const elapsed = first === undefined ? 0 : now - first.time;
    const bytesPerSecond =
      first !== undefined && elapsed >= 250
        ? Math.max(0, ((loaded - first.loaded) * 1000) / elapsed)
        : current.bytesPerSecond;
    this.update(id, { loaded: Math.min(loaded, current.size), bytesPerSecond });
  }

  /**
   * The id of destination/folders…, creating what is missing. Remembered per drop, so the files
   * of one drop share their folders, and a later drop looks again.
   */
  private folderFor(
    batch: number,
    destinationId: string,
    folders: readonly string[],
  ): Promise<string> {
    if (folders.length === 0) {
      return Promise.resolve(destinationId);
    }
    const key = `${batch}:${[destinationId, ...folders].join('/')}`;
    let pending = this.folderIds.get(key);
    if (pending === undefined) {
      const name = folders[folders.length - 1] ?? '';
      pending = this.folderFor(batch, destinationId, folders.slice(0, -1)).then((parentId) =>
        this.ensureFolder(parentId, name),
      );
      // A failure is not remembered: a retry tries again.
      pending.catch(() => this.folderIds.delete(key));
      this.folderIds.set(key, pending);
    }
    return pending;
  }

  private async ensureFolder(parentId: string, name: string): Promise<string> {
    try {
      return (await this.deps.createFolder({ parentId, name })).id;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409) {
        throw new FolderError(
          `The folder “${name}” could not be created: ${describeError(error, 'create-folder', { name })}`,
        );
      }
      const existing = await this.deps.findChild(parentId, name);
      if (existing?.type !== 'folder') {
        throw new FolderError(
          `The folder “${name}” could not be created: a file of that name is in the way.`,
        );
      }
      return existing.id;
    }
  }

  private update(id: number, changes: Partial<UploadItem>): UploadItem | undefined {
    let updated: UploadItem | undefined;
    this.emit(
      this.items.map((item) => {
        if (item.id !== id) {
          return item;
        }
        updated = { ...item, ...changes };
        return updated;
      }),
    );
    return updated;
  }

  private emit(items: readonly UploadItem[]): void {
    this.items = items;
    for (const listener of this.listeners) {
      listener();
    }
  }
}

/** The upload queue of this tab. */
export const uploadQueue = new UploadQueue({
  upload: (input) => uploadAny(input, uploadFile),
  createFolder,
  findChild,
  now: () => performance.now(),
});
