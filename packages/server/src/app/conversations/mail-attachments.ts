import { randomUUID } from 'node:crypto';
import type { InboundAttachment } from '../../channels/email/index.js';
import type { Tx } from '../../db/scope.js';
import { inspectUpload } from '../../files/index.js';
import type { Services } from '../context.js';

/** An attachment of an inbound mail after inspection: the sanitised file, or why it is not kept. */
export type InspectedAttachment =
  | { name: string | null; ok: true; contentType: string; extension: string; bytes: Uint8Array }
  | { name: string | null; ok: false; why: string };

// More files than this in one mail is a mass mailing or an archive dump, not evidence;
// each one costs an image decode.
const MAX_ATTACHMENTS = 20;

// Parts that are the structure of a report (a bounce's status, the returned original, a
// read receipt), not files anybody attached: kept out of the case without a word.
const REPORT_PARTS = new Set([
  'message/delivery-status',
  'message/global-delivery-status',
  'message/disposition-notification',
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
]);

/**
 * Checks a mail's attachments by the rules of evidence uploads (type sniffed from the
 * bytes, size limit, images re-encoded without EXIF). Done once per mail and before any
 * transaction, since decoding images is the slow part.
 */
export async function inspectMailAttachments(
  attachments: readonly InboundAttachment[],
): Promise<InspectedAttachment[]> {
  const files = attachments.filter((a) => !REPORT_PARTS.has(a.contentType));
  const inspected: InspectedAttachment[] = [];
  for (const [index, file] of files.entries()) {
    const name = file.filename?.slice(0, 255) ?? null;
    if (index >= MAX_ATTACHMENTS) {
      inspected.push({ name, ok: false, why: `only the first ${MAX_ATTACHMENTS} files of a mail are kept` });
      continue;
    }
    const result = await inspectUpload(file.content);
    inspected.push(
      result.ok
        ? {
            name,
            ok: true,
            contentType: result.contentType,
            extension: result.extension,
            bytes: result.bytes,
          }
        : { name, ok: false, why: result.message },
    );
  }
  return inspected;
}

/**
 * Stores the accepted files as the customer's evidence on the case and returns their ids,
 * for `addMessage` to attach to the message.
 */
export async function storeMailAttachments(
  services: Services,
  tx: Tx,
  owner: { tenantId: string; caseId: string; customerId: string },
  inspected: readonly InspectedAttachment[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const file of inspected) {
    if (!file.ok) continue;
    const id = randomUUID();
    const storageKey = `${owner.tenantId}/${id}.${file.extension}`;
    // The file goes first: a row never points at bytes that are not there.
    await services.files.put(storageKey, file.bytes, file.contentType);
    await tx
      .insertInto('evidence_files')
      .values({
        id,
        tenant_id: owner.tenantId,
        case_id: owner.caseId,
        storage_key: storageKey,
        content_type: file.contentType,
        size_bytes: file.bytes.byteLength,
        original_name: file.name,
        uploaded_by_type: 'customer',
        uploaded_by_id: owner.customerId,
      })
      .execute();
    ids.push(id);
  }
  return ids;
}

/** The internal note telling agents which files of the mail were not kept, or null when all were. */
export function skippedAttachmentsNote(inspected: readonly InspectedAttachment[]): string | null {
  const skipped = inspected.filter((file): file is Extract<InspectedAttachment, { ok: false }> => !file.ok);
  if (skipped.length === 0) return null;
  const lines = skipped.map(
    (file) => `- ${file.name ? `"${file.name}"` : 'a file without a name'}: ${file.why}`,
  );
  return `Not kept from this e-mail (ask the customer for another format if it matters):\n${lines.join('\n')}`;
}
