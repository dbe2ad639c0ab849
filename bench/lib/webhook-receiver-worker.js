// Child process that plays the merchants' endpoints of the webhook benchmark: a node:http
// server on 127.0.0.1 that answers 200 to every POST, notes when each arrived, and checks
// the signature of every tenth one as docs/webhooks.md tells a receiver to. Talks to the
// parent over IPC: {type:'start', secrets} → {port}; {type:'reset'}; {type:'count'}; {type:'report'}.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

let secrets = {}; // path -> signing secret
const receipts = []; // [deliveryId, path, streamId, eventId, seq, receivedAtMs]
let checked = 0;
let badSignatures = 0;
let malformed = 0;

function verify(secret, header, rawBody, now = Date.now() / 1000) {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2)));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${rawBody}`).digest('hex');
  return (
    Math.abs(now - Number(parts.t)) <= 300 &&
    parts.v1?.length === expected.length &&
    timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected))
  );
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const at = Date.now();
    const raw = Buffer.concat(chunks).toString('utf8');
    try {
      const body = JSON.parse(raw);
      const id = request.headers['x-afterdesk-delivery'];
      if (receipts.length % 10 === 0) {
        checked += 1;
        const secret = secrets[request.url];
        if (!secret || !verify(secret, String(request.headers['x-afterdesk-signature'] ?? ''), raw))
          badSignatures += 1;
      }
      receipts.push([id, request.url, body.streamId, Number(body.id), body.data?.seq ?? null, at]);
    } catch {
      malformed += 1;
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});

process.on('message', (msg) => {
  if (msg.type === 'start') {
    secrets = msg.secrets ?? {};
    if (server.listening) process.send({ type: 'result', result: { port: server.address().port } });
    else
      server.listen(0, '127.0.0.1', () =>
        process.send({ type: 'result', result: { port: server.address().port } }),
      );
  } else if (msg.type === 'secrets') {
    secrets = msg.secrets;
    process.send({ type: 'result', result: true });
  } else if (msg.type === 'reset') {
    receipts.length = 0;
    checked = badSignatures = malformed = 0;
    process.send({ type: 'result', result: true });
  } else if (msg.type === 'count') {
    process.send({ type: 'result', result: receipts.length });
  } else if (msg.type === 'report') {
    process.send({ type: 'result', result: { receipts, checked, badSignatures, malformed } });
  } else if (msg.type === 'exit') {
    server.close();
    process.disconnect();
  }
});

// Never outlive the benchmark process.
process.on('disconnect', () => process.exit(0));
