/**
 * explorer/session.js: one loaded configuration (plan + step cache + view adapter) and how a
 * step is shown. It is the renderer's caller: show(k) is what player.setStep(k) ends in.
 *
 * Loading is generation-counted: a newer load() wins, an older one's answer is dropped. A
 * failed load (e.g. a 422) keeps the last good view on screen, greyed, with the message, and
 * it still plays and scrubs.
 *
 * createExplorer({scene, readout, player, t, isLarge, onPlan(plan, view), onShown(k, total)})
 *   .load({view, params, k}) -> Promise        .show(k)   .ready(k) -> bool
 *   .hoverInput(hit | null)  .hoverOutput(hit | null)  .clickOutput(hit)  .clickInput(hit)
 *   .relayout()  .relabel()  .pinned  .current -> {view, plan, adapter, cache} | null
 *
 * Opening a configuration is session-open.js, drawing a step session-frame.js, the pointer on
 * the grids session-pointer.js; this module keeps which session is current and wires them.
 */
import { openSession } from "./session-open.js";
import { configure, createFrame, isReady } from "./session-frame.js";
import { createPointer } from "./session-pointer.js";

export function createExplorer({ scene, readout, player, t, isLarge, onPlan, onShown }) {
  let cur = null;
  let gen = 0;
  let pending = null; // AbortController of the load in flight
  const showStep = createFrame({ scene, readout, player, isLarge, onShown, again: show });
  const pointer = createPointer({ player, current: () => cur, redraw: () => show(player.k) });
  // more readers known for a hover; or more of a replayed pass (backward, transposed)
  const onArrive = (cache) => cur?.cache === cache && (pointer.hover || cur.adapter.replays) && show(player.k);

  async function load({ view, params, k = 0 }, fallback = false) {
    const my = ++gen;
    pointer.unpin(); // a cell of the old configuration means nothing in the new one
    pending?.abort();
    pending = new AbortController();
    readout.busy(true);
    let next;
    try {
      next = await openSession({ view, params, k, t, signal: pending.signal, stale: () => my !== gen, onArrive });
      if (!next) return;
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
    pointer.settle();
    if (!fallback) readout.clear();
    readout.plan(cur.plan, view);
    onPlan(cur.plan, view, fallback);
    player.setTotal(cur.adapter.total);
    configure(scene, cur, cur.k0, isLarge());
    player.setStep(cur.k0);
    readout.busy(false);
  }

  function show(k) {
    if (cur) showStep(cur, k, pointer.hover);
  }

  return {
    load,
    show,
    ready: (k) => isReady(cur, k),
    hoverInput: pointer.hoverInput,
    hoverOutput: pointer.hoverOutput,
    clickInput: pointer.clickInput,
    clickOutput: pointer.clickOutput,
    relayout() {
      if (!cur) return;
      configure(scene, cur, player.k, isLarge());
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
      return pointer.pinned;
    },
    get current() {
      return cur;
    },
  };
}
