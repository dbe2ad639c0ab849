/**
 * Where evidence files (photos, screenshots, invoices) and other blobs live.
 *
 * Keys are chosen by the caller, typically `<tenantId>/<uuid>`, and behave like relative
 * file paths: segments separated by `/`. Every implementation refuses a key that could
 * escape its root or confuse a file system (see {@link assertSafeStorageKey}), so a key
 * built from user input can never reach another tenant's files or the host.
 *
 * A key names one object; do not use a key as the "folder" of another key (`a` and
 * `a/b`): a disk-backed implementation cannot hold both and will refuse the second.
 */
export interface FileStorage {
  /** Stores `bytes` under `key` with its content type, replacing any previous object. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object under `key`, or `null` when there is none. */
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
  /** Removes the object under `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** Thrown when a storage key could escape the storage root or is otherwise malformed. */
export class UnsafeStorageKeyError extends Error {
  /** Stable code for the HTTP error mapping. */
  readonly code = 'unsafe_storage_key';

  constructor(
    /** The refused key, kept for logs (it may be user input: do not echo it to users). */
    readonly key: string,
    reason: string,
  ) {
    super(`Unsafe storage key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'UnsafeStorageKeyError';
  }
}

// Long enough for `<tenantId>/<uuid>` with a few extra segments, short enough to stay well
// under file-system path limits (4096) whatever the root directory is.
const MAX_KEY_LENGTH = 512;
// An allow-list rather than a deny-list: besides `..`, absolute paths, backslashes and NUL
// it also rules out leading dots (hidden and temporary files of the disk storage), colons
// (Windows drive letters and streams) and control characters, whatever the platform.
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Throws {@link UnsafeStorageKeyError} unless `key` is one or more `/`-separated segments
 * of letters, digits, `.`, `_` and `-` that do not start with a dot.
 */
export function assertSafeStorageKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) {
    throw new UnsafeStorageKeyError(String(key), 'the key is empty');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw new UnsafeStorageKeyError(key, `the key is longer than ${MAX_KEY_LENGTH} characters`);
  }
  // The specific checks come first so the error says what was wrong, not just "invalid".
  if (key.includes('\0')) throw new UnsafeStorageKeyError(key, 'the key contains a NUL byte');
  if (key.includes('\\')) throw new UnsafeStorageKeyError(key, 'the key contains a backslash');
  if (key.startsWith('/')) throw new UnsafeStorageKeyError(key, 'the key is an absolute path');
  for (const segment of key.split('/')) {
    if (segment === '') {
      throw new UnsafeStorageKeyError(key, 'the key has an empty segment (leading, trailing or double "/")');
    }
    if (segment === '..' || segment === '.') {
      throw new UnsafeStorageKeyError(key, `the key has a "${segment}" segment`);
    }
    if (!SAFE_SEGMENT.test(segment)) {
      throw new UnsafeStorageKeyError(
        key,
        `segment ${JSON.stringify(segment)} must use only letters, digits, ".", "_" and "-" and not start with "."`,
      );
    }
  }
}
