import { describe, expect, it } from 'vitest';
import { type FileStorage, UnsafeStorageKeyError } from './file-storage.js';

/**
 * The behaviour every {@link FileStorage} must have. Each implementation's test file calls
 * this once with a factory that returns a fresh, empty storage per test.
 */
export function describeFileStorage(name: string, factory: () => FileStorage | Promise<FileStorage>): void {
  describe(`${name} (FileStorage contract)`, () => {
    const bytes = (...values: number[]) => new Uint8Array(values);

    it('gives back the bytes and content type that were put', async () => {
      const storage = await factory();
      await storage.put('tenant-1/3f1c', bytes(1, 2, 3), 'image/png');
      expect(await storage.get('tenant-1/3f1c')).toEqual({ bytes: bytes(1, 2, 3), contentType: 'image/png' });
    });

    it('returns null for a key that was never put', async () => {
      const storage = await factory();
      expect(await storage.get('tenant-1/missing')).toBeNull();
    });

    it('replaces the bytes and the content type on a second put', async () => {
      const storage = await factory();
      await storage.put('tenant-1/a', bytes(1, 2, 3, 4), 'image/png');
      await storage.put('tenant-1/a', bytes(9), 'application/pdf');
      expect(await storage.get('tenant-1/a')).toEqual({ bytes: bytes(9), contentType: 'application/pdf' });
    });

    it('stores an empty object and a large one faithfully', async () => {
      const storage = await factory();
      const large = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 31) % 251);
      await storage.put('tenant-1/empty', new Uint8Array(0), 'application/octet-stream');
      await storage.put('tenant-1/large', large, 'application/octet-stream');
      expect((await storage.get('tenant-1/empty'))?.bytes).toEqual(new Uint8Array(0));
      // Buffer.equals, because a deep equality over 3 MiB element by element takes seconds.
      const found = (await storage.get('tenant-1/large'))?.bytes ?? new Uint8Array(0);
      expect(Buffer.from(found).equals(large)).toBe(true);
    });

    it('keeps what was stored when the caller later changes its buffer', async () => {
      const storage = await factory();
      const buffer = bytes(1, 2, 3);
      await storage.put('tenant-1/a', buffer, 'image/png');
      buffer[0] = 99;
      const first = await storage.get('tenant-1/a');
      first?.bytes.fill(0);
      expect((await storage.get('tenant-1/a'))?.bytes).toEqual(bytes(1, 2, 3));
    });

    it('keeps keys apart, across tenants and nested segments', async () => {
      const storage = await factory();
      await storage.put('tenant-1/x', bytes(1), 'image/png');
      await storage.put('tenant-2/x', bytes(2), 'image/jpeg');
      await storage.put('tenant-1/cases/42/x.jpg', bytes(3), 'image/jpeg');
      expect((await storage.get('tenant-1/x'))?.bytes).toEqual(bytes(1));
      expect((await storage.get('tenant-2/x'))?.bytes).toEqual(bytes(2));
      expect((await storage.get('tenant-1/cases/42/x.jpg'))?.bytes).toEqual(bytes(3));
    });

    it('forgets a deleted object and leaves the others', async () => {
      const storage = await factory();
      await storage.put('tenant-1/a', bytes(1), 'image/png');
      await storage.put('tenant-1/b', bytes(2), 'image/png');
      await storage.delete('tenant-1/a');
      expect(await storage.get('tenant-1/a')).toBeNull();
      expect((await storage.get('tenant-1/b'))?.bytes).toEqual(bytes(2));
    });

    it('accepts deleting a key that does not exist, twice', async () => {
      const storage = await factory();
      await storage.delete('tenant-1/never');
      await storage.delete('tenant-1/never');
      expect(await storage.get('tenant-1/never')).toBeNull();
    });

    it('can put a key again after deleting it', async () => {
      const storage = await factory();
      await storage.put('tenant-1/a', bytes(1), 'image/png');
      await storage.delete('tenant-1/a');
      await storage.put('tenant-1/a', bytes(2), 'image/gif');
      expect(await storage.get('tenant-1/a')).toEqual({ bytes: bytes(2), contentType: 'image/gif' });
    });

    const unsafeKeys: ReadonlyArray<[string, string]> = [
      ['a parent segment', '../escape'],
      ['a parent segment in the middle', 'tenant-1/../tenant-2/x'],
      ['a trailing parent segment', 'tenant-1/..'],
      ['a current-directory segment', 'tenant-1/./x'],
      ['an absolute path', '/etc/passwd'],
      ['a backslash', 'tenant-1\\..\\x'],
      ['a NUL byte', 'tenant-1/x\0.png'],
      ['an empty key', ''],
      ['an empty segment', 'tenant-1//x'],
      ['a trailing slash', 'tenant-1/'],
      ['a hidden segment', 'tenant-1/.x'],
      ['a Windows drive', 'C:/x'],
      ['a newline', 'tenant-1/x\n'],
      ['an over-long key', `tenant-1/${'a'.repeat(600)}`],
    ];
    for (const [what, key] of unsafeKeys) {
      it(`refuses a key with ${what}, on put, get and delete`, async () => {
        const storage = await factory();
        await expect(storage.put(key, bytes(1), 'image/png')).rejects.toBeInstanceOf(UnsafeStorageKeyError);
        await expect(storage.get(key)).rejects.toBeInstanceOf(UnsafeStorageKeyError);
        await expect(storage.delete(key)).rejects.toBeInstanceOf(UnsafeStorageKeyError);
      });
    }

    it('says why a key was refused', async () => {
      const storage = await factory();
      await expect(storage.get('tenant-1/../x')).rejects.toThrow(/Unsafe storage key .*".." segment/);
      await expect(storage.get('/x')).rejects.toThrow(/absolute path/);
      await expect(storage.get('a\\b')).rejects.toThrow(/backslash/);
      await expect(storage.get('a\0b')).rejects.toThrow(/NUL/);
    });
  });
}
