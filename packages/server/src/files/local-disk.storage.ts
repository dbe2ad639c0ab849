import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { assertSafeStorageKey, type FileStorage, UnsafeStorageKeyError } from './file-storage.js';

/**
 * A {@link FileStorage} on the local file system under `rootDir`, for embedded mode and
 * single-host installs.
 *
 * Layout: the bytes of key `t1/abc` are the file `<root>/t1/abc`, so an operator can read
 * or back up evidence with ordinary tools; its content type is in the hidden sidecar
 * `<root>/t1/.abc.meta.json`. Keys never start with a dot, so a sidecar or a temporary
 * file can never be mistaken for (or overwrite) an object.
 *
 * Writes go to a temporary file, are flushed to disk, then renamed into place: a reader
 * sees the old object or the new one, never half of one. Files left by a crash in the
 * middle of a write are named `.<name>.<random>.tmp` and can be deleted at any time.
 * Empty directories are left behind on delete, because removing them would race with a
 * concurrent `put` into the same directory.
 */
export class LocalDiskStorage implements FileStorage {
  private readonly root: string;

  /** @param rootDir created on first write if missing; relative paths resolve against the working directory. */
  constructor(rootDir: string) {
    this.root = resolve(rootDir);
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const { file, meta } = this.pathsOf(key);
    const dir = dirname(file);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw conflictOrRethrow(key, error);
    }
    const suffix = `${randomBytes(6).toString('hex')}.tmp`;
    const tmpFile = join(dir, `.${basename(file)}.${suffix}`);
    const tmpMeta = join(dir, `.${basename(file)}.meta.${suffix}`);
    try {
      await writeDurably(tmpFile, bytes);
      await writeDurably(tmpMeta, JSON.stringify({ contentType }));
      // Sidecar first: once the bytes are visible their content type is too, so `get`
      // never pairs new bytes with a missing sidecar (an overwrite may briefly pair old
      // bytes with the new type; keys are fresh UUIDs in practice, so this is accepted).
      await rename(tmpMeta, meta);
      await rename(tmpFile, file);
    } catch (error) {
      await Promise.all([removeIfPresent(tmpFile), removeIfPresent(tmpMeta)]);
      // The key is a folder of other keys, so no object can have owned this sidecar.
      if ((error as NodeJS.ErrnoException).code === 'EISDIR') await removeIfPresent(meta);
      throw conflictOrRethrow(key, error);
    }
  }

  async get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
    const { file, meta } = this.pathsOf(key);
    const bytes = await readIfPresent(file);
    if (bytes === null) return null;
    const sidecar = await readIfPresent(meta);
    // Bytes without a sidecar means a `delete` is half done: the object is going away.
    if (sidecar === null) return null;
    const { contentType } = JSON.parse(Buffer.from(sidecar).toString('utf8')) as { contentType: string };
    return { bytes, contentType };
  }

  async delete(key: string): Promise<void> {
    const { file, meta } = this.pathsOf(key);
    // Bytes first, the mirror of `put`, so a concurrent `get` sees the object or nothing.
    await removeIfPresent(file);
    await removeIfPresent(meta);
  }

  private pathsOf(key: string): { file: string; meta: string } {
    assertSafeStorageKey(key);
    const file = join(this.root, ...key.split('/'));
    // Defence in depth: the key check already makes this impossible.
    if (!file.startsWith(this.root + sep)) {
      throw new UnsafeStorageKeyError(key, 'the key resolves outside the storage root');
    }
    return { file, meta: join(dirname(file), `.${basename(file)}.meta.json`) };
  }
}

async function writeDurably(path: string, data: Uint8Array | string): Promise<void> {
  // `wx`: the name is random, so an existing file means something is badly wrong.
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    // Without the flush, a power cut right after the rename can leave an empty file
    // under the final name on some file systems.
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readIfPresent(path: string): Promise<Uint8Array | null> {
  try {
    const buffer = await readFile(path);
    // A plain Uint8Array view, so callers and tests see the type the interface promises.
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

async function removeIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

// EISDIR / ENOTDIR: the key names a "folder" of other keys, or passes through an object;
// either way there is no object under it.
function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

function conflictOrRethrow(key: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST') {
    return new Error(
      `Cannot store ${JSON.stringify(key)}: one of its segments is already an object, or the key is already used as a folder of other keys`,
      { cause: error },
    );
  }
  return error;
}
