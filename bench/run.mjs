// `npm run bench` (after `vite build`): the issue-6 measurements in headless Chromium.
// For each backend × recipe it prints one JSON line:
//   - msToFirstStep: a fresh playground load with play=1, time from navigation start to the
//     first drawn frame of a trained step (performance mark "forgelab:first-step");
//   - liveStepsPerSecond, liveFps (main-plot frames drawn per second), rafFps (animation frames
//     per second): the live playground, training and drawing, over BENCH_LIVE_MS;
//   - the in-page measurements of #/bench (headless steps/s, the Float32Array reference in the
//     same page and the ratio to it, convergence over seeds, tensors before/after the steps);
//   - inputLatencyMsDuringExperiment (on the `auto` lines): the playground answering clicks
//     while the skew experiment trains in a Web Worker;
//   - dpStepsPerSecond, plainStepsPerSecondBesideDp, dpRatioToPlain: private training (DP-SGD on
//     the detective, C = 1, σ = 1) against the same run without it, timed in turns in one page;
//   - initialJsKiBGzip: JavaScript the page loads before anything lazy (from dist/).
// Then one line per image size × backend for the faces view's image GAN ({view: "faces", size,
// backend, stepsPerSecond, ratioToWasm}); at 16 px also the view training live on the backends of
// BENCH_FACE_LIVE (webgl,wasm): liveStepsPerSecond and liveToHeadless (÷ the in-worker trial).
// Every live line says where the run trained (thread: worker or page), live ÷ headless and
// live ÷ the reference, and a pause at full speed: pauseMs until the page showed the step
// training stopped at, over pauseSnapshots snapshots.
// Options (environment): BENCH_BACKENDS (webgl,wasm,cpu), BENCH_RECIPES (stabilised,plain),
// BENCH_AUTO (1: also the automatic backend), BENCH_STEPS (20000), BENCH_HEADLESS_CAP_S (75),
// BENCH_SEEDS (1-5), BENCH_MAX_STEPS (6000), BENCH_CAP_S (15: a seed that needs more
// training than that misses the 10-second bar anyway), BENCH_LIVE_MS (5000),
// BENCH_REF_MS (2000), BENCH_FACE_SIZES (16,32: the faces lines, empty for none), BENCH_FACE_MS
// (3000 per backend). The machine is shared: compare ratios within one run.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launch, openPage, serveDist } from '../scripts/browser.mjs';

const env = (k, d) => process.env[k] ?? d;
const BACKENDS = env('BENCH_BACKENDS', 'webgl,wasm,cpu').split(',').filter(Boolean);
const RECIPES = env('BENCH_RECIPES', 'stabilised,plain').split(',').filter(Boolean);
const AUTO = env('BENCH_AUTO', '1') === '1';
const STEPS = Number(env('BENCH_STEPS', 20000));
const HCAP = Number(env('BENCH_HEADLESS_CAP_S', 75));
const SEEDS = env('BENCH_SEEDS', '1-5');
const MAX_STEPS = Number(env('BENCH_MAX_STEPS', 6000));
const CAP = Number(env('BENCH_CAP_S', 15));
const LIVE_MS = Number(env('BENCH_LIVE_MS', 5000));
const REF_MS = Number(env('BENCH_REF_MS', 2000));
const FACE_SIZES = env('BENCH_FACE_SIZES', '16,32').split(',').filter(Boolean).map(Number);
const FACE_MS = Number(env('BENCH_FACE_MS', 3000));
const FACE_LIVE = env('BENCH_FACE_LIVE', 'webgl,wasm').split(',').filter(Boolean);
const log = (...a) => process.stderr.write(a.join(' ') + '\n');

/** gzip size of the JavaScript the built page loads before anything lazy (static imports only). */
export function initialJs(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(join(dist, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    // static `import … from "./x.js"` and `import "./x.js"`; dynamic import("./x.js") has a parenthesis
    for (const m of src.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)) visit(dir + m[1]);
  };
  entry.forEach(visit);
  let gz = 0;
  let raw = 0;
  for (const f of seen) {
    const b = readFileSync(join(dist, f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
  }
  return { files: [...seen], kib: raw / 1024, kibGzip: gz / 1024 };
}

const round = (v, d = 1) => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toFixed(d)) : v ?? null);

