/** One file to upload, with the folders (relative to the drop target) it goes into. */
export interface DroppedFile {
  file: File;
  folders: string[];
}

export interface DroppedTree {
  files: DroppedFile[];
  /** Every folder of the drop, parents before children, empty ones included. */
  folders: string[][];
}

/**
 * Reads what was dropped: plain files, and whole folders through webkitGetAsEntry. The entries
 * must be taken from the DataTransfer synchronously, during the drop event; reading them may wait.
 */
export function entriesOf(dataTransfer: DataTransfer): {
  entries: FileSystemEntry[];
  files: File[];
} {
  const entries: FileSystemEntry[] = [];
  const items = Array.from(dataTransfer.items);
  for (const item of items) {
    if (item.kind !== 'file') {
      continue;
    }
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry !== null) {
      entries.push(entry);
    }
  }
  // Without entry support (or for items that have none), fall back to the flat file list.
  return { entries, files: entries.length === 0 ? Array.from(dataTransfer.files) : [] };
}

export async function readDroppedTree(dropped: {
  entries: FileSystemEntry[];
  files: File[];
}): Promise<DroppedTree> {
  const tree: DroppedTree = {
    files: dropped.files.map((file) => ({ file, folders: [] })),
    folders: [],
  };
  for (const entry of dropped.entries) {
    await walk(entry, [], tree);
  }
  return tree;
}

async function walk(entry: FileSystemEntry, folders: string[], tree: DroppedTree): Promise<void> {
  if (isFile(entry)) {
    const file = await new Promise<File>((resolve, reject) => {
      entry.file(resolve, reject);
    });
    tree.files.push({ file, folders });
    return;
  }
  if (isDirectory(entry)) {
    const path = [...folders, entry.name];
    tree.folders.push(path);
    for (const child of await readAllEntries(entry)) {
      await walk(child, path, tree);
    }
  }
}

/** readEntries answers in batches (100 in Chromium) until it answers an empty one. */
async function readAllEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => {
      reader.readEntries(resolve, reject);
    });
    if (batch.length === 0) {
      return all;
    }
    all.push(...batch);
  }
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

/** Files picked with <input webkitdirectory> carry their path in webkitRelativePath. */
export function filesFromInput(files: readonly File[]): DroppedTree {
  const tree: DroppedTree = { files: [], folders: [] };
  const seen = new Set<string>();
  for (const file of files) {
    const parts = (file.webkitRelativePath || file.name).split('/').filter(Boolean);
    const folders = parts.slice(0, -1);
    for (let depth = 1; depth <= folders.length; depth++) {
      const key = folders.slice(0, depth).join('/');
      if (!seen.has(key)) {
        seen.add(key);
        tree.folders.push(folders.slice(0, depth));
      }
    }
    tree.files.push({ file, folders });
  }
  return tree;
}
