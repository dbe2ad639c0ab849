import { fork } from 'node:child_process';

/**
 * A section's load generator or receiver in a child process, so its CPU is not the
 * server's. `ask` sends one message and resolves with the child's `result` (rejects on
 * `{ type: 'error' }`); `close` asks the child to exit and waits for it.
 */
export function startChildWorker(url, name) {
  const child = fork(url, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (msg) =>
    new Promise((resolve, reject) => {
      child.once('message', (answer) =>
        answer.type === 'error' ? reject(new Error(`${name}: ${answer.message}`)) : resolve(answer.result),
      );
      child.send(msg);
    });
  const close = () =>
    child.exitCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => {
          child.once('exit', resolve);
          child.send({ type: 'exit' });
        });
  return { ask, close };
}
