/**
 * shared/hash-store.js: one page state object that lives in the URL hash (TF Playground), so a
 * link restores the view. Each page gives its own parse/serialize; this module owns the rest.
 *
 *   readInitial(doc?) -> object      the server-rendered #initial-state (defaults, limits)
 *   createHashStore({parse(hash) -> state, serialize(state) -> "#...", delay?, win?}) -> store
 *     store.get()                     the current state (treat as read-only)
 *     store.set(patch, {silent, changed, source})   merge; write the hash (replaceState, after
 *                                     `delay` ms: browsers throttle it while playing); notify
 *                                     listeners with (state, changed: Set, source) unless silent
 *     store.replace(next, changed, source)           the same, for a whole new state
 *     store.subscribe(fn) -> unsubscribe
 *   Editing the address bar (hashchange) parses the new hash and notifies with source "hash";
 *   `changed` then holds every key of the state.
 */
export function readInitial(doc = document) {
  try {
    return JSON.parse(doc.getElementById("initial-state").textContent) || {};
  } catch {
    return {};
  }
}

export function createHashStore({ parse, serialize, delay = 0, win = window }) {
  let state = parse(win.location.hash);
  let written = win.location.hash;
  let timer = 0;
  const listeners = new Set();

  function write() {
    const hash = serialize(state);
    if (hash === written) return;
    written = hash;
    win.history.replaceState(null, "", `${win.location.pathname}${win.location.search}${hash}`);
  }
  const writeSoon = () => {
    if (!delay) return write();
    clearTimeout(timer);
    timer = setTimeout(write, delay);
  };

  function replace(next, changed, source = "", silent = false) {
    state = next;
    writeSoon();
    if (!silent) for (const fn of listeners) fn(state, changed, source);
  }

  win.addEventListener("hashchange", () => {
    if (win.location.hash === written) return;
    written = win.location.hash;
    const next = parse(written);
    replace(next, new Set(Object.keys(next)), "hash");
  });

  return {
    get: () => state,
    set(patch, { silent = false, source = "", changed = new Set(Object.keys(patch)) } = {}) {
      replace({ ...state, ...patch }, changed, source, silent);
    },
    replace,
    write,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
