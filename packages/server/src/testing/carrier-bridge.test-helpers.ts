import { createServer, type IncomingHttpHeaders } from 'node:http';

/** One request as the carrier bridge got it; the raw body is what the signature covers. */
export interface BridgeRequest {
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: Record<string, any>;
}

/**
 * A carrier's HTTP bridge on 127.0.0.1 (port 0). It answers 200 with
 * `{ "data": { "waybill": "CB000001", "pickup": { "ref": "PU-1" } } }`, counting up, or
 * the answers queued with `answerNext(status, body)`; `delayMs` holds every answer back.
 */
export async function startCarrierBridge() {
  const requests: BridgeRequest[] = [];
  const planned: { status: number; body: string }[] = [];
  let delayMs = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      requests.push({ headers: request.headers, rawBody, body: JSON.parse(rawBody) });
      const n = requests.length;
      const answer = planned.shift() ?? {
        status: 200,
        body: JSON.stringify({
          data: { waybill: `CB${String(n).padStart(6, '0')}`, pickup: { ref: `PU-${n}` } },
        }),
      };
      setTimeout(
        () => response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body),
        delayMs,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/returns`,
    requests,
    answerNext: (status: number, body: unknown) =>
      planned.push({ status, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    delay: (ms: number) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type CarrierBridge = Awaited<ReturnType<typeof startCarrierBridge>>;
