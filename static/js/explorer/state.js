/**
 * explorer/state.js: the one state object of the explorer, and its URL form (shared/hash-store.js).
 *
 *   { params: {name: string}   API parameters the user set (docs/api.md names); anything not
 *                              here takes the server's default, so defaults live in one place
 *                              (the server, or #initial-state "defaults" when it sends them)
 *     view: "forward" | "backward" | "transpose" | "pool" (the pooling tab, pool/pool.js)
 *     k: number                the step shown (the player owns it; kept here for the URL)
 *     speed: number }          index into SPEEDS
 *
 * The whole object serializes to location.hash as URLSearchParams (TF Playground), so a link
 * restores the view. subscribe(fn) calls fn(state, changed: Set<string>) after every change.
 *
 * Exports: SPEEDS, PARAM_KEYS, VIEWS, createState(initial) -> store
 *   store.get()                         the current state (treat as read-only)
 *   store.limits                        server limits from #initial-state
 *   store.setParams(patch)              merge; a value of null/undefined/"" removes the override
 *   store.set(patch, {silent})          merge top-level fields; silent: no notify, URL only
 *   store.subscribe(fn) -> unsubscribe
 */
import { createHashStore, readInitial } from "../shared/hash-store.js";

export const SPEEDS = [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]; // steps per second
export const VIEWS = ["forward", "backward", "transpose", "pool"];
export const PARAM_KEYS = [
  "batch", "in_channels", "out_channels", "height", "width", "kernel_size", "stride", "padding",
  "dilation", "groups", "padding_mode", "bias", "bias_values", "input", "glyph", "seed",
  "input_values", "kernel", "weight_values", "operation", "grad", "output_padding",
]; // prettier-ignore
const DEFAULT_SPEED = 3;
const WRITE_DELAY = 250; // ms: coalesce URL writes while playing (browsers throttle replaceState)

function parseHash(hash) {
  const q = new URLSearchParams(hash.replace(/^#/, ""));
  const out = { params: {} };
  for (const [key, value] of q) {
    if (PARAM_KEYS.includes(key)) out.params[key] = value;
    else if (key === "view" && VIEWS.includes(value)) out.view = value;
    else if (key === "k" && /^\d+$/.test(value)) out.k = Number(value);
    else if (key === "speed" && /^\d+$/.test(value)) out.speed = Math.min(SPEEDS.length - 1, Number(value));
  }
  return out;
}

function toHash(s) {
  const q = new URLSearchParams();
  for (const key of PARAM_KEYS) if (key in s.params) q.set(key, s.params[key]);
  if (s.view !== "forward") q.set("view", s.view);
  if (s.k) q.set("k", String(s.k));
  if (s.speed !== DEFAULT_SPEED) q.set("speed", String(s.speed));
  const text = q.toString();
  return text ? `#${text}` : "";
}

export function createState(initial = readInitial(), win = window) {
  const defaults = Object.fromEntries(Object.entries(initial.defaults || {}).map(([k, v]) => [k, String(v)]));
  const parse = (hash) => {
    const h = parseHash(hash);
    // A hash without a speed means the default speed (toHash leaves the default out).
    return { params: { ...defaults, ...h.params }, view: h.view || "forward", k: h.k || 0, speed: h.speed ?? DEFAULT_SPEED };
  };
  const store = createHashStore({ parse, serialize: toHash, delay: WRITE_DELAY, win });
  return {
    limits: initial.limits || {},
    get: store.get,
    setParams(patch) {
      const params = { ...store.get().params };
      for (const [key, v] of Object.entries(patch)) {
        if (v === null || v === undefined || v === "") delete params[key];
        else params[key] = String(v);
      }
      store.set({ params });
    },
    set: (patch, { silent = false } = {}) => store.set(patch, { silent }),
    subscribe: (fn) => store.subscribe((state, changed) => fn(state, changed)),
  };
}
