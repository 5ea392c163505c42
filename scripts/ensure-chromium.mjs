// `npm test` on a fresh machine: the browser tests need Debian's Chromium. When none is found and
// this is root on a machine with apt, install it (as .ci/run does); otherwise say in one line
// what to run. Exits non-zero only when Chromium is still missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const found = () => candidates.find((p) => p && existsSync(p));

if (!found()) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (root && apt) {
    console.log('No Chromium found: installing Debian’s chromium for the browser tests (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execSync('apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null', { stdio: 'inherit', env, shell: '/bin/bash' });
  }
  if (!found()) {
    console.error('No Chromium found for the browser tests: run `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROME_PATH to a Chromium or Chrome binary.');
    process.exit(1);
  }
}
