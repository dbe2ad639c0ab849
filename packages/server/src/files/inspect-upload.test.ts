import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PHONE_EXIF } from '../testing/fixtures.test-helpers.js';
import { type InspectedUpload, inspectUpload } from './inspect-upload.js';

const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>SECRET-XMP-CREATOR</dc:creator></rdf:Description>
</rdf:RDF></x:xmpmeta>`;

function canvas(width: number, height: number, background = '#3a7') {
  return sharp({ create: { width, height, channels: 3, background } });
}

/** Narrows to the accepted branch, failing the test with the refusal otherwise. */
function accepted(result: InspectedUpload): Extract<InspectedUpload, { ok: true }> {
  if (!result.ok)
    throw new Error(`expected the upload to be accepted, got ${result.code}: ${result.message}`);
  return result;
}

function contains(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes).includes(text);
}

/** The smallest PDF a viewer opens: one empty page, with a correct cross-reference table. */
function tinyPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** Inserts a JPEG comment (COM) segment right after the start-of-image marker. */
function withJpegComment(jpeg: Uint8Array, comment: string): Uint8Array {
  const text = Buffer.from(comment, 'latin1');
  const segment = Buffer.concat([
    Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]),
    text,
  ]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

describe('inspectUpload', () => {
  it('strips EXIF with GPS, XMP and the camera serial from a JPEG and keeps its size in pixels', async () => {
    const input = await canvas(32, 16).jpeg().withExif(PHONE_EXIF).withXmp(XMP).toBuffer();
    const before = await sharp(input).metadata();
    expect(before.exif).toBeDefined();
    expect(before.xmp).toBeDefined();
    // The GPS sub-IFD pointer (tag 0x8825, little-endian as libexif writes it) is there.
    expect(Buffer.from(before.exif ?? []).includes(Buffer.from([0x25, 0x88]))).toBe(true);
    expect(contains(input, 'SECRET-SERIAL')).toBe(true);

    const result = accepted(await inspectUpload(input));
    const after = await sharp(result.bytes).metadata();

    expect(result).toMatchObject({
      contentType: 'image/jpeg',
      extension: 'jpg',
      sniffedType: 'image/jpeg',
      metadataStripped: true,
    });
    expect(result.size).toBe(result.bytes.byteLength);
    expect(after).toMatchObject({ format: 'jpeg', width: 32, height: 16 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    for (const secret of ['SECRET-COPYRIGHT', 'SECRET-ARTIST', 'SECRET-SERIAL', 'SECRET-XMP-CREATOR']) {
      expect(contains(result.bytes, secret)).toBe(false);
    }
  });

  it('turns a photo taken sideways upright before dropping its orientation tag', async () => {
    // Left half red, right half blue, stored landscape with "rotate 90° clockwise to view".
    const red = await canvas(16, 16, '#f00').png().toBuffer();
    const input = await canvas(32, 16, '#00f')
      .composite([{ input: red, left: 0, top: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();

    const result = accepted(await inspectUpload(input));
    const { data, info } = await sharp(result.bytes).raw().toBuffer({ resolveWithObject: true });

    expect((await sharp(result.bytes).metadata()).orientation).toBeUndefined();
    expect([info.width, info.height]).toEqual([16, 32]);
    // Viewed upright, the red half is on top.
    const first = [...data.subarray(0, 3)];
    const last = [...data.subarray(data.length - 3)];
    expect(first[0]).toBeGreaterThan(200);
    expect(first[2]).toBeLessThan(50);
    expect(last[2]).toBeGreaterThan(200);
    expect(last[0]).toBeLessThan(50);
  });

  it('drops ICC profiles, comments and data hidden after the end of a JPEG', async () => {
    const jpeg = await canvas(24, 24).jpeg().withIccProfile('p3').toBuffer();
    const input = Buffer.concat([withJpegComment(jpeg, 'SECRET-COMMENT'), Buffer.from('SECRET-TRAILER')]);
    expect((await sharp(input).metadata()).icc).toBeDefined();

    const result = accepted(await inspectUpload(input));

    expect((await sharp(result.bytes).metadata()).icc).toBeUndefined();
    expect(contains(result.bytes, 'SECRET-COMMENT')).toBe(false);
    expect(contains(result.bytes, 'SECRET-TRAILER')).toBe(false);
  });

  it('re-encodes a PNG screenshot as PNG, without its XMP or EXIF, keeping a palette image a palette image', async () => {
    const input = await canvas(40, 30).png({ palette: true }).withXmp(XMP).withExif(PHONE_EXIF).toBuffer();
    const before = await sharp(input).metadata();
    expect(before.xmp).toBeDefined();
    expect(before.exif).toBeDefined();

    const result = accepted(await inspectUpload(input));
    const after = await sharp(result.bytes).metadata();

    expect(result).toMatchObject({ contentType: 'image/png', extension: 'png' });
    expect(after).toMatchObject({ format: 'png', width: 40, height: 30, isPalette: true });
    expect(after.xmp).toBeUndefined();
    expect(after.exif).toBeUndefined();
  });

  it('strips EXIF from a WebP and keeps it WebP', async () => {
    const input = await canvas(20, 12).webp().withExif(PHONE_EXIF).toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();

    const result = accepted(await inspectUpload(input));
    const after = await sharp(result.bytes).metadata();

    expect(result).toMatchObject({ contentType: 'image/webp', extension: 'webp' });
    expect(after).toMatchObject({ format: 'webp', width: 20, height: 12 });
    expect(after.exif).toBeUndefined();
  });

  it('keeps every frame and the timing of an animated GIF', async () => {
    const green = await canvas(8, 8, '#0f0').raw().toBuffer();
    const blue = await canvas(8, 8, '#00f').raw().toBuffer();
    const input = await sharp(Buffer.concat([green, blue]), {
      raw: { width: 8, height: 16, channels: 3, pageHeight: 8 },
    })
      .gif({ loop: 0, delay: [100, 200] })
      .toBuffer();

    const result = accepted(await inspectUpload(input));
    const after = await sharp(result.bytes, { animated: true }).metadata();

    expect(result).toMatchObject({ contentType: 'image/gif', extension: 'gif', metadataStripped: true });
    expect(after).toMatchObject({ format: 'gif', pages: 2, width: 8, pageHeight: 8, delay: [100, 200] });
  });

  it('stores a PDF exactly as uploaded and says its metadata was not stripped', async () => {
    const input = tinyPdf();

    const result = accepted(await inspectUpload(input));

    expect(result).toMatchObject({
      contentType: 'application/pdf',
      extension: 'pdf',
      metadataStripped: false,
    });
    expect(result.bytes).toEqual(input);
    expect(result.size).toBe(input.byteLength);
  });

  it('refuses a text file, whatever it is called', async () => {
    const input = new TextEncoder().encode('This is not a photo.\nIt was renamed receipt.jpg\n');
    expect(await inspectUpload(input)).toMatchObject({ ok: false, code: 'unsupported_type' });
  });

  it('refuses bytes that start like a JPEG but do not decode', async () => {
    const input = new Uint8Array([
      0xff,
      0xd8,
      0xff,
      0xe0,
      ...new TextEncoder().encode('not really a jpeg at all'),
    ]);
    const result = await inspectUpload(input);
    expect(result).toMatchObject({ ok: false, code: 'unsupported_type' });
    expect(!result.ok && result.message).toMatch(/could not be read as an image/);
  });

  it('refuses an undecodable HEIC and tells the customer to send a JPEG', async () => {
    // An ISO-BMFF "ftyp heic" box and nothing decodable after it.
    const ftyp = Buffer.alloc(24);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write('ftypheic', 4, 'latin1');
    ftyp.write('mif1heic', 16, 'latin1');
    const result = await inspectUpload(Buffer.concat([ftyp, Buffer.alloc(256, 7)]));
    expect(result).toMatchObject({ ok: false, code: 'unsupported_type' });
    expect(!result.ok && result.message).toMatch(/JPEG/);
  });

  it('refuses a type that is real but not allowed', async () => {
    const png = await canvas(4, 4).png().toBuffer();
    expect(await inspectUpload(png, { allowed: ['application/pdf'] })).toMatchObject({
      ok: false,
      code: 'unsupported_type',
    });
  });

  it('refuses an 11 MiB upload before looking inside it', async () => {
    // A JPEG signature followed by zeros: decoding it would fail differently, so
    // `too_large` proves the length is checked first.
    const input = new Uint8Array(11 * 1024 * 1024);
    input.set([0xff, 0xd8, 0xff, 0xe0]);
    const result = await inspectUpload(input);
    expect(result).toMatchObject({ ok: false, code: 'too_large' });
    expect(!result.ok && result.message).toMatch(/10 MiB/);
  });

  it('applies a smaller size limit when asked', async () => {
    const png = await canvas(64, 64).png().toBuffer();
    expect(await inspectUpload(png, { maxBytes: png.byteLength - 1 })).toMatchObject({
      ok: false,
      code: 'too_large',
    });
    expect(await inspectUpload(png, { maxBytes: png.byteLength })).toMatchObject({ ok: true });
  });

  it('refuses an image with more pixels than allowed without decoding it', async () => {
    const png = await canvas(100, 100).png().toBuffer();
    expect(await inspectUpload(png, { maxPixels: 5_000 })).toMatchObject({
      ok: false,
      code: 'unsupported_type',
    });
  });

  it('refuses an empty upload', async () => {
    expect(await inspectUpload(new Uint8Array(0))).toMatchObject({ ok: false, code: 'empty' });
  });

  it('never lets EXIF through and never changes the size in pixels, for any JPEG, PNG or WebP', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 48 }),
        fc.constantFrom('jpeg' as const, 'png' as const, 'webp' as const),
        fc.stringMatching(/^[A-Za-z0-9 ]{1,40}$/),
        async (width, height, format, owner) => {
          const input = await canvas(width, height)
            .toFormat(format)
            .withExif({ IFD0: { Copyright: owner }, IFD3: PHONE_EXIF.IFD3 })
            .toBuffer();
          const after = await sharp(accepted(await inspectUpload(input)).bytes).metadata();
          expect(after).toMatchObject({ format, width, height });
          expect(after.exif).toBeUndefined();
        },
      ),
      { numRuns: 25 },
    );
  });
});
