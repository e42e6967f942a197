/**
 * receptive/views-input.js: the pointer and the keyboard on the strip and on the grid. The
 * strip previews on hover and chooses on a click or a key; the grid reads the cell under the
 * pointer and keeps a cursor that a click or the arrow keys move.
 *
 *   bindStrip(canvas, {strip() -> strip | null, y() -> y, onPickY(y), onPreviewY(y | null)})
 *   bindGrid(canvas, {geom() -> geom | null, field() -> field | null, changed()}) -> grid
 *       grid.at() -> {r, c} | null   the cell under the pointer, else the cursor's
 *       grid.fit(geom)               after a new layout: drop a cursor the grid shrank away from
 *   localPoint(canvas, e) -> [x, y]                CSS px of the drawing under the event
 *   stripKeyTarget(key, y, n) -> y' | null         where a key sends y on a strip of n cells
 *   cursorKeyTarget(cursor, key, geom) -> {r, c} | null   an arrow key's cell, kept on the grid
 */
import { fieldCellAt } from "./field.js";
import { stripIndexAt } from "./strip.js";

export function localPoint(canvas, e) {
  // CSS px of the drawing, even when max-width: 100% has shrunk the canvas on a phone
  const r = canvas.getBoundingClientRect();
  const k = parseFloat(canvas.style.width) / r.width || 1;
  return [(e.clientX - r.left) * k, (e.clientY - r.top) * k];
}

export function stripKeyTarget(key, y, n) {
  const big = Math.max(1, Math.round(n / 10));
  const to = { ArrowLeft: y - 1, ArrowDown: y - 1, ArrowRight: y + 1, ArrowUp: y + 1, Home: 0, End: n - 1, PageDown: y - big, PageUp: y + big }[key];
  return to === undefined ? null : Math.max(0, Math.min(n - 1, to));
}

export function cursorKeyTarget(cursor, key, geom) {
  const d = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] }[key];
  if (!d) return null;
  const lo = -geom.margin;
  const hi = geom.size + geom.margin - 1;
  return { r: Math.max(lo, Math.min(hi, cursor.r + d[0])), c: Math.max(lo, Math.min(hi, cursor.c + d[1])) };
}

const onGrid = (geom, i) => i >= -geom.margin && i < geom.size + geom.margin;

export function bindStrip(canvas, { strip, y, onPickY, onPreviewY }) {
  let hoverY = null;
  const indexAt = (e) => stripIndexAt(strip(), localPoint(canvas, e)[0]);
  canvas.addEventListener("pointermove", (e) => {
    if (!strip()) return;
    const i = indexAt(e);
    const next = i < 0 ? null : i;
    if (next === hoverY) return;
    hoverY = next;
    onPreviewY(hoverY);
  });
  canvas.addEventListener("pointerleave", () => {
    if (hoverY === null) return;
    hoverY = null;
    onPreviewY(null);
  });
  canvas.addEventListener("click", (e) => {
    const i = strip() ? indexAt(e) : -1;
    if (i >= 0) {
      hoverY = null;
      onPickY(i);
    }
  });
  canvas.addEventListener("keydown", (e) => {
    const to = strip() ? stripKeyTarget(e.key, y(), strip().n) : null;
    if (to === null) return;
    e.preventDefault();
    onPickY(to);
  });
}

export function bindGrid(canvas, { geom, field, changed }) {
  let cursor = null; // the keyboard's (or last click's) cell
  let pointer = null; // the cell under the mouse, shown while it is there
  const cellAt = (e) => fieldCellAt(geom(), ...localPoint(canvas, e));
  canvas.addEventListener("pointermove", (e) => {
    if (!geom()) return;
    const at = cellAt(e);
    if (at?.r === pointer?.r && at?.c === pointer?.c) return;
    pointer = at;
    changed();
  });
  canvas.addEventListener("pointerleave", () => {
    pointer = null;
    if (field()) changed();
  });
  canvas.addEventListener("click", (e) => {
    if (!geom()) return;
    cursor = cellAt(e) || cursor;
    changed();
  });
  canvas.addEventListener("focus", () => {
    if (!cursor && field()) {
      const mid = Math.floor(field().center);
      cursor = { r: mid, c: mid };
    }
    if (field()) changed();
  });
  canvas.addEventListener("keydown", (e) => {
    const next = geom() && cursor ? cursorKeyTarget(cursor, e.key, geom()) : null;
    if (!next) return;
    e.preventDefault();
    cursor = next;
    pointer = null;
    changed();
  });
  return {
    at: () => pointer || cursor,
    fit(g) {
      if (cursor && !(onGrid(g, cursor.r) && onGrid(g, cursor.c))) cursor = null; // the grid shrank
    },
  };
}
