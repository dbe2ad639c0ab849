import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';

/** Uploads larger than this are refused unless the caller passes another `maxBytes`. */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Types accepted unless the caller passes another `allowed` list: what customers send as
 * evidence (phone photos, screenshots, invoices). No SVG or HTML, which could carry script.
 */
export const DEFAULT_ALLOWED_UPLOAD_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/gif',
  'application/pdf',
];

/**
 * Images larger than this many pixels are refused before they are decoded: a 10 MiB file
 * can claim to be gigapixels and exhaust memory (a decompression bomb). 100 MP is above
 * what phones save by default and is about 400 MB of RGBA while decoding.
 */
export const DEFAULT_MAX_UPLOAD_PIXELS = 100_000_000;

/** How {@link inspectUpload} checks one upload. */
export interface InspectUploadOptions {
  /** Largest accepted upload in bytes, checked before anything is parsed. Default 10 MiB. */
  maxBytes?: number;
  /** Content types accepted, as sniffed from the bytes. Default {@link DEFAULT_ALLOWED_UPLOAD_TYPES}. */
  allowed?: readonly string[];
  /** Largest accepted image in pixels (width × height × frames). Default {@link DEFAULT_MAX_UPLOAD_PIXELS}. */
  maxPixels?: number;
}

/** Why an upload was refused; stable codes for the HTTP error mapping. */
export type UploadRefusal = 'too_large' | 'unsupported_type' | 'empty';

/** The verdict on one upload: the sanitised file to store, or why it was refused. */
export type InspectedUpload =
  | {
      ok: true;
      /** The type of `bytes`, sniffed from content; differs from `sniffedType` after a conversion. */
      contentType: string;
      /** File extension for `contentType`, without a dot (`jpg`, `png`, `pdf`). */
      extension: string;
      /** What to store: re-encoded without metadata for images, the upload itself otherwise. */
      bytes: Uint8Array;
      /** `bytes.byteLength`. */
      size: number;
      /** The type sniffed from the upload, e.g. `image/heic` when `contentType` is `image/jpeg`. */
      sniffedType: string;
      /** False when the bytes are stored as uploaded (PDF) and may still carry metadata. */
      metadataStripped: boolean;
    }
  | {
      ok: false;
      code: UploadRefusal;
      /** Safe to show to the customer. */
      message: string;
    };

type OutputFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';
type Encoding = { format: OutputFormat; contentType: string; extension: string; animated: boolean };

const JPEG: Encoding = { format: 'jpeg', contentType: 'image/jpeg', extension: 'jpg', animated: false };
const PNG: Encoding = { format: 'png', contentType: 'image/png', extension: 'png', animated: false };

// How each image type is re-encoded. Same format where sharp can write it, so a photo
// stays a photo and a screenshot stays lossless. HEIC becomes JPEG: sharp's prebuilt
// libvips has no HEVC encoder (patents), and only Safari displays HEIC anyway, so agents
// could not look at it in the console. Any other image type a caller allows becomes PNG,
// which keeps every pixel. GIF and WebP keep all frames of an animation.
const ENCODINGS: Readonly<Record<string, Encoding>> = {
  'image/jpeg': JPEG,
  'image/png': PNG,
  'image/webp': { format: 'webp', contentType: 'image/webp', extension: 'webp', animated: true },
  'image/gif': { format: 'gif', contentType: 'image/gif', extension: 'gif', animated: true },
  'image/avif': { format: 'avif', contentType: 'image/avif', extension: 'avif', animated: false },
  'image/heic': JPEG,
  'image/heif': JPEG,
};

// Evidence photos are read by people deciding refunds: worth a little more than sharp's
// default of 80 to avoid visible artefacts after a second lossy encoding.
const LOSSY_QUALITY = 90;

/**
 * Checks an uploaded file and returns what may be stored.
 *
 * The type comes from the bytes (magic numbers), never from the file name or the
 * request's Content-Type, which the sender controls. Images are decoded and re-encoded,
 * which drops EXIF (GPS position, camera serial, owner name), XMP, ICC profiles and
 * comments, and anything hidden after the image data. Photos are first turned upright
 * from their EXIF orientation, since the orientation tag goes with the rest.
 *
 * PDFs are stored as uploaded: there is no PDF rewriting library in the stack, so their
 * metadata (author, XMP) and any embedded script stay (`metadataStripped: false`). Serve
 * them as downloads (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`).
 *
 * A file whose bytes say "image" but that does not decode is refused as `unsupported_type`;
 * so are HEIC photos when this server's libvips cannot decode HEVC (the prebuilt sharp
 * binary cannot).
 */
