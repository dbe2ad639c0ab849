import QRCode from 'qrcode';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QR_SIZE_PX, renderReturnCodeQr, renderReturnCodeQrSvg } from './return-code-qr.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('renderReturnCodeQr', () => {
  it('draws a PNG of the requested size', async () => {
    const png = await renderReturnCodeQr('RMA-8F3K2Q', { sizePx: 240 });
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 240, height: 240 });
  });

  it(`is ${DEFAULT_QR_SIZE_PX} px square by default`, async () => {
    const png = await renderReturnCodeQr('RMA-8F3K2Q');
    expect(await sharp(png).metadata()).toMatchObject({
      width: DEFAULT_QR_SIZE_PX,
      height: DEFAULT_QR_SIZE_PX,
    });
  });

  it('encodes the code itself, module for module, with error correction M and a 2-module margin', async () => {
    const code = 'RMA-8F3K2Q';
    const symbol = QRCode.create(code, { errorCorrectionLevel: 'M' });
    const modules = symbol.modules.size;
    const scale = 8;
    const png = await renderReturnCodeQr(code, { sizePx: (modules + 4) * scale });
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });

    // Sample the centre of every module, margin included, and compare with the symbol.
    const dark = (row: number, col: number) => {
      const y = row * scale + scale / 2;
      const x = col * scale + scale / 2;
      return (data[(y * info.width + x) * info.channels] ?? 255) < 128;
    };
    for (let i = 0; i < modules + 4; i++) {
      expect([dark(0, i), dark(1, i), dark(i, 0), dark(i, 1)]).toEqual([false, false, false, false]);
    }
    for (let row = 0; row < modules; row++) {
      for (let col = 0; col < modules; col++) {
        expect(dark(row + 2, col + 2)).toBe(symbol.modules.get(row, col) === 1);
      }
    }
  });

  it('refuses a size too small to draw every module', async () => {
    await expect(renderReturnCodeQr('RMA-8F3K2Q', { sizePx: 20 })).rejects.toThrow(/at least 25/);
  });

  it('refuses an empty code and an absurd size', async () => {
    await expect(renderReturnCodeQr('')).rejects.toThrow(RangeError);
    await expect(renderReturnCodeQr('RMA-1', { sizePx: 100.5 })).rejects.toThrow(RangeError);
    await expect(renderReturnCodeQr('RMA-1', { sizePx: 100_000 })).rejects.toThrow(RangeError);
  });
});

describe('renderReturnCodeQrSvg', () => {
  it('draws an SVG document with the same symbol size as the PNG', async () => {
    const svg = await renderReturnCodeQrSvg('RMA-8F3K2Q');
    const modules = QRCode.create('RMA-8F3K2Q', { errorCorrectionLevel: 'M' }).modules.size;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${modules + 4} ${modules + 4}"`);
    expect(await sharp(Buffer.from(svg)).metadata()).toMatchObject({ format: 'svg' });
  });

  it('refuses an empty code', async () => {
    await expect(renderReturnCodeQrSvg('')).rejects.toThrow(RangeError);
  });
});
