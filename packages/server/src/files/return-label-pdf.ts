import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import { renderReturnCodeQr } from './return-code-qr.js';

/** An address as a label prints it. */
export interface LabelAddress {
  name: string;
  lines: string[];
  /** ISO 3166-1 alpha-2, printed as the country's English name. */
  country: string | null;
}

/** Everything printed on a return label. */
export interface ReturnLabelContent {
  waybillNumber: string;
  returnCode: string;
  caseNumber: number;
  carrier: string;
  from: LabelAddress;
  to: LabelAddress;
  /** Who pays the postage (R-3.6): the merchant (prepaid) or the sender. */
  postagePaidBy: 'merchant' | 'customer';
  merchantName: string;
  /** A consolidation warehouse gathers cross-border returns before they travel on. */
  consolidation: boolean;
  pickup: { date: string; from: string; to: string; reference: string | null } | null;
  /** The label's date, also its PDF creation date (the caller's clock, so output is reproducible). */
  createdAt: Date;
}

/** 4 × 6 in, the thermal label size carriers and label printers take; PDF points. */
export const LABEL_SIZE_PT = [288, 432] as const;
const MARGIN = 14;
const WIDTH = LABEL_SIZE_PT[0] - 2 * MARGIN;
// Pixels per bar module: wide enough for a 203 dpi thermal printer to keep bars apart.
export const BARCODE_MODULE_PX = 3;
const BARCODE_HEIGHT_MM = 14;

/**
 * A Code 128 barcode of a waybill number as a PNG, black bars on opaque white, no text under it
 * (the label prints the number itself), one module `BARCODE_MODULE_PX` pixels wide.
 */
export function renderWaybillBarcode(waybillNumber: string): Promise<Uint8Array> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text: waybillNumber,
    scale: BARCODE_MODULE_PX,
    height: BARCODE_HEIGHT_MM,
    includetext: false,
    backgroundcolor: 'FFFFFF',
  });
}

/**
 * The return label as a one-page PDF: carrier, postage mark, from and to addresses, the
 * waybill as Code 128 and as text, and the return code as QR and as text with the case
 * number. Printed on 4 × 6 in label stock or A4/Letter at 100 %.
 */
export async function renderReturnLabelPdf(label: ReturnLabelContent): Promise<Uint8Array> {
  const [barcode, qr] = await Promise.all([
    renderWaybillBarcode(label.waybillNumber),
    renderReturnCodeQr(label.returnCode, { sizePx: 240 }),
  ]);
  const doc = new PDFDocument({
    size: [...LABEL_SIZE_PT],
    margin: MARGIN,
    info: {
      Title: `Return label ${label.waybillNumber}`,
      Author: label.merchantName,
      Creator: 'Afterdesk',
      CreationDate: label.createdAt,
    },
  });
  const done = collect(doc);
  const text = (value: string, size: number, options: PDFKit.Mixins.TextOptions = {}, bold = false) =>
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .text(printable(value), options);

  // Header: who carries it, and that it is a return.
  doc.x = MARGIN;
  doc.y = MARGIN;
  text(label.carrier.toUpperCase(), 14, { width: WIDTH, continued: false }, true);
  doc.y = MARGIN;
  text('RETURN', 14, { width: WIDTH, align: 'right' }, true);
  rule(doc, MARGIN + 20);

  // The postage mark: a box a counter clerk reads first.
  doc
    .rect(MARGIN, MARGIN + 26, WIDTH, 22)
    .lineWidth(1.5)
    .stroke();
  doc.y = MARGIN + 32;
  doc.x = MARGIN;
  const postage =
    label.postagePaidBy === 'merchant' ? `POSTAGE PAID BY ${label.merchantName}` : 'POSTAGE PAID BY SENDER';
  text(postage.toUpperCase(), 9, { width: WIDTH, align: 'center' }, true);

  doc.y = MARGIN + 56;
  text('FROM', 7, { width: WIDTH }, true);
  addressBlock(doc, label.from, 8);
  doc.moveDown(0.4);
  text(label.consolidation ? 'TO (CONSOLIDATION WAREHOUSE)' : 'TO', 7, { width: WIDTH }, true);
  addressBlock(doc, label.to, 11, true);

  // The waybill: barcode across the label, the number under it.
  const barcodeTop = 232;
  rule(doc, barcodeTop - 6);
  doc.image(Buffer.from(barcode), MARGIN + 10, barcodeTop, { fit: [WIDTH - 20, 52], align: 'center' });
  doc.x = MARGIN;
  doc.y = barcodeTop + 56;
  text(label.waybillNumber, 12, { width: WIDTH, align: 'center', characterSpacing: 1 }, true);
  rule(doc, barcodeTop + 74);

  // The return code: what the warehouse scans to find the case.
  const bottom = barcodeTop + 80;
  doc.image(Buffer.from(qr), MARGIN, bottom, { width: 84, height: 84 });
  doc.x = MARGIN + 94;
  doc.y = bottom + 4;
  const side = { width: WIDTH - 94 };
  text('RETURN CODE', 7, side, true);
  text(label.returnCode, 13, side, true);
  text(`Case #${label.caseNumber}`, 9, side);
  text(label.createdAt.toISOString().slice(0, 10), 7, side);
  if (label.pickup) {
    const { date, from, to, reference } = label.pickup;
    text(`Pick-up ${date} ${from}-${to}${reference ? ` (${reference})` : ''}`, 7, side, true);
  }
  doc.end();
  return done;
}

function addressBlock(doc: PDFKit.PDFDocument, address: LabelAddress, size: number, bold = false) {
  const lines = [address.name, ...address.lines, countryName(address.country)].filter(Boolean);
  doc
    .font(bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(size)
    .text(lines.map(printable).join('\n'), MARGIN, doc.y, { width: WIDTH });
}

function rule(doc: PDFKit.PDFDocument, y: number) {
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + WIDTH, y)
    .lineWidth(0.75)
    .stroke();
}

// Postal labels name the country in capitals, in a language every carrier reads.
function countryName(code: string | null): string {
  if (!code) return '';
  const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(code.trim().toUpperCase());
  return (name ?? code).toUpperCase();
}

// The built-in PDF fonts cover Windows-1252 only; other characters would print as wrong
// glyphs, so they become '?' rather than something a courier misreads.
function printable(value: string): string {
  return value.replace(/[^\u0020-\u007e\u00a0-\u00ff\u20ac\u2013\u2014\u2018\u2019\u201c\u201d]/g, '?');
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
}
