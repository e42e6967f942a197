/**
 * stepcache.js: streamed steps, fetched in ranges and kept, so scrubbing back is instant.
 *
 * The server caps one stream at limits.max_steps; we ask for chunks of `chunk` steps (sized so
 * a chunk stays a few MB), fetch the chunk a step lives in on demand, then the rest of the run
 * in the background, in order. When a layer is so big that every step would not fit in memory
 * (budget in numbers), the chunks farthest from the current step are dropped.
 *
 * createStepCache({total, numbersPerStep, fetchRange(start, stop, onStep, signal) -> Promise<done>,
 *                  onArrive(start, stop)}) -> cache
 *   cache.done -> the last stream's `done` data (backward: final dy/dx/dw/db), or null
 *   cache.get(k) -> step | undefined      cache.has(k)
 *   cache.ensure(k) -> Promise<step>      fetch k's chunk (and queue the others)
 *   cache.range(a, b) -> steps in [a, b) that are here, in order
 *   cache.complete -> true when every step is here
 *   cache.close()                         abort every fetch (plan changed)
 */
const BUDGET = 6_000_000; // numbers kept in memory across all cached steps
const HEAD = 48; // steps fetched alone before anything is drawn

export function createStepCache({ total, numbersPerStep, fetchRange, onArrive = () => {} }) {
  const per = Math.max(1, numbersPerStep);
  const keep = Math.max(64, Math.floor(BUDGET / per)); // steps we may hold
  const chunk = Math.max(32, Math.min(2048, Math.floor(keep / 4), Math.floor(400_000 / per)));
  const nChunks = Math.ceil(total / chunk);
  const steps = new Map();
  const chunks = new Map(); // index -> Promise while loading, true when loaded
  const ctrl = new AbortController();
  let focus = 0;
  let background = false;
  let done = null;
  const keepDone = (d) => {
    done = d;
  };

  function evict() {
    if (steps.size <= keep) return;
    const loaded = [...chunks.keys()].filter((c) => chunks.get(c) === true);
    loaded.sort((a, b) => Math.abs(b - focus) - Math.abs(a - focus));
    for (const c of loaded) {
      if (steps.size <= keep) break;
      if (Math.abs(c - focus) <= 1) continue;
      for (let k = c * chunk; k < Math.min(total, (c + 1) * chunk); k++) steps.delete(k);
      chunks.delete(c);
    }
  }

  function load(c) {
    if (chunks.has(c)) return chunks.get(c) === true ? Promise.resolve() : chunks.get(c);
    const start = c * chunk;
    const stop = Math.min(total, start + chunk);
    const p = fetchRange(start, stop, (s) => steps.set(s.k, s), ctrl.signal).then(
      (d) => {
        keepDone(d);
        chunks.set(c, true);
        evict();
        onArrive(start, stop);
      },
      (err) => {
        chunks.delete(c);
        throw err;
      },
    );
    chunks.set(c, p);
    return p;
  }

  async function fillInBackground() {
    if (background) return;
    background = true;
    // Everything that fits, nearest first after the focus, in order, one stream at a time.
    for (let i = 0; i < nChunks && !ctrl.signal.aborted; i++) {
      const c = (Math.floor(focus / chunk) + i) % nChunks;
      if (steps.size + chunk > keep && i > 1) break;
      try {
        await load(c);
      } catch {
        break; // aborted or failed: the next ensure() retries
      }
    }
    background = false;
  }

  return {
    get: (k) => steps.get(k),
    has: (k) => steps.has(k),
    async ensure(k) {
      focus = k;
      const c = Math.floor(k / chunk);
      if (!steps.size && !chunks.size && chunk > HEAD) {
        // First paint: a few steps from k come back in a few ms; the rest streams after.
        keepDone(await fetchRange(k, Math.min(total, k + HEAD), (s) => steps.set(s.k, s), ctrl.signal));
      } else await load(c);
      fillInBackground();
      return steps.get(k);
    },
    range(a, b) {
      const out = [];
      for (let k = Math.max(0, a); k < Math.min(total, b); k++) {
        const s = steps.get(k);
        if (s) out.push(s);
      }
      return out;
    },
    get done() {
      return done;
    },
    get complete() {
      return steps.size === total;
    },
    close: () => ctrl.abort(),
  };
}
