// Child process that sends the inbound traffic of the ingestion benchmark, so the senders
// do not share the event loop of the server under test: HTTP with autocannon, mail with a
// pooled nodemailer transport. One request per IPC message, answered by {type:'result'}.
import autocannon from 'autocannon';
import nodemailer from 'nodemailer';
import { percentiles } from './stats.js';

// Rotation cursors survive between runs, so a warm-up and the measured run use other items.
const cursors = new Map();
function next(key, items) {
  const i = cursors.get(key) ?? 0;
  cursors.set(key, i + 1);
  return items[i % items.length];
}

/** What each HTTP mode sends: a new conversation (API key) or a customer's message on their case (customer token). */
const HTTP_MODES = {
  conversation: (item, i) => ({
    method: 'POST',
    path: '/api/v1/conversations',
    token: item.apiKey,
    body: {
      kind: 'inquiry',
      subject: `Where is my parcel? (${i})`,
      body: 'Hello, my order has not arrived yet. Could you tell me where it is? Thank you.',
      customer: { email: item.email, name: 'Erika Mustermann' },
    },
  }),
  message: (item, i) => ({
    method: 'POST',
    path: `/api/v1/cases/${item.caseId}/messages`,
    token: item.token,
    body: { body: `One more thing about my order (${i}): the tracking page shows nothing.` },
  }),
};

function http(msg) {
  const samples = [];
  let issued = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: msg.url,
        connections: msg.connections,
        duration: msg.duration,
        pipelining: 1,
        timeout: 10,
        requests: [
          {
            setupRequest: (req) => {
              const r = HTTP_MODES[msg.mode](next(msg.mode, msg.items), issued++);
              req.method = r.method;
              req.path = r.path;
              req.headers = { authorization: `Bearer ${r.token}`, 'content-type': 'application/json' };
              req.body = JSON.stringify(r.body);
              return req;
            },
            onResponse: (status, body) => {
              if (status !== 201 && samples.length < 5)
                samples.push({ status, body: String(body).slice(0, 300) });
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const statusCounts = Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
        );
        resolve({
          requestsTotal: result.requests.total,
          reqPerSecMean: result.requests.average,
          latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
          unexpected: result.requests.total - (statusCounts[201] ?? 0) + result.errors + result.timeouts,
          statusCounts,
          errorSamples: samples,
        });
      },
    );
  });
}

/** Sends every mail through `concurrency` pooled SMTP connections, each mail timed from send to 250 OK. */
async function smtp(msg) {
  const transport = nodemailer.createTransport({
    host: msg.host,
    port: msg.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: msg.concurrency,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  const latencies = [];
  const failures = [];
  let cursor = 0;
  const started = performance.now();
  const sender = async () => {
    while (cursor < msg.mails.length) {
      const mail = msg.mails[cursor++];
      const t = performance.now();
      try {
        await transport.sendMail(mail);
        latencies.push(performance.now() - t);
      } catch (error) {
        if (failures.length < 5) failures.push(String(error?.message ?? error).slice(0, 300));
        failures.count = (failures.count ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: msg.concurrency }, sender));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return {
    sent: latencies.length,
    failed: failures.count ?? 0,
    failureSamples: failures,
    seconds,
    perSec: latencies.length / seconds,
    latencyMs: percentiles(latencies, [50, 99]),
  };
}

process.on('message', async (msg) => {
  try {
    if (msg.type === 'http') process.send({ type: 'result', result: await http(msg) });
    else if (msg.type === 'smtp') process.send({ type: 'result', result: await smtp(msg) });
    else if (msg.type === 'exit') process.disconnect();
  } catch (error) {
    process.send({ type: 'error', message: error?.stack ?? String(error) });
  }
});

// Never outlive the benchmark process.
process.on('disconnect', () => process.exit(0));
