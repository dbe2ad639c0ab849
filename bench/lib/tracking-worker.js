// Child process that plays the carriers of the tracking benchmark, so the senders do not
// share the event loop of the server under test. One {type:'post'} message per run: each
// feed (client) posts its batches one after the other, the feeds side by side; answered by
// {type:'result'} with timings and the outcome of every event.
import { percentiles } from './stats.js';

async function postFeed(msg, feed, out) {
  for (const events of feed) {
    const started = performance.now();
    let status = 0;
    let body = null;
    try {
      const response = await fetch(`${msg.url}/api/v1/tracking/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${msg.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
      status = response.status;
      body = await response.text();
    } catch (error) {
      body = String(error?.cause?.code ?? error?.message ?? error);
    }
    out.latencies.push(performance.now() - started);
    out.events += events.length;
    if (status !== 200) {
      out.failed += 1;
      if (out.samples.length < 5) out.samples.push({ status, body: String(body).slice(0, 500) });
      continue;
    }
    const answer = JSON.parse(body);
    if (answer.results.length !== events.length) out.failed += 1;
    for (const r of answer.results) out.outcomes[r.outcome] = (out.outcomes[r.outcome] ?? 0) + 1;
    out.noticesQueued += answer.noticesQueued;
  }
}

async function post(msg) {
  const out = { latencies: [], events: 0, failed: 0, samples: [], outcomes: {}, noticesQueued: 0 };
  const started = performance.now();
  await Promise.all(msg.feeds.map((feed) => postFeed(msg, feed, out)));
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    requests: out.latencies.length,
    events: out.events,
    eventsPerSec: out.events / seconds,
    latencyMs: percentiles(out.latencies, [50, 99]),
    failed: out.failed,
    samples: out.samples,
    outcomes: out.outcomes,
    noticesQueued: out.noticesQueued,
  };
}

process.on('message', async (msg) => {
  try {
    if (msg.type === 'post') process.send({ type: 'result', result: await post(msg) });
    else if (msg.type === 'exit') process.disconnect();
  } catch (error) {
    process.send({ type: 'error', message: error?.stack ?? String(error) });
  }
});

// Never outlive the benchmark process.
process.on('disconnect', () => process.exit(0));
