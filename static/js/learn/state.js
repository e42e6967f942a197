/**
 * learn/state.js: the page's one state object and its URL form (the API's own query).
 *
 *   { target, kernel_size, image, size, lr_scale, iterations, seed, init }
 *   #target=sobel_x&kernel_size=3&image=noise&lr_scale=0.5&iterations=300&seed=0&init=zeros
 * Defaults and choices come from #initial-state (the server); nothing here owns a number.
 *
 *   createStore(initial) -> hash store (shared/hash-store.js)
 *   query(state) -> "target=...&..."     the API's query string
 */
import { createHashStore } from "../shared/hash-store.js";

export { readInitial } from "../shared/hash-store.js";

export const KEYS = ["target", "kernel_size", "image", "size", "lr_scale", "iterations", "seed", "init"];
const NUMBERS = new Set(["kernel_size", "size", "lr_scale", "iterations", "seed"]);

export const query = (state) => KEYS.map((k) => `${k}=${encodeURIComponent(state[k])}`).join("&");

export function createStore(initial) {
  const defaults = initial.defaults;
  const parse = (hash) => {
    const q = new URLSearchParams(hash.replace(/^#/, ""));
    const state = { ...defaults };
    for (const k of KEYS) {
      if (!q.has(k)) continue;
      const v = q.get(k);
      state[k] = NUMBERS.has(k) ? Number(v) : v;
      if (NUMBERS.has(k) && !Number.isFinite(state[k])) state[k] = defaults[k];
    }
    return state;
  };
  return createHashStore({ parse, serialize: (s) => `#${query(s)}` });
}
