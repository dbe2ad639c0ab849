import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { barcodeModules, decodeCode128, pdfTexts } from '../testing/label.test-helpers.js';
import {
  BARCODE_MODULE_PX,
  LABEL_SIZE_PT,
  type ReturnLabelContent,
  renderReturnLabelPdf,
  renderWaybillBarcode,
} from './return-label-pdf.js';

const label: ReturnLabelContent = {
  waybillNumber: 'AD48213390574',
  returnCode: 'RMA-8F3K2Q',
  caseNumber: 1042,
  carrier: 'Colissimo Retour',
  from: { name: 'Élodie Martin', lines: [], country: 'FR' },
  to: { name: 'Acme Returns Lyon', lines: ['12 Rue de la Gare', '69007 Lyon'], country: 'FR' },
  postagePaidBy: 'merchant',
  merchantName: 'Acme',
  consolidation: true,
  pickup: { date: '2026-11-25', from: '09:00', to: '12:00', reference: 'PU-77' },
  createdAt: new Date('2026-11-23T09:00:00Z'),
};

describe('renderWaybillBarcode', () => {
  it('draws a Code 128 symbol that reads back as the waybill number', async () => {
    for (const waybill of ['AD48213390574', 'JD0042-XK', '1Z999AA10123456784']) {
      const png = await renderWaybillBarcode(waybill);
      expect(decodeCode128(await barcodeModules(png, BARCODE_MODULE_PX))).toBe(waybill);
    }
  });

  it('draws whole modules of the agreed width, tall enough to scan', async () => {
    const png = await renderWaybillBarcode('AD48213390574');
    const { width, height } = await sharp(png).metadata();
    const modules = await barcodeModules(png, BARCODE_MODULE_PX);
    expect(width).toBe(modules.reduce((a, b) => a + b, 0) * BARCODE_MODULE_PX);
    expect(height).toBeGreaterThanOrEqual(100);
  });
});

describe('renderReturnLabelPdf', () => {
  it('is one 4 × 6 in PDF page, complete from %PDF to %%EOF', async () => {
    const pdf = Buffer.from(await renderReturnLabelPdf(label));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1').trim()).toBe('%%EOF');
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toContain(`/MediaBox [0 0 ${LABEL_SIZE_PT[0]} ${LABEL_SIZE_PT[1]}]`);
    // The barcode and the QR code, embedded as images.
    expect(text.match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('prints the waybill, return code, case, carrier, addresses and the pick-up', async () => {
    const texts = pdfTexts(await renderReturnLabelPdf(label));
    expect(texts).toEqual(
      expect.arrayContaining([
        'AD48213390574',
        'RMA-8F3K2Q',
        'Case #1042',
        'COLISSIMO RETOUR',
        'Élodie Martin',
        'Acme Returns Lyon',
        '12 Rue de la Gare',
        'FRANCE',
        'TO (CONSOLIDATION WAREHOUSE)',
        'Pick-up 2026-11-25 09:00-12:00 (PU-77)',
      ]),
    );
  });

  it('says who pays the postage: the merchant, or the sender', async () => {
    const prepaid = pdfTexts(await renderReturnLabelPdf(label)).join('\n');
    expect(prepaid).toContain('POSTAGE PAID BY ACME');
    const unpaid = pdfTexts(await renderReturnLabelPdf({ ...label, postagePaidBy: 'customer' })).join('\n');
    expect(unpaid).toContain('POSTAGE PAID BY SENDER');
    expect(unpaid).not.toContain('ACME');
  });

  it('prints characters the label fonts lack as ? rather than as wrong letters', async () => {
    const texts = pdfTexts(
      await renderReturnLabelPdf({ ...label, from: { name: '张伟', lines: [], country: 'CN' } }),
    );
    expect(texts).toContain('??');
  });
});
