import { createServer, type IncomingHttpHeaders } from 'node:http';

/** One POST as the receiver got it: the raw body is what the signature covers. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: { id: string; type: string; streamId: string; tenantId: string; data: Record<string, unknown> };
}

/**
 * A merchant's endpoint on 127.0.0.1 (port 0): it records every request and answers 200
 * "ok", or the statuses queued with `failNext(key, ...statuses)` for a path or for one
 * case's deliveries to it (`path#streamId`).
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const planned = new Map<string, number[]>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      const body = JSON.parse(rawBody);
      received.push({ path, headers: request.headers, rawBody, body });
      // A plan for one case's deliveries (`path#streamId`) comes before the path's own.
      const status = planned.get(`${path}#${body.streamId}`)?.shift() ?? planned.get(path)?.shift() ?? 200;
      response
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status < 300 ? 'ok' : `boom ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    failNext: (path: string, ...statuses: number[]) =>
      planned.set(path, [...(planned.get(path) ?? []), ...statuses]),
    failAlways: (path: string, status: number) => planned.set(path, Array(1000).fill(status)),
    recover: (path: string) => planned.delete(path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
