import { assertSafeStorageKey, type FileStorage } from './file-storage.js';

/**
 * A {@link FileStorage} that keeps everything in the process's memory: for tests and
 * ephemeral runs (demos), never for data that must survive a restart.
 */
export class MemoryStorage implements FileStorage {
  private readonly objects = new Map<string, { bytes: Uint8Array; contentType: string }>();

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    assertSafeStorageKey(key);
    // Copies in and out, so a caller reusing its buffer cannot change what was stored —
    // the same guarantee the disk storage gives for free.
    this.objects.set(key, { bytes: Uint8Array.from(bytes), contentType });
  }

  async get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
    assertSafeStorageKey(key);
    const found = this.objects.get(key);
    return found ? { bytes: Uint8Array.from(found.bytes), contentType: found.contentType } : null;
  }

  async delete(key: string): Promise<void> {
    assertSafeStorageKey(key);
    this.objects.delete(key);
  }
}
