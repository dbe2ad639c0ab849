import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE_EXIF, qualityReturn, sampleOrder } from '../testing/fixtures.test-helpers.js';
import {
  importOrder,
  startTestApp,
  type TestApp,
  testDatabaseKind,
} from '../testing/harness.test-helpers.js';

const TEN_MIB = 10 * 1024 * 1024;

describe(`evidence files over HTTP (${testDatabaseKind()})`, () => {
  let app: TestApp;
  let server: TestApp['server'];
  let tenant: TestApp['tenant'];
  let api: TestApp['api'];
  let photo: Buffer;
  const now = new Date();

  beforeAll(async () => {
    app = await startTestApp({ now });
    ({ server, tenant, api } = app);
    photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a33' } })
      .jpeg()
      .withExif(PHONE_EXIF)
      .toBuffer();
  });
  afterAll(() => app?.close());

  async function upload(
    bytes: Uint8Array,
    fileName: string,
    options: { type?: string; caseId?: string; token?: string } = {},
  ) {
    const form = new FormData();
    if (options.caseId) form.append('caseId', options.caseId);
    form.append('file', new Blob([bytes], { type: options.type ?? 'image/jpeg' }), fileName);
    const response = await fetch(`${server.url}/api/v1/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.token ?? tenant.apiKey}` },
      body: form,
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: JSON.parse(text),
    };
  }

  async function download(id: string, token = tenant.apiKey) {
    const response = await fetch(`${server.url}/api/v1/evidence/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  const importOrderOf = (email?: string) => importOrder(api, sampleOrder(now, email ? { email } : {}));

  const qualityComplaint = (order: any, evidenceIds?: string[]) =>
    qualityReturn(order, 'The seam came apart on the first day', evidenceIds);

  const evidenceRule = (decision: any) => decision.trace.find((t: any) => t.rule === 'evidence_provided');

  it('stores a photo and hands it back as a JPEG without its EXIF, GPS or camera serial', async () => {
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    expect(photo.includes('SECRET-SERIAL')).toBe(true);

    const stored = await upload(photo, 'IMG_0001.jpg');
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ id: expect.any(String), contentType: 'image/jpeg', caseId: null });

    const { response, bytes } = await download(stored.body.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('content-disposition')).toBe('attachment');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(bytes.byteLength).toBe(stored.body.sizeBytes);
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(metadata.exif).toBeUndefined();
    for (const secret of ['SECRET-COPYRIGHT', 'SECRET-ARTIST', 'SECRET-SERIAL'])
      expect(bytes.includes(secret)).toBe(false);
  });

  it('refuses a text file named .jpg with 415 problem+json', async () => {
    const text = new TextEncoder().encode('This is not a photo.\nIt was renamed receipt.jpg\n');
    const refused = await upload(text, 'receipt.jpg');
    expect(refused.status).toBe(415);
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 415,
      code: 'unsupported_media_type',
      detail: expect.any(String),
    });
  });

  it.each([
    ['one byte over 10 MiB', TEN_MIB + 1],
    ['11 MiB', 11 * 1024 * 1024],
  ])('refuses a file of %s with 413 problem+json', async (_, size) => {
    const big = new Uint8Array(size);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const refused = await upload(big, 'huge.jpg');
    expect(refused.status).toBe(413);
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      status: 413,
      code: 'payload_too_large',
      detail: expect.any(String),
    });
  });

  it('answers an upload without a file, or with a case id that is not one, with 400', async () => {
    const empty = await fetch(`${server.url}/api/v1/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.apiKey}` },
      body: (() => {
        const form = new FormData();
        form.append('caseId', '00000000-0000-4000-8000-000000000000');
        return form;
      })(),
    });
    expect(empty.status).toBe(400);
    const badCase = await upload(photo, 'a.jpg', { caseId: 'not-a-case' });
    expect(badCase.status).toBe(400);
    expect(badCase.body.errors).toEqual([{ field: '/caseId', message: 'must be a UUID' }]);
    const unknownCase = await upload(photo, 'a.jpg', { caseId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownCase.status).toBe(404);
  });

  it('passes the evidence rule of a quality complaint that names an uploaded photo, and shows the photo on the case', async () => {
    const order = await importOrderOf();
    const without = await api('POST', '/api/v1/cases/eligibility', qualityComplaint(order));
    expect(evidenceRule(without.body)).toMatchObject({ passed: false });

    const stored = await upload(photo, 'seam.jpg');
    const filed = await api('POST', '/api/v1/cases', qualityComplaint(order, [stored.body.id]));
    expect(filed.status).toBe(201);
    expect(evidenceRule(filed.body.decision)).toMatchObject({ passed: true });
    expect(filed.body.evidence).toEqual([
      {
        id: stored.body.id,
        contentType: 'image/jpeg',
        sizeBytes: stored.body.sizeBytes,
        caseItemId: filed.body.items[0].id,
      },
    ]);
    const shown = await api('GET', `/api/v1/cases/${filed.body.id}`);
    expect(shown.body.evidence.map((e: any) => e.id)).toEqual([stored.body.id]);
    expect((await download(stored.body.id)).response.status).toBe(200);
  });

  it('refuses a photo already attached to one case when another case names it, with 400', async () => {
    const stored = await upload(photo, 'seam.jpg');
    const first = await api(
      'POST',
      '/api/v1/cases',
      qualityComplaint(await importOrderOf(), [stored.body.id]),
    );
    expect(first.status).toBe(201);
    const again = await api(
      'POST',
      '/api/v1/cases',
      qualityComplaint(await importOrderOf(), [stored.body.id]),
    );
    expect(again.status).toBe(400);
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(again.body.errors).toEqual([expect.objectContaining({ field: '/items/0/evidenceIds' })]);
    const dryRun = await api(
      'POST',
      '/api/v1/cases/eligibility',
      qualityComplaint(await importOrderOf(), [stored.body.id]),
    );
    expect(dryRun.status).toBe(400);
  });

  it('attaches a photo uploaded with a case id to that case at once', async () => {
    const filed = await api('POST', '/api/v1/cases', qualityComplaint(await importOrderOf()));
    const stored = await upload(photo, 'later.jpg', { caseId: filed.body.id });
    expect(stored.status).toBe(201);
    expect(stored.body.caseId).toBe(filed.body.id);
    const shown = await api('GET', `/api/v1/cases/${filed.body.id}`);
    expect(shown.body.evidence).toEqual([expect.objectContaining({ id: stored.body.id, caseItemId: null })]);
  });

  describe('a customer’s photo', () => {
    async function customerToken(order: any, email: string) {
      const issued = await api('POST', '/api/v1/auth/customer-token', {
        tenantId: tenant.tenantId,
        orderNumber: order.number,
        email,
      });
      return issued.body.token as string;
    }

    async function twoCustomers() {
      const tag = Math.random().toString(36).slice(2, 8);
      const mine = await importOrderOf(`owner-${tag}@example.com`);
      const theirs = await importOrderOf(`neighbour-${tag}@example.com`);
      return {
        theirs,
        owner: await customerToken(mine, `owner-${tag}@example.com`),
        neighbour: await customerToken(theirs, `neighbour-${tag}@example.com`),
      };
    }

    it('can be downloaded by that customer, and by no other', async () => {
      const { owner, neighbour } = await twoCustomers();
      const stored = await upload(photo, 'mine.jpg', { token: owner });
      expect(stored.status).toBe(201);
      expect((await download(stored.body.id, owner)).response.status).toBe(200);
      expect((await download(stored.body.id, neighbour)).response.status).toBe(404);
    });

    it('cannot be attached by another customer to their own case, and so read through it', async () => {
      const { owner, neighbour, theirs } = await twoCustomers();
      const stored = await upload(photo, 'mine.jpg', { token: owner });
      const taken = await api('POST', '/api/v1/cases', qualityComplaint(theirs, [stored.body.id]), {
        authorization: `Bearer ${neighbour}`,
      });
      expect(taken.status, JSON.stringify(taken.body).slice(0, 200)).toBe(400);
      expect(taken.body.errors).toEqual([expect.objectContaining({ field: '/items/0/evidenceIds' })]);
      expect((await download(stored.body.id, neighbour)).response.status).toBe(404);
    });
  });
});