/** Fresh playground load: time to the first drawn training step, then the live rates. */
async function live(browser, url, hash) {
  const { page, context, problems } = await openPage(browser, url, { width: 1440, height: 900 });
  try {
    await page.goto(url + hash);
    const handle = await page.waitForFunction(() => performance.getEntriesByName('forgelab:first-step')[0]?.startTime, null, { timeout: 180_000, polling: 20 });
    const msToFirstStep = await handle.jsonValue();
    // the automatic backend starts provisionally and measures the others in a worker: wait for
    // its decision, so the live rate is the chosen backend's without the trial beside it
    await page.waitForFunction(() => !globalThis.forgelab.playground.decision?.provisional, null, { timeout: 120_000, polling: 200 });
    const msToDecision = await page.evaluate(() => performance.getEntriesByName('forgelab:backend-decided')[0]?.startTime ?? null);
    await page.waitForTimeout(2000);
    const r = await page.evaluate(async (ms) => {
      const pg = globalThis.forgelab.playground;
      const t = pg.trainer;
      const s0 = t.steps;
      const d0 = pg.framesDrawn;
      let raf = 0;
      const t0 = performance.now();
      await new Promise((done) => {
        const f = () => {
          raf++;
          if (performance.now() - t0 < ms) requestAnimationFrame(f);
          else done();
        };
        requestAnimationFrame(f);
      });
      const dt = (performance.now() - t0) / 1000;
      const rates = {
        liveStepsPerSecond: pg.trainer === t ? (t.steps - s0) / dt : null,
        liveFps: (pg.framesDrawn - d0) / dt,
        rafFps: raf / dt,
        backend: pg.decision?.backend,
        reason: pg.decision?.reason,
        shownStepsPerSecond: pg.snapshot?.stepsPerSecond ?? null,
        // where the run trains (builds before the live training worker have no side: the page)
        thread: pg.side?.thread?.where ?? 'page',
      };
      // a pause at full speed: ms until the page shows the step training stopped at, and how
      // many snapshots arrived meanwhile
      const pause = await new Promise((done) => {
        let last = pg.snapshot;
        let snapshots = 0;
        const p0 = performance.now();
        pg.pause();
        const tick = setInterval(() => {
          if (pg.snapshot !== last) {
            last = pg.snapshot;
            snapshots++;
          }
          const settled = snapshots > 0 && last?.step === pg.trainer.steps;
          if (settled || performance.now() - p0 > 5000) {
            clearInterval(tick);
            done({ ms: performance.now() - p0, snapshots, settled });
          }
        }, 1);
      });
      return { ...rates, pauseMs: pause.ms, pauseSnapshots: pause.snapshots };
    }, LIVE_MS);
    return { msToFirstStep, msToDecision, ...r, errors: problems.errors };
  } finally {
    await context.close();
  }
}

/** The in-page measurements of #/bench. */
async function inPage(browser, url, backend, recipe) {
  const { page, context, problems } = await openPage(browser, url, { width: 1200, height: 900 });
  try {
    const q = new URLSearchParams({ backend, recipe, steps: String(STEPS), hcap: String(HCAP), seeds: SEEDS, max: String(MAX_STEPS), cap: String(CAP), refms: String(REF_MS), run: '1' });
    await page.goto(`${url}#/bench?${q}`);
    const pre = page.getByTestId('bench-result');
    await pre.and(page.locator('[data-done=true]')).waitFor({ timeout: 1_800_000 });
    const r = JSON.parse(await pre.textContent());
    if (r.error) throw new Error(r.error);
    return { ...r, errors: problems.errors };
  } finally {
    await context.close();
  }
}

/**
 * Input latency while the skew experiment trains in a Web Worker: the playground (paused) is
 * clicked every 150 ms; latency is the time from the event's timestamp to the first animation
 * frame after its handler ran (when the answer can be painted). Returns the worst and p95.
 */
async function inputLatency(browser, url) {
  const { page, context } = await openPage(browser, url, { width: 1440, height: 900 });
  try {
    await page.goto(`${url}#/?backend=cpu`);
    await page.waitForFunction(() => !document.querySelector('[data-testid=play][disabled]'), null, { timeout: 120_000 });
    await page.evaluate(() => {
      globalThis.__lat = [];
      globalThis.__delay = [];
      globalThis.__progress = 0;
      addEventListener('pointerdown', (e) => {
        const ts = e.timeStamp;
        // input delay: until the page's thread runs the handler (what a busy thread adds)
        globalThis.__delay.push(performance.now() - ts);
        requestAnimationFrame(() => globalThis.__lat.push(performance.now() - ts));
      }, { capture: true });
      const cfg = { ...globalThis.forgelab.playground.config, minority: 0.1, seed: 3 };
      globalThis.__exp = globalThis.forgelab.experiments
        .run('skew.runSeed', [cfg, 3000], { backend: 'wasm', onProgress: (d) => (globalThis.__progress = d) })
        .then((r) => ({ ms: r.ms, backend: r.backend, ok: !!r.result }));
    });
    await page.waitForFunction(() => globalThis.__progress > 0, null, { timeout: 60_000 });
    const box = await page.getByTestId('plot-main').boundingBox();
    let clicks = 0;
    for (let i = 0; i < 25; i++) {
      const still = await page.evaluate(() => globalThis.__progress < 3000);
      if (!still) break;
      await page.mouse.click(box.x + 20 + i * 3, box.y + 20);
      clicks++;
      await page.waitForTimeout(150);
    }
    const lat = await page.evaluate(() => globalThis.__lat.splice(0));
    const exp = await page.evaluate(() => globalThis.__exp);
    // the same while the playground itself trains (slices of 8 ms on the page's thread)
    await page.getByTestId('play').click();
    await page.waitForTimeout(1000);
    await page.evaluate(() => globalThis.__lat.splice(0) && globalThis.__delay.splice(0));
    for (let i = 0; i < 15; i++) {
      await page.mouse.click(box.x + 20 + i * 3, box.y + 40);
      await page.waitForTimeout(150);
    }
    const latTraining = await page.evaluate(() => globalThis.__lat.splice(0));
    const delayTraining = await page.evaluate(() => globalThis.__delay.splice(0));
    const stats = (xs) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { n: sorted.length, maxMs: sorted.at(-1) ?? null, p95Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? null, medianMs: sorted[sorted.length >> 1] ?? null };
    };
    return { clicks, ...stats(lat), experiment: exp, duringTraining: stats(latTraining), delayDuringTraining: stats(delayTraining) };
  } finally {
    await context.close();
  }
}

