import { describe, expect, it, vi } from 'vitest';
import type { FileNode } from './node';
import { RESUMABLE_THRESHOLD, shouldRetry, uploadAny, uploadFingerprint } from './upload-resumable';
import type { UploadFileInput } from './upload-file';

function input(size: number, overrides: Partial<UploadFileInput> = {}): UploadFileInput {
  const file = new File([new Uint8Array(0)], 'movie.mp4', { lastModified: 1700000000000 });
  Object.defineProperty(file, 'size', { value: size });
  return { folderId: 'f1', name: 'movie.mp4', file, onConflict: 'replace', ...overrides };
}

describe('resumable uploads', () => {
  it('sends files below the threshold in one PUT', async () => {
    const node = { id: 'n1' } as FileNode;
    const put = vi.fn().mockResolvedValue(node);
    await expect(uploadAny(input(RESUMABLE_THRESHOLD - 1), put)).resolves.toBe(node);
    expect(put).toHaveBeenCalledOnce();
  });

  it('remembers an upload per user, folder, name, file and conflict policy', () => {
    const base = uploadFingerprint('u1', input(100));
    expect(uploadFingerprint('u1', input(100))).toBe(base);
    expect(uploadFingerprint('u2', input(100))).not.toBe(base);
    expect(uploadFingerprint('u1', input(100, { folderId: 'f2' }))).not.toBe(base);
    expect(uploadFingerprint('u1', input(101))).not.toBe(base);
    expect(uploadFingerprint('u1', input(100, { onConflict: 'rename' }))).not.toBe(base);
  });

  it('retries network failures, 5xx, busy uploads and offset mismatches, but not refusals', () => {
    expect(shouldRetry(null, null)).toBe(true);
    expect(shouldRetry(503, null)).toBe(true);
    expect(shouldRetry(423, null)).toBe(true);
    expect(shouldRetry(409, 'https://cloudworkspace.org/problems/upload-offset-mismatch')).toBe(
      true,
    );
    expect(shouldRetry(409, 'https://cloudworkspace.org/problems/name-taken')).toBe(false);
    expect(shouldRetry(404, null)).toBe(false);
    expect(shouldRetry(460, null)).toBe(false);
    expect(shouldRetry(507, null)).toBe(false);
  });
});
