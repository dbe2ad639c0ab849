import { randomUUID } from 'node:crypto';
import { EmailSendError, type EmailSender } from '../../channels/email/index.js';
import { inTenant } from '../../db/scope.js';
import { XLSX_CONTENT_TYPE } from '../../exports/index.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { REPORT_LABELS, reportFormat } from './report-labels.js';
import { lastDay } from './report-printed.js';
import type { ReportSummary } from './report-view.js';
import { HEADLINE_MEASURES } from './weekly-report.js';

export interface MailReportResult {
  /** False when the report had already been mailed (by an earlier run or another process). */
  claimed: boolean;
  sent: number;
  failed: number;
}

/**
 * Mails a stored report to the tenant's active subscribers, once: the report row is claimed
 * by setting `mailed_at` in one statement, so two processes never both send it. Each
 * subscriber gets their own mail (no one sees the others' addresses): the HTML report as the
 * body, a plain-text headline, the PDF and the XLSX attached. When every send failed the
 * claim is released, so the next run tries again. `again` mails a report that was mailed
 * before (someone asked for it by hand).
 */
export async function mailWeeklyReport(
  ctx: Ctx,
  sender: EmailSender,
  reportId: string,
  { again = false }: { again?: boolean } = {},
): Promise<MailReportResult> {
  const tenantId = ctx.principal.tenantId;
  const now = ctx.clock();
  const claimed = await inTenant(ctx.db, tenantId, async (tx) => {
    let claim = tx.updateTable('quality_reports').set({ mailed_at: now }).where('id', '=', reportId);
    if (!again) claim = claim.where('mailed_at', 'is', null);
    const row = await claim.returningAll().executeTakeFirst();
    if (!row) return null;
    const subscribers = await tx
      .selectFrom('report_subscriptions')
      .select('email')
      .where('active', '=', true)
      .orderBy('email')
      .execute();
    return { row, subscribers };
  });
  if (!claimed) return { claimed: false, sent: 0, failed: 0 };
  const { row, subscribers } = claimed;

  const [html, pdf, xlsx] = await Promise.all(
    [row.html_key, row.pdf_key, row.xlsx_key].map((k) => ctx.files.get(k)),
  );
  if (!html || !pdf || !xlsx) {
    await release(ctx, reportId);
    throw notFound('A file of the report');
  }
  const summary = row.summary as Partial<ReportSummary>;
  const L = REPORT_LABELS;
  const f = reportFormat(row.currency);
  const to = lastDay(row.period_to);
  const text = [
    L.emailIntro,
    '',
    `${L.period}: ${row.period_from} – ${to}`,
    ...HEADLINE_MEASURES.map(
      (m) => `${L.headlineMeasures[m]}: ${f.measure(m, summary.headline?.[m]?.value ?? null)}`,
    ),
    '',
  ].join('\n');
  const base = `weekly-report-${row.period_from}-${row.period_to}`;
  const domain = ctx.config.mailFrom.split('@')[1] ?? 'afterdesk.localhost';
  let sent = 0;
  let failed = 0;
  for (const { email } of subscribers) {
    try {
      await sender.send({
        from: { address: ctx.config.mailFrom, name: 'Afterdesk' },
        to: [{ address: email, name: null }],
        subject: L.emailSubject(summary.tenantName ?? '', row.period_from, to),
        text,
        html: Buffer.from(html.bytes).toString('utf8'),
        messageId: `<report-${randomUUID()}@${domain}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
        attachments: [
          { filename: `${base}.pdf`, contentType: 'application/pdf', content: Buffer.from(pdf.bytes) },
          { filename: `${base}.xlsx`, contentType: XLSX_CONTENT_TYPE, content: Buffer.from(xlsx.bytes) },
        ],
      });
      sent++;
    } catch (error) {
      failed++;
      // No address in the log: EmailSendError's message carries codes only, other errors are only named.
      const reason =
        error instanceof EmailSendError ? error.message : error instanceof Error ? error.name : typeof error;
      ctx.log.warn({ reason, reportId }, 'report mail failed');
    }
  }
  if (sent === 0 && failed > 0) await release(ctx, reportId);
  else
    await inTenant(ctx.db, tenantId, (tx) =>
      tx.updateTable('quality_reports').set({ mailed_to: sent }).where('id', '=', reportId).execute(),
    );
  return { claimed: true, sent, failed };
}

async function release(ctx: Ctx, reportId: string) {
  await inTenant(ctx.db, ctx.principal.tenantId, (tx) =>
    tx.updateTable('quality_reports').set({ mailed_at: null }).where('id', '=', reportId).execute(),
  );
}
