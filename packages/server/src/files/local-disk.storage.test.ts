import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFileStorage } from './file-storage.contract.js';
import { LocalDiskStorage } from './local-disk.storage.js';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'afterdesk-files-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

// A root that does not exist yet, so every contract test also checks directory creation.
describeFileStorage(
  'LocalDiskStorage',
  async () => new LocalDiskStorage(join(await freshDir(), 'not-yet', 'files')),
);

describe('LocalDiskStorage on disk', () => {
  it('writes the bytes under the key and the content type in a hidden sidecar, with no temporary files left', async () => {
    const root = await freshDir();
    const storage = new LocalDiskStorage(root);
    await storage.put('tenant-1/abc', new Uint8Array([7, 8]), 'application/pdf');
    expect(new Uint8Array(await readFile(join(root, 'tenant-1', 'abc')))).toEqual(new Uint8Array([7, 8]));
    expect(JSON.parse(await readFile(join(root, 'tenant-1', '.abc.meta.json'), 'utf8'))).toEqual({
      contentType: 'application/pdf',
    });
    expect((await readdir(join(root, 'tenant-1'))).sort()).toEqual(['.abc.meta.json', 'abc']);
  });

  it('removes the sidecar with the object', async () => {
    const root = await freshDir();
    const storage = new LocalDiskStorage(root);
    await storage.put('tenant-1/abc', new Uint8Array([1]), 'image/png');
    await storage.delete('tenant-1/abc');
    expect(await readdir(join(root, 'tenant-1'))).toEqual([]);
  });

  it('treats bytes whose sidecar is gone (a delete half done) as missing', async () => {
    const root = await freshDir();
    const storage = new LocalDiskStorage(root);
    await storage.put('tenant-1/abc', new Uint8Array([1]), 'image/png');
    await rm(join(root, 'tenant-1', '.abc.meta.json'));
    expect(await storage.get('tenant-1/abc')).toBeNull();
  });

  it('refuses a key that is already the folder of other keys, and leaves no stray files', async () => {
    const root = await freshDir();
    const storage = new LocalDiskStorage(root);
    await storage.put('tenant-1/a/b', new Uint8Array([1]), 'image/png');
    await expect(storage.put('tenant-1/a', new Uint8Array([2]), 'image/png')).rejects.toThrow(
      /already used as a folder/,
    );
    await expect(storage.put('tenant-1/a/b/c', new Uint8Array([2]), 'image/png')).rejects.toThrow(
      /already an object/,
    );
    expect(await storage.get('tenant-1/a')).toBeNull();
    expect((await readdir(join(root, 'tenant-1'))).sort()).toEqual(['a']);
    expect((await readdir(join(root, 'tenant-1', 'a'))).sort()).toEqual(['.b.meta.json', 'b']);
  });

  it('survives many concurrent writes to the same key with one whole version', async () => {
    const storage = new LocalDiskStorage(await freshDir());
    const versions = Array.from({ length: 20 }, (_, i) => new Uint8Array(64 * 1024).fill(i));
    await Promise.all(versions.map((v) => storage.put('tenant-1/hot', v, 'image/png')));
    const found = await storage.get('tenant-1/hot');
    const first = found?.bytes[0] ?? -1;
    expect(Buffer.from(found?.bytes ?? []).equals(new Uint8Array(64 * 1024).fill(first))).toBe(true);
  });
});