/**
 * The faces view training live on one backend (16 px, no pause at step 500): its own step counter
 * over BENCH_LIVE_MS after a 2-second warm-up.
 */
async function facesLive(browser, url, backend) {
  const { page, context, problems } = await openPage(browser, url, { width: 1440, height: 900 });
  try {
    await page.goto(`${url}#/faces?backend=${backend}&size=16`);
    await page.waitForFunction(() => !document.querySelector('[data-testid=play][disabled]') && globalThis.forgelab?.faces?.lab?.trainer, null, { timeout: 180_000 });
    await page.evaluate(() => globalThis.forgelab.faces.lab.setPauseAtClaim(false));
    await page.getByTestId('play').click();
    await page.waitForTimeout(2000);
    const r = await page.evaluate(async (ms) => {
      const lab = globalThis.forgelab.faces.lab;
      const s0 = lab.trainer.steps;
      const t0 = performance.now();
      await new Promise((done) => setTimeout(done, ms));
      return { stepsPerSecond: (lab.trainer.steps - s0) / ((performance.now() - t0) / 1000), backend: lab.decision?.backend, thread: lab.side?.thread?.where ?? 'page' };
    }, LIVE_MS);
    return { ...r, errors: problems.errors };
  } finally {
    await context.close();
  }
}

/**
 * The faces view's image GAN: training steps per second on each backend at one image size,
 * measured in a worker (after a warm-up step) the way the view's automatic choice measures it.
 */
async function faces(browser, url, size) {
  const { page, context, problems } = await openPage(browser, url, { width: 1200, height: 900 });
  try {
    await page.goto(`${url}#/faces`);
    await page.waitForFunction(() => globalThis.forgelab?.faces?.trialBackends, null, { timeout: 60_000 });
    const trials = await page.evaluate(([s, ms]) => globalThis.forgelab.faces.trialBackends(s, ms), [size, FACE_MS]);
    const wasm = trials.find((t) => t.backend === 'wasm')?.stepsPerSecond;
    return trials.map((t) => ({
      view: 'faces',
      size,
      backend: t.backend,
      stepsPerSecond: round(t.stepsPerSecond, 2),
      ratioToWasm: wasm ? round(t.stepsPerSecond / wasm, 3) : null,
      errors: problems.errors.length ? problems.errors.slice(0, 3) : undefined,
    }));
  } finally {
    await context.close();
  }
}

