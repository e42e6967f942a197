/**
 * explorer/session-open.js: open one configuration: fetch its plan, pick the view adapter,
 * start the step cache and wait for the first step to show.
 *
 *   openSession({view, params, k, t, signal, stale() -> bool, onArrive(cache)})
 *     -> Promise<{view, plan, adapter, cache, sample, k0, batch} | null>
 *   null: a newer load started meanwhile (stale() turned true); its cache, if any, is closed.
 *   Rejects with the fetch's error (AbortError when `signal` aborts, or the server's 4xx).
 */
import { fetchPlan, streamSteps } from "./api.js";
import { createStepCache } from "./step-cache.js";
import { createBackward } from "./backward-view.js";
import { createForward } from "./forward-view.js";
import { createTranspose } from "./transpose-view.js";

const ADAPTERS = { forward: createForward, backward: createBackward, transpose: createTranspose };

export async function openSession({ view, params, k, t, signal, stale, onArrive }) {
  const plan = await fetchPlan(view, params, { signal });
  if (stale()) return null;
  const adapter = ADAPTERS[view](plan, { t });
  const cache = createStepCache({
    total: adapter.total,
    numbersPerStep: adapter.numbersPerStep,
    fetchRange: (a, b, onStep, sig) => streamSteps(view, params, a, b, { onStep, signal: sig }),
    onArrive: () => onArrive(cache),
  });
  const k0 = Math.max(0, Math.min(k, adapter.total - 1));
  const sample = await cache.ensure(k0);
  if (stale()) {
    cache.close();
    return null;
  }
  // batch: the batch the scene is laid out for (-1: none yet), see session-frame.js
  return { view, plan, adapter, cache, sample, k0, batch: -1 };
}
