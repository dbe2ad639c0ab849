// Child process that plays the dashboards of the analytics benchmark, so the clients do
// not share the event loop of the server under test. One {type:'run'} message: `requests`
// (name and path) are sent `concurrency` at a time, in the given order; answered with the
// latency of every request by name, and the failures.

async function run(msg) {
  const latencies = {};
  const failures = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < msg.requests.length; i = next++) {
      const { name, path } = msg.requests[i];
      const t = performance.now();
      let status = 0;
      let body = '';
      try {
        const response = await fetch(`${msg.url}${path}`, {
          headers: { authorization: `Bearer ${msg.apiKey}` },
        });
        status = response.status;
        body = await response.text();
      } catch (error) {
        body = String(error?.cause?.code ?? error?.message ?? error);
      }
      if (!latencies[name]) latencies[name] = [];
      latencies[name].push(performance.now() - t);
      if (status !== 200) failures.push({ name, path, status, body: body.slice(0, 400) });
    }
  };
  await Promise.all(Array.from({ length: msg.concurrency }, client));
  return { latencies, failures, seconds: (performance.now() - started) / 1000 };
}

process.on('message', async (msg) => {
  try {
    if (msg.type === 'run') process.send({ type: 'result', result: await run(msg) });
    else if (msg.type === 'exit') process.disconnect();
  } catch (error) {
    process.send({ type: 'error', message: error?.stack ?? String(error) });
  }
});

// Never outlive the benchmark process.
process.on('disconnect', () => process.exit(0));