const t0 = Date.now();
const js = initialJs(process.env.FORGELAB_DIST || 'dist');
log(`initial JS: ${js.kibGzip.toFixed(1)} KiB gzip (${js.files.join(', ')})`);
const server = await serveDist();
const browser = await launch();
const version = browser.version();
const machine = { chromium: version, node: process.version };
log(JSON.stringify(machine));
const rows = [];
try {
  for (const recipe of RECIPES) {
    for (const backend of BACKENDS) {
      log(`— ${backend}, ${recipe}`);
      const l = await live(browser, server.url, `#/?backend=${backend}&recipe=${recipe}&play=1`);
      const b = await inPage(browser, server.url, backend, recipe);
      const row = {
        backend: b.backend,
        recipe,
        headlessStepsPerSecond: round(b.headlessStepsPerSecond),
        liveStepsPerSecond: round(l.liveStepsPerSecond),
        liveFps: round(l.liveFps),
        rafFps: round(l.rafFps),
        thread: l.thread,
        // live ÷ headless on the same backend, and live ÷ the Float32Array reference
        liveToHeadless: round(l.liveStepsPerSecond / b.headlessStepsPerSecond, 3),
        liveToReference: round(l.liveStepsPerSecond / b.referenceStepsPerSecond, 3),
        pauseMs: round(l.pauseMs, 0),
        pauseSnapshots: l.pauseSnapshots,
        msToFirstStep: round(l.msToFirstStep, 0),
        convergeStepsMedian: b.convergeStepsMedian,
        convergeSecondsMedian: round(b.convergeSecondsMedian, 2),
        convergedSeeds: b.convergedSeeds,
        seeds: b.seeds.length,
        tensorsBefore: b.tensorsBefore,
        tensorsAfter: b.tensorsAfter,
        leakCheckSteps: b.headlessSteps,
        kernelsPerStep: b.kernelsPerStep,
        referenceStepsPerSecond: round(b.referenceStepsPerSecond),
        ratioToReference: round(b.ratioToReference, 3),
        // DP-SGD on the detective (C 1, σ 1) against plain training, timed in turns in one page
        dpStepsPerSecond: round(b.dp?.dpStepsPerSecond),
        plainStepsPerSecondBesideDp: round(b.dp?.plainStepsPerSecond),
        dpRatioToPlain: round(b.dp?.ratio, 3),
        initialJsKiBGzip: round(js.kibGzip),
        errors: [...l.errors, ...b.errors].length ? [...l.errors, ...b.errors].slice(0, 3) : undefined,
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
    if (AUTO) {
      log(`— auto, ${recipe}`);
      const l = await live(browser, server.url, `#/?recipe=${recipe}&play=1`);
      const lat = recipe === RECIPES[0] ? await inputLatency(browser, server.url) : null;
      const same = rows.find((r) => r.backend === l.backend && r.recipe === recipe) ?? {};
      const row = {
        backend: 'auto',
        chosen: l.backend,
        reason: l.reason,
        recipe,
        liveStepsPerSecond: round(l.liveStepsPerSecond),
        liveFps: round(l.liveFps),
        rafFps: round(l.rafFps),
        thread: l.thread,
        liveToHeadless: same.headlessStepsPerSecond ? round(l.liveStepsPerSecond / same.headlessStepsPerSecond, 3) : null,
        liveToReference: same.referenceStepsPerSecond ? round(l.liveStepsPerSecond / same.referenceStepsPerSecond, 3) : null,
        pauseMs: round(l.pauseMs, 0),
        pauseSnapshots: l.pauseSnapshots,
        msToFirstStep: round(l.msToFirstStep, 0),
        // in-page figures of the chosen backend, from its own line above
        headlessStepsPerSecond: same.headlessStepsPerSecond ?? null,
        convergeStepsMedian: same.convergeStepsMedian ?? null,
        convergeSecondsMedian: same.convergeSecondsMedian ?? null,
        convergedSeeds: same.convergedSeeds ?? null,
        tensorsBefore: same.tensorsBefore ?? null,
        tensorsAfter: same.tensorsAfter ?? null,
        referenceStepsPerSecond: same.referenceStepsPerSecond ?? null,
        ratioToReference: same.ratioToReference ?? null,
        msToDecision: round(l.msToDecision, 0),
        inputLatencyMsDuringExperiment: lat ? round(lat.maxMs, 0) : undefined,
        inputLatencyMsDuringTraining: lat ? round(lat.duringTraining.maxMs, 0) : undefined,
        // the part of that latency the page's thread adds (event to handler); the rest is the
        // wait for the next frame, up to one refresh (16.7 ms at 60 Hz) even on an idle page
        inputDelayMsDuringTraining: lat ? round(lat.delayDuringTraining.maxMs, 0) : undefined,
        inputLatency: lat ?? undefined,
        initialJsKiBGzip: round(js.kibGzip),
        errors: l.errors.length ? l.errors.slice(0, 3) : undefined,
      };
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  }
  for (const size of FACE_SIZES) {
    log(`— faces ${size}×${size}`);
    const trials = await faces(browser, server.url, size);
    for (const row of trials) {
      // the view itself, live at 16 px, against the same backend's in-worker headless trial
      if (size === 16 && FACE_LIVE.includes(row.backend)) {
        const l = await facesLive(browser, server.url, row.backend);
        row.liveStepsPerSecond = round(l.stepsPerSecond, 2);
        row.liveThread = l.thread;
        row.liveToHeadless = round(l.stepsPerSecond / row.stepsPerSecond, 3);
        if (l.errors.length) row.errors = [...(row.errors ?? []), ...l.errors.slice(0, 3)];
      }
      rows.push(row);
      console.log(JSON.stringify(row));
    }
  }
} finally {
  await browser.close();
  await server.close();
  log(`bench took ${((Date.now() - t0) / 60000).toFixed(1)} min`);
}
