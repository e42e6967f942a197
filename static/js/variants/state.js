/**
 * variants/state.js: the page's one state object and its URL form (shared/hash-store.js).
 *
 *   { params: {name: string}   the explorer's API parameters (explorer/state.js PARAM_KEYS), so
 *                              /#<hash> and /variants#<hash> are the same layer
 *     steps: {backward, transposed, grouped, im2col}   the step each section shows
 *     lr, loss, target          the update step's learning rate, loss and target kernel
 *     lang, kind                the code view's tab and pass
 *     section                   the section to scroll to (set by a link from the explorer) }
 *
 * Exports: createState() -> {get, setParams(patch), set(patch), subscribe(fn)}, explorerHash(s)
 */
import { createHashStore } from "../shared/hash-store.js";
import { PARAM_KEYS } from "../explorer/state.js";

export const SECTIONS = ["backward", "transposed", "grouped", "im2col"];
const OWN = { lr: "0.0001", loss: "mse", target: "box", lang: "pytorch", kind: "forward" };

function parse(hash) {
  const q = new URLSearchParams(hash.replace(/^#/, ""));
  const s = { params: {}, steps: {}, ...OWN, section: null };
  for (const [key, value] of q) {
    if (PARAM_KEYS.includes(key)) s.params[key] = value;
    else if (key in OWN) s[key] = value;
    else if (key === "section") s.section = value;
    else if (key.startsWith("k_") && /^\d+$/.test(value)) s.steps[key.slice(2)] = Number(value);
  }
  return s;
}

function serialize(s) {
  const q = new URLSearchParams();
  for (const key of PARAM_KEYS) if (key in s.params) q.set(key, s.params[key]);
  for (const [key, value] of Object.entries(OWN)) if (s[key] !== value) q.set(key, s[key]);
  for (const [key, value] of Object.entries(s.steps)) if (value) q.set(`k_${key}`, String(value));
  if (s.section) q.set("section", s.section);
  const text = q.toString();
  return text ? `#${text}` : "";
}

/** The explorer's hash for this layer, opened on `view` (forward, backward or transpose). */
export function explorerHash(s, view = "forward") {
  const q = new URLSearchParams();
  for (const key of PARAM_KEYS) if (key in s.params) q.set(key, s.params[key]);
  if (view !== "forward") q.set("view", view);
  return `#${q.toString()}`;
}

export function createState(win = window) {
  const store = createHashStore({ parse, serialize, delay: 0, win });
  return {
    get: store.get,
    setParams(patch) {
      const params = { ...store.get().params };
      for (const [key, v] of Object.entries(patch)) {
        if (v === null || v === undefined || v === "") delete params[key];
        else params[key] = String(v);
      }
      store.set({ params, steps: {} });
    },
    setStep(section, k) {
      store.set({ steps: { ...store.get().steps, [section]: k } }, { changed: new Set([`k_${section}`]) });
    },
    set: (patch) => store.set(patch),
    subscribe: store.subscribe,
  };
}
