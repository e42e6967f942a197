/**
 * lessons/registry.js: every lesson module by its slug (the page's URL, app/pages.py LESSONS).
 * Each module exports controls, defaults, notes, api(state), link(state, data),
 * question(data, state, ctx) and render(figure, data, state, ctx); lessons/main.js wires them.
 */
import * as sharing from "./sharing.js";

export const LESSONS = { sharing };
