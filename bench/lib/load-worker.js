// Child process that drives autocannon, so the load generator does not share the event
// loop of the server under test. Talks to the parent over IPC: one {type:'run'} message
// per autocannon run, answered by {type:'result'}. The rotation cursor over case slots
// survives between runs, so warm-up and measured runs never file on the same units.
import autocannon from 'autocannon';
import { caseBody } from './trace.js';

let slots = [];
let caseIds = [];
let slotCursor = 0;
let readCursor = 0;

function summarize(result, expected, samples, issued) {
  const statusCounts = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
  );
  const unexpected = Object.entries(statusCounts).reduce(
    (n, [code, count]) => (Number(code) === expected ? n : n + count),
    0,
  );
  return {
    connections: result.connections,
    durationS: result.duration,
    requestsTotal: result.requests.total,
    reqPerSecMean: result.requests.average,
    reqPerSecStddev: result.requests.stddev,
    latencyMs: {
      mean: result.latency.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    unexpectedStatus: unexpected,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
    errorSamples: samples,
    issued,
  };
}

function run(msg) {
  const samples = [];
  let issued = 0;
  const onResponse = (status, body) => {
    if (status !== msg.expectStatus && samples.length < 5)
      samples.push({ status, body: String(body).slice(0, 500) });
  };
  const request =
    msg.mode === 'create'
      ? {
          method: 'POST',
          path: '/api/v1/cases',
          setupRequest: (req) => {
            const slot = slots[slotCursor % slots.length];
            slotCursor += 1;
            issued += 1;
            req.body = JSON.stringify(caseBody(slot));
            return req;
          },
          onResponse,
        }
      : {
          method: 'GET',
          setupRequest: (req) => {
            req.path = `/api/v1/cases/${caseIds[readCursor % caseIds.length]}`;
            readCursor += 1;
            issued += 1;
            return req;
          },
          onResponse,
        };
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: msg.url,
        connections: msg.connections,
        duration: msg.duration,
        pipelining: 1,
        timeout: 10,
        headers: { authorization: `Bearer ${msg.apiKey}`, 'content-type': 'application/json' },
        requests: [request],
      },
      (error, result) =>
        error ? reject(error) : resolve(summarize(result, msg.expectStatus, samples, issued)),
    );
  });
}

process.on('message', async (msg) => {
  try {
    if (msg.type === 'slots') {
      slots = msg.slots;
      process.send({ type: 'ok' });
    } else if (msg.type === 'caseIds') {
      caseIds = msg.ids;
      process.send({ type: 'ok' });
    } else if (msg.type === 'run') {
      process.send({ type: 'result', result: await run(msg) });
    } else if (msg.type === 'exit') {
      process.disconnect();
    }
  } catch (error) {
    process.send({ type: 'error', message: error?.stack ?? String(error) });
  }
});

// Never outlive the benchmark process.
process.on('disconnect', () => process.exit(0));
