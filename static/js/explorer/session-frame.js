/**
 * explorer/session-frame.js: how one step of an open session goes on the scene and in the
 * readout. The adapter says what to draw, the scene draws it.
 *
 *   configure(scene, session, k, large)   lay the scene out for step k's batch (a new batch
 *                                         can change the shapes), remembered in session.batch
 *   paint(scene, session, k, step, hover, readers, isLarge)
 *                                         step k: re-laid out on a new batch, else only the
 *                                         numbers change; then the hover's marks on top
 *   isReady(session, k) -> bool           may the player show step k without waiting
 *   createReadersMemo() -> readersFor(session, hover, k) -> Map
 *                                         the outputs that read the hovered input cell, kept
 *                                         until the batch, the cell or the cache's fullness changes
 *   createFrame({scene, readout, player, isLarge, onShown(k, total), again(k)})
 *     -> showStep(session, k, hover)      one frame: grids, sum, description; a step not here
 *                                         yet is fetched, and again(k) runs when it comes if
 *                                         the player is still on k
 */

export function configure(scene, session, k, large) {
  const { adapter, cache } = session;
  scene.configure(adapter.spec(k, cache.get(k) || session.sample, cache), { large });
  session.batch = adapter.batchOf(k);
}

export function paint(scene, session, k, step, hover, readers, isLarge) {
  if (session.adapter.batchOf(k) !== session.batch) configure(scene, session, k, isLarge());
  else session.adapter.fill(scene, k, session.cache);
  session.adapter.overlay(scene, k, step, hover, readers);
}

export function isReady(session, k) {
  if (!session) return false;
  const { adapter, cache } = session;
  return Boolean(adapter.ready ? adapter.ready(k, cache) : cache.has(k));
}

export function createReadersMemo() {
  let memo = { key: "", map: new Map() };
  return function readersFor(session, hover, k) {
    if (!hover || hover.view !== "input") return new Map();
    const { adapter, cache } = session;
    const key = `${adapter.batchOf(k)}:${hover.panel}:${hover.i}:${hover.j}:${cache.complete}`;
    if (memo.key !== key) memo = { key, map: adapter.readers(hover, cache, k) };
    return memo.map;
  };
}

export function createFrame({ scene, readout, player, isLarge, onShown, again }) {
  const readersFor = createReadersMemo();
  let painted = false;
  return function showStep(session, k, hover) {
    const { adapter, cache } = session;
    const step = cache.get(k);
    if (!step) {
      readout.waiting();
      cache.ensure(k).then(
        () => player.k === k && again(k),
        (err) => err.name !== "AbortError" && readout.error(err),
      );
    }
    paint(scene, session, k, step, hover, readersFor(session, hover, k), isLarge);
    // The sum is written in the same frame as the window it belongs to, at any speed: a
    // throttled sum lagged the window by several steps at 64 steps/s (issue 8, defect 9).
    // arithmetic.js keeps a frame cheap (at most maxTerms terms per channel until expanded).
    if (step) readout.step(k, adapter.sum(step), adapter.describe(k, step), !player.playing);
    onShown(k, adapter.total);
    if (step && !painted) {
      painted = true;
      performance.mark("convscope:first-frame"); // read by benchmarks/bench_frontend.py
    }
  };
}
