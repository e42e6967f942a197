/**
 * network/state.js: the page's one state object and its URL form (shared/hash-store.js).
 *
 *   { image: number[8][8] | null   the 8x8 counts the network reads (null: nothing drawn yet)
 *     test: number | null          test index k when the image is test image k
 *     unit: {layer, channel, row, col} | null   the unit whose computation is open }
 *
 *   #image=0,0,5,13,...(64 counts)&test=12&unit=conv2,5,1,3
 * A link restores the digit, the picked test image and the open unit.
 *
 * Exports: createStore(win?) -> {get, set(patch, {source, quiet}), subscribe(fn(state, source))}
 */
import { createHashStore } from "../shared/hash-store.js";

const SIDE = 8;
const UNIT = /^(conv1|pool1|conv2|pool2),(\d+),(\d+),(\d+)$/;

function parseImage(text) {
  if (!/^\d{1,2}(\.\d+)?(,\d{1,2}(\.\d+)?){63}$/.test(text || "")) return null;
  const v = text.split(",").map(Number);
  if (v.some((c) => c > 16)) return null;
  return Array.from({ length: SIDE }, (_, i) => v.slice(i * SIDE, i * SIDE + SIDE));
}

function parseHash(hash) {
  const q = new URLSearchParams(hash.replace(/^#/, ""));
  const image = parseImage(q.get("image"));
  const test = /^\d+$/.test(q.get("test") || "") ? Number(q.get("test")) : null;
  const m = UNIT.exec(q.get("unit") || "");
  const unit = m ? { layer: m[1], channel: +m[2], row: +m[3], col: +m[4] } : null;
  return { image, test, unit };
}

function toHash(s) {
  const parts = [];
  if (s.image) parts.push(`image=${s.image.flat().join(",")}`);
  if (s.test !== null) parts.push(`test=${s.test}`);
  if (s.unit) parts.push(`unit=${s.unit.layer},${s.unit.channel},${s.unit.row},${s.unit.col}`);
  return parts.length ? `#${parts.join("&")}` : "";
}

export function createStore(win = window) {
  const store = createHashStore({ parse: parseHash, serialize: toHash, win });
  return {
    get: store.get,
    set(patch, { source = "", quiet = false } = {}) {
      store.set(patch, { source, silent: quiet });
    },
    subscribe: (fn) => store.subscribe((state, changed, source) => fn(state, source, changed)),
  };
}
