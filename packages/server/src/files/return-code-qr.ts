import QRCode from 'qrcode';

/** Width and height of {@link renderReturnCodeQr}'s PNG unless asked otherwise. */
export const DEFAULT_QR_SIZE_PX = 300;

// M (15 % recoverable) survives a crease or a smudge on a printed label and keeps the
// symbol small; H would only matter with a logo on top, which we do not put.
const ERROR_CORRECTION = 'M';
// Two modules of quiet zone: enough for phone scanners and carrier hand-helds on a white
// label, and less wasted label space than the standard's four.
const MARGIN_MODULES = 2;
// Larger would be a poster; limits the memory a caller-chosen size can take.
const MAX_QR_SIZE_PX = 4096;

/**
 * A PNG of the QR code for a return code, `sizePx` × `sizePx`, black on white, for return
 * labels, e-mails and the customer portal. Throws a RangeError for an empty code or a
 * size too small to draw every module of this code with at least one pixel.
 */
export async function renderReturnCodeQr(
  code: string,
  options: { sizePx?: number } = {},
): Promise<Uint8Array> {
  const { sizePx = DEFAULT_QR_SIZE_PX } = options;
  assertCode(code);
  if (!Number.isInteger(sizePx) || sizePx > MAX_QR_SIZE_PX) {
    throw new RangeError(`sizePx must be an integer of at most ${MAX_QR_SIZE_PX}, got ${sizePx}`);
  }
  // qrcode silently ignores a width that cannot fit the symbol and returns a larger image;
  // failing loudly keeps "the requested size" a promise.
  const smallest =
    QRCode.create(code, { errorCorrectionLevel: ERROR_CORRECTION }).modules.size + 2 * MARGIN_MODULES;
  if (sizePx < smallest) {
    throw new RangeError(`sizePx must be at least ${smallest} for this code, got ${sizePx}`);
  }
  return QRCode.toBuffer(code, {
    type: 'png',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: MARGIN_MODULES,
    width: sizePx,
  });
}

/**
 * The same QR code as an SVG document (a string), which scales without blur: for printable
 * labels and HTML e-mails' print views.
 */
export async function renderReturnCodeQrSvg(code: string): Promise<string> {
  assertCode(code);
  return QRCode.toString(code, {
    type: 'svg',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: MARGIN_MODULES,
  });
}

function assertCode(code: string): void {
  if (typeof code !== 'string' || code.length === 0)
    throw new RangeError('A return code to encode is required');
}
