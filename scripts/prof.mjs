// Profile the live playground: node scripts/prof.mjs '#/?backend=wasm' [ms]
import { launch, openPage, serveDist } from './browser.mjs';
const server = await serveDist();
const browser = await launch();
const { page } = await openPage(browser, server.url, { width: 1440 });
await page.goto(server.url + (process.argv[2] ?? '#/'));
await page.waitForFunction(() => !document.querySelector('[data-testid=play]').disabled, null, { timeout: 60000 });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.start');
await page.getByTestId('play').click();
const ms = Number(process.argv[3] ?? 5000);
const frames = await page.evaluate((ms) => new Promise((r) => { let n = 0; const t0 = performance.now(); const f = () => { n++; if (performance.now() - t0 < ms) requestAnimationFrame(f); else r(n); }; requestAnimationFrame(f); }), ms);
const { profile } = await cdp.send('Profiler.stop');
const steps = await page.getByTestId('metric-step').getAttribute('data-value');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}
console.log({ frames, steps, fps: frames / (ms / 1000) });
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([k, v]) => `${v.toFixed(0)}ms ${k}`).join('\n'));
await browser.close(); await server.close();
