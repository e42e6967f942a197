/**
 * explorer.js: one loaded configuration (plan + step cache + view adapter) and how a step is
 * shown. It is the renderer's caller: show(k) is what player.setStep(k) ends in.
 *
 * Loading is generation-counted: a newer load() wins, an older one's answer is dropped. A
 * failed load (e.g. a 422) keeps the last good view on screen, greyed, with the message, and
 * it still plays and scrubs.
 *
 * createExplorer({scene, readout, player, t, isLarge, onPlan(plan, view), onShown(k, total)})
 *   .load({view, params, k}) -> Promise        .show(k)   .ready(k) -> bool
 *   .hoverInput(hit | null)  .hoverOutput(hit | null)  .clickOutput(hit)  .clickInput(hit)
 *   .relayout()  .relabel()  .current -> {view, plan, adapter, cache} | null
 */
import { fetchPlan, streamSteps } from "./api.js";
import { createStepCache } from "./step-cache.js";
import { createBackward } from "./backward-view.js";
import { createForward } from "./forward-view.js";
import { createTranspose } from "./transpose-view.js";

const ADAPTERS = { forward: createForward, backward: createBackward, transpose: createTranspose };

export function createExplorer({ scene, readout, player, t, isLarge, onPlan, onShown }) {
  let cur = null;
  let gen = 0;
  let pending = null; // AbortController of the load in flight
  let hover = null;
  let pinned = null; // an input cell clicked: its readers stay marked after the pointer leaves
  let hoverFrom = null; // the step to return to when the pointer leaves the output
  let readers = { key: "", map: new Map() };
  let painted = false;

  async function load({ view, params, k = 0 }, fallback = false) {
    const my = ++gen;
    pinned = null; // a cell of the old configuration means nothing in the new one
    hover = null;
    pending?.abort();
    const ctrl = new AbortController();
    pending = ctrl;
    readout.busy(true);
    let next;
    try {
      const plan = await fetchPlan(view, params, { signal: ctrl.signal });
      if (my !== gen) return;
      const adapter = ADAPTERS[view](plan, { t });
      const cache = createStepCache({
        total: adapter.total,
        numbersPerStep: adapter.numbersPerStep,
        fetchRange: (a, b, onStep, signal) => streamSteps(view, params, a, b, { onStep, signal }),
        onArrive: () => {
          // more readers known for a hover; or more of a replayed pass (backward, transposed)
          if (cur && cur.cache === cache && (hover || cur.adapter.replays)) show(player.k);
        },
      });
      const k0 = Math.max(0, Math.min(k, adapter.total - 1));
      const sample = await cache.ensure(k0);
      if (my !== gen) return cache.close();
      next = { view, plan, adapter, cache, sample, k0, batch: -1 };
    } catch (err) {
      if (err.name === "AbortError" || my !== gen) return;
      readout.busy(false);
      readout.error(err);
      // Nothing good to keep yet (a broken link opened cold): show the server's defaults,
      // greyed under the message, rather than an empty page.
      if (!cur && !fallback) load({ view, params: {}, k: 0 }, true);
      return;
    }
    cur?.cache.close();
    cur = next;
    hover = null;
    hoverFrom = null;
    if (!fallback) readout.clear();
    readout.plan(cur.plan, view);
    onPlan(cur.plan, view, fallback);
    player.setTotal(cur.adapter.total);
    configure(cur.k0);
    player.setStep(cur.k0);
    readout.busy(false);
  }

  function configure(k) {
    scene.configure(cur.adapter.spec(k, cur.cache.get(k) || cur.sample, cur.cache), { large: isLarge() });
    cur.batch = cur.adapter.batchOf(k);
  }

  function readersFor(k) {
    if (!hover || hover.view !== "input") return new Map();
    const key = `${cur.adapter.batchOf(k)}:${hover.panel}:${hover.i}:${hover.j}:${cur.cache.complete}`;
    if (readers.key !== key) readers = { key, map: cur.adapter.readers(hover, cur.cache, k) };
    return readers.map;
  }

  function show(k) {
    if (!cur) return;
    const step = cur.cache.get(k);
    if (!step) {
      readout.waiting();
      cur.cache.ensure(k).then(
        () => player.k === k && show(k),
        (err) => err.name !== "AbortError" && readout.error(err),
      );
    }
    if (cur.adapter.batchOf(k) !== cur.batch) configure(k);
    else cur.adapter.fill(scene, k, cur.cache);
    cur.adapter.overlay(scene, k, step, hover, readersFor(k));
    // The sum is written in the same frame as the window it belongs to, at any speed: a
    // throttled sum lagged the window by several steps at 64 steps/s (issue 8, defect 9).
    // arithmetic.js keeps a frame cheap (at most maxTerms terms per channel until expanded).
    if (step) readout.step(k, cur.adapter.sum(step), cur.adapter.describe(k, step), !player.playing);
    onShown(k, cur.adapter.total);
    if (step && !painted) {
      painted = true;
      performance.mark("convscope:first-frame"); // read by benchmarks/bench_frontend.py
    }
  }

  return {
    load,
    show,
    ready: (k) => Boolean(cur && (cur.adapter.ready ? cur.adapter.ready(k, cur.cache) : cur.cache.has(k))),
    hoverInput(hit) {
      hover = hit ? { view: "input", ...hit } : pinned; // leaving shows the pinned cell again
      show(player.k);
    },
    hoverOutput(hit) {
      if (!cur) return;
      if (!hit) {
        if (hoverFrom !== null) player.setStep(hoverFrom);
        hoverFrom = null;
        return;
      }
      const k = cur.adapter.stepAt(hit, player.k);
      if (k === null || k === undefined) return;
      if (hoverFrom === null) hoverFrom = player.k;
      player.pause();
      player.setStep(k); // hover is drawn "as if" it were the step: one code path
    },
    clickInput(hit) {
      // A transposed input cell has a step of its own: go there. Elsewhere a click pins what
      // hovering shows (which outputs read this cell); a second click on it unpins.
      const k = cur && cur.adapter.inputStep ? cur.adapter.inputStep(hit, player.k) : null;
      if (k !== null && k !== undefined) return player.jump(k);
      const same = pinned && pinned.panel === hit.panel && pinned.i === hit.i && pinned.j === hit.j;
      pinned = same ? null : { view: "input", ...hit };
      hover = pinned;
      show(player.k);
    },
    clickOutput(hit) {
      if (!cur) return;
      const k = cur.adapter.stepAt(hit, player.k);
      if (k === null || k === undefined) return;
      hoverFrom = null;
      player.jump(k);
    },
    relayout() {
      if (!cur) return;
      configure(player.k);
      show(player.k);
    },
    relabel() {
      if (cur) {
        readout.plan(cur.plan, cur.view);
        show(player.k);
      }
      readout.relabel();
    },
    get pinned() {
      return pinned;
    },
    get current() {
      return cur;
    },
  };
}
