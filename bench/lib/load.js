// Parent side of the load generator: forks bench/lib/load-worker.js and runs autocannon there.
import { fork } from 'node:child_process';

export class LoadGenerator {
  #child;
  #pending = null;

  constructor() {
    this.#child = fork(new URL('./load-worker.js', import.meta.url), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.#child.on('message', (msg) => {
      const p = this.#pending;
      this.#pending = null;
      if (!p) return;
      if (msg.type === 'error') p.reject(new Error(`load generator: ${msg.message}`));
      else p.resolve(msg.result);
    });
    this.#child.on('exit', (code) => {
      const p = this.#pending;
      this.#pending = null;
      p?.reject(new Error(`load generator exited with code ${code}`));
    });
  }

  #ask(msg) {
    if (this.#pending) throw new Error('one request at a time');
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#child.send(msg);
    });
  }

  setSlots(slots) {
    return this.#ask({ type: 'slots', slots });
  }

  setCaseIds(ids) {
    return this.#ask({ type: 'caseIds', ids });
  }

  /** mode 'create' (POST /api/v1/cases, expects 201) or 'read' (GET /api/v1/cases/:id, expects 200). */
  run({ url, apiKey, mode, connections, duration }) {
    return this.#ask({
      type: 'run',
      url,
      apiKey,
      mode,
      connections,
      duration,
      expectStatus: mode === 'create' ? 201 : 200,
    });
  }

  close() {
    if (this.#child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#child.kill();
      }, 2000);
      this.#child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.#child.send({ type: 'exit' });
    });
  }
}