export async function inspectUpload(
  bytes: Uint8Array,
  options: InspectUploadOptions = {},
): Promise<InspectedUpload> {
  const {
    maxBytes = DEFAULT_MAX_UPLOAD_BYTES,
    allowed = DEFAULT_ALLOWED_UPLOAD_TYPES,
    maxPixels = DEFAULT_MAX_UPLOAD_PIXELS,
  } = options;

  if (bytes.byteLength === 0) return refuse('empty', 'The file is empty.');
  // Before any parsing, so an oversized upload costs nothing more than its length.
  if (bytes.byteLength > maxBytes) {
    return refuse('too_large', `The file is larger than the limit of ${formatBytes(maxBytes)}.`);
  }

  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed === undefined || !allowed.includes(sniffed.mime)) {
    return refuse(
      'unsupported_type',
      `This kind of file is not accepted. Accepted: ${describeTypes(allowed)}.`,
    );
  }

  if (!sniffed.mime.startsWith('image/')) {
    return asUploaded(bytes, sniffed);
  }

  const encoding = ENCODINGS[sniffed.mime] ?? PNG;
  if (!canWrite(encoding.format)) {
    // Only reachable with a libvips built without this encoder (e.g. no cgif for GIF).
    // GIF carries no EXIF or GPS, only optional comment and XMP blocks, so storing it as
    // uploaded is the lesser evil compared to refusing screen recordings.
    if (sniffed.mime === 'image/gif') {
      return asUploaded(bytes, sniffed);
    }
    return refuse('unsupported_type', `This server cannot process ${sniffed.ext.toUpperCase()} images.`);
  }

  try {
    const out = await reencode(bytes, encoding, maxPixels);
    return {
      ok: true,
      contentType: encoding.contentType,
      extension: encoding.extension,
      bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength),
      size: out.byteLength,
      sniffedType: sniffed.mime,
      metadataStripped: true,
    };
  } catch {
    // Whatever libvips says (corrupt data, unsupported codec, too many pixels) is noise to a
    // customer; the message says what they can do instead.
    const heic = sniffed.mime === 'image/heic' || sniffed.mime === 'image/heif';
    return refuse(
      'unsupported_type',
      heic
        ? 'HEIC photos cannot be read here. Please send the photo as JPEG (on iPhone: Settings › Camera › Formats › Most Compatible).'
        : `The file looks like ${sniffed.ext.toUpperCase()} but could not be read as an image, or it is too large in pixels.`,
    );
  }
}

async function reencode(bytes: Uint8Array, encoding: Encoding, maxPixels: number): Promise<Buffer> {
  const image = sharp(bytes, {
    animated: encoding.animated,
    limitInputPixels: maxPixels,
    // 'error', not sharp's default 'warning': phone cameras often write JPEGs with minor
    // defects (extraneous bytes) that every viewer shows fine; refusing them would only
    // frustrate the customer. Undecodable data is still an error.
    failOn: 'error',
  });
  // Upright first: re-encoding drops the orientation tag, which would turn photos sideways.
  image.autoOrient();
  // No keepMetadata()/withMetadata(): sharp writes none of EXIF, XMP, IPTC, ICC unless asked,
  // and converts to sRGB so the colours stay right without the profile.
  switch (encoding.format) {
    case 'jpeg':
      return image.jpeg({ quality: LOSSY_QUALITY }).toBuffer();
    case 'png': {
      // A palette PNG re-encoded as true colour can grow several times over (and past
      // maxBytes); keep it a palette image.
      const { isPalette } = await image.metadata();
      return image.png({ palette: isPalette === true }).toBuffer();
    }
    case 'webp':
      return image.webp({ quality: LOSSY_QUALITY }).toBuffer();
    case 'gif':
      return image.gif().toBuffer();
    case 'avif':
      return image.avif().toBuffer();
  }
}

function canWrite(format: OutputFormat): boolean {
  const key = format === 'avif' ? 'heif' : format;
  return sharp.format[key]?.output.buffer === true;
}

function asUploaded(bytes: Uint8Array, sniffed: { mime: string; ext: string }): InspectedUpload {
  return {
    ok: true,
    contentType: sniffed.mime,
    extension: sniffed.ext,
    bytes,
    size: bytes.byteLength,
    sniffedType: sniffed.mime,
    metadataStripped: false,
  };
}

function refuse(code: UploadRefusal, message: string): InspectedUpload {
  return { ok: false, code, message };
}

function describeTypes(types: readonly string[]): string {
  const names = types.map((type) =>
    type === 'application/pdf' ? 'PDF' : type.replace(/^image\//, '').toUpperCase(),
  );
  return [...new Set(names)].join(', ');
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
