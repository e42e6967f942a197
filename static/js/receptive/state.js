/**
 * receptive/state.js: the page's one state object and its URL form.
 *
 *   { layers: [{k, s, p, d, kind, ceil}]   from the input up (docs/api.md order); kind is
 *                              conv | pool | convT, ceil is a pool's ceil_mode
 *     size: number             input length H = W
 *     y: number | null,
 *     weights: "uniform" | "random", relu: boolean, seeds: number }   effective field (erf.js)       output index along both axes; null = "the middle", resolved
 *                              once the server has said how long the last map is
 *
 * The hash reads like the API's query, so a link is also a recipe:
 *   #layers=3,1,1;3,1,1;2,2,0&size=32&y=7      (",d" only when the dilation is not 1)
 *   &weights=random&relu=true&seeds=4            (the effective field's inputs, when not the
 *                                                 defaults: ones, no ReLU)
 * Defaults (stack and size) and the editor's bounds come from #initial-state, i.e. the
 * server; nothing here knows a number of its own.
 *
 * Exports:
 *   readInitial(doc?) -> {defaults, bounds, limits}
 *   parseLayers(text, bounds) -> layers | null      null when the text is not a stack
 *   layersText(layers) -> "3,1,1;3,1,1,2"           the API's `layers` parameter
 *   createStore(initial, win?) -> store
 *     store.get()                   the current state (treat as read-only)
 *     store.set(patch, {source, quiet})   merge, write the hash (replaceState) and, unless
 *                                   quiet, notify listeners with (state, source); source is
 *                                   "hash" when the address itself changed
 *     store.subscribe(fn) -> unsubscribe
 */
import { createHashStore } from "../shared/hash-store.js";

export { readInitial } from "../shared/hash-store.js";

const FIELDS = ["k", "s", "p", "d"];

const clamp = (v, [lo, hi]) => Math.min(hi, Math.max(lo, v));

const ITEM = "((conv|convT|pool):)?\\d+(,\\d+){2,3}(,ceil)?";
const STACK = new RegExp(`^${ITEM}(;${ITEM})*$`);
export const KINDS = ["conv", "pool", "convT"];

export function parseLayers(text, bounds) {
  if (typeof text !== "string" || !STACK.test(text)) return null;
  const layers = text.split(";").map((spec) => {
    const [kind, numbers] = spec.includes(":") ? spec.split(":") : ["conv", spec];
    const parts = numbers.split(",");
    const ceil = parts[parts.length - 1] === "ceil";
    const [k, s, p, d = 1] = (ceil ? parts.slice(0, -1) : parts).map(Number);
    const layer = { k, s, p, d, kind, ceil: ceil && kind === "pool" };
    for (const f of FIELDS) layer[f] = clamp(layer[f], bounds[f]);
    return layer;
  });
  return layers.slice(0, bounds.layers);
}

export function layersText(layers) {
  // a conv keeps today's bare "k,s,p[,d]" so old links and the API's default read the same
  return layers
    .map(({ k, s, p, d, kind = "conv", ceil = false }) => {
      const numbers = d === 1 ? `${k},${s},${p}` : `${k},${s},${p},${d}`;
      const prefix = kind === "conv" ? "" : `${kind}:`;
      return `${prefix}${numbers}${kind === "pool" && ceil ? ",ceil" : ""}`;
    })
    .join(";");
}

function parseHash(hash, initial) {
  const { defaults, bounds } = initial;
  const q = new URLSearchParams(hash.replace(/^#/, ""));
  const layers = parseLayers(q.get("layers"), bounds) || parseLayers(defaults.layers, bounds);
  const size = /^\d+$/.test(q.get("size") || "") ? clamp(Number(q.get("size")), bounds.size) : defaults.size;
  const y = /^\d+$/.test(q.get("y") || "") ? Number(q.get("y")) : null;
  // the effective field's own inputs (erf.js): absent from the hash means the defaults
  const weights = q.get("weights") === "random" ? "random" : "uniform";
  const relu = q.get("relu") === "true";
  const seeds = /^\d+$/.test(q.get("seeds") || "") ? clamp(Number(q.get("seeds")), bounds.seeds) : defaults.seeds;
  return { layers, size: clamp(size, bounds.size), y, weights, relu, seeds };
}

function toHash(state) {
  // Written by hand, not URLSearchParams: "," and ";" stay readable in the address bar.
  const y = state.y === null ? "" : `&y=${state.y}`;
  const erf = state.weights === "uniform" && !state.relu ? "" : `&weights=${state.weights}&relu=${state.relu}&seeds=${state.seeds}`;
  return `#layers=${layersText(state.layers)}&size=${state.size}${y}${erf}`;
}

export function createStore(initial, win = window) {
  const store = createHashStore({ parse: (hash) => parseHash(hash, initial), serialize: toHash, win });
  store.write(); // the address shows the whole configuration from the first paint
  return {
    get: store.get,
    set(patch, { source = "", quiet = false } = {}) {
      store.set(patch, { source, silent: quiet });
    },
    subscribe: (fn) => store.subscribe((state, changed, source) => fn(state, source)),
  };
}
