// `npm start` on a fresh clone: build the web app once if there is no build yet.
// `npm run build` always rebuilds it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const here = new URL('.', import.meta.url).pathname;
if (!existsSync(new URL('dist/index.html', import.meta.url))) {
  console.log('Building the web app (first start)…');
  execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: here,
    stdio: 'inherit',
  });
}
