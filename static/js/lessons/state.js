/**
 * lessons/state.js: one lesson's settings, kept in the URL hash under the API's own names, so a
 * link restores the lesson and the same query asks the server.
 *
 *   createLessonStore(controls, defaults) -> hash store (shared/hash-store.js)
 *     state: {key: string} for every control; a missing or unusable value takes the default
 *   valid(control, text) -> bool      within the control's bounds or choices
 */
import { createHashStore } from "../shared/hash-store.js";

const NUMBER = /^-?\d+(\.\d+)?$/;

export function valid(c, v) {
  if (v === null || v === undefined) return false;
  if (c.kind === "select") return c.options.some((o) => String(o) === v);
  if (c.kind === "check") return v === "true" || v === "false";
  if (c.kind === "text") return new RegExp(c.pattern).test(v);
  return NUMBER.test(v) && Number(v) >= c.min && Number(v) <= c.max;
}

export function createLessonStore(controls, defaults) {
  const parse = (hash) => {
    const q = new URLSearchParams(hash.replace(/^#/, ""));
    const state = {};
    for (const c of controls) state[c.key] = valid(c, q.get(c.key)) ? q.get(c.key) : String(defaults[c.key]);
    return state;
  };
  const serialize = (state) => `#${new URLSearchParams(state).toString()}`;
  const store = createHashStore({ parse, serialize });
  store.write(); // the address names the whole configuration from the first paint
  return store;
}
