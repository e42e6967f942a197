/**
 * receptive/views.js: the three canvases (last-map strip, input grid, bar chart) and the
 * pointer and keyboard on them. Drawing is delegated to the pure renderers (strip.js,
 * field.js, bars.js); this module sizes the canvases and turns events into calls.
 *
 *   createViews(doc, {t, fmt, onPickY, onPreviewY}) -> views
 *     onPickY(y)                a click, or arrow keys on the strip: choose output y
 *     onPreviewY(y | null)      the pointer is over strip cell y (null: it left)
 *     views.show(field, y, chosen = y)   draw the server's answer for output y; while a hover
 *                               previews y, `chosen` (the committed y) keeps an outline
 *     views.relayout()          after a resize, the large-type switch or a language switch
 *
 * Test hooks on #field: data-holes (cells in the field with 0 paths), data-x0, data-y0 and
 * data-cell (CSS px of input cell (0, 0) and the cell pitch), data-rf, data-y.
 */
import { fitCanvas } from "../shared/canvas.js";
import { SIZES } from "../render/layout.js";
import { barsLayout, drawBars } from "./bars.js";
import { drawField, drawFieldOverlay, fieldCellAt, fieldLayout, pathsAt } from "./field.js";
import { drawStrip, stripIndexAt, stripLayout } from "./strip.js";

const local = (canvas, e) => {
  // CSS px of the drawing, even when max-width: 100% has shrunk the canvas on a phone
  const r = canvas.getBoundingClientRect();
  const k = parseFloat(canvas.style.width) / r.width || 1;
  return [(e.clientX - r.left) * k, (e.clientY - r.top) * k];
};

export function createViews(doc, { t, fmt, onPickY, onPreviewY }) {
  const $ = (id) => doc.getElementById(id);
  const el = { wrap: $("figure"), strip: $("strip"), field: $("field"), over: $("field-over"), bars: $("bars"), readout: $("readout") };
  let field = null;
  let y = 0;
  let chosen = 0;
  let geom = null;
  let strip = null;
  let hoverY = null;
  let cursor = null; // the keyboard's (or last click's) cell
  let pointer = null; // the cell under the mouse, shown while it is there

  function sizes() {
    const large = doc.documentElement.classList.contains("large");
    const s = SIZES(large);
    const tall = Math.max(320, window.innerHeight - 120); // grid and strip fit one screen
    return { ...s, maxCell: large ? 60 : 42, stripCell: large ? 52 : 34, plotH: large ? 140 : 90, maxHeight: Math.min(large ? 900 : 640, tall) };
  }

  function readout() {
    const at = pointer || cursor;
    if (!field || !at) {
      el.readout.textContent = t("rf.readout.hint");
      return;
    }
    const n = pathsAt(field, at.r, at.c);
    el.readout.textContent =
      n === null
        ? t("rf.readout.pad", { i: fmt(at.r), j: fmt(at.c) })
        : t("rf.readout.cell", { i: fmt(at.r), j: fmt(at.c), a: fmt(field.paths[at.r]), b: fmt(field.paths[at.c]), n: fmt(n) });
  }

  function overlay() {
    drawFieldOverlay(el.over.getContext("2d"), field, geom, { cursor: pointer || cursor });
    readout();
  }

  function drawStripNow() {
    drawStrip(el.strip.getContext("2d"), strip, geom, field, { y, mark: chosen, font: sizes().font, fmt });
  }

  function draw() {
    if (!field) return;
    const s = sizes();
    const [u, v] = field.region;
    // padding frame: wide enough for any output's region (P0), or this one's overhang
    const margin = Math.max(0, field.padding, -u, v - (field.paths.length - 1));
    const width = Math.max(240, el.wrap.clientWidth);
    const gutter = Math.round(s.font * 2.4);
    geom = fieldLayout({ size: field.paths.length, margin, width, maxCell: s.maxCell, maxHeight: s.maxHeight, gutter });
    strip = stripLayout(geom, field.maps[field.maps.length - 1], { maxCell: s.stripCell, font: s.font, width });
    const bars = barsLayout(geom, { font: s.font, plotH: s.plotH });

    fitCanvas(el.strip, strip.width, strip.height);
    drawStripNow();
    const ctx = fitCanvas(el.field, geom.width, geom.height);
    fitCanvas(el.over, geom.width, geom.height);
    const { holes } = drawField(ctx, field, geom, { font: s.font, fmt });
    Object.assign(el.field.dataset, { holes, x0: geom.x0, y0: geom.y0, cell: geom.cell, rf: field.size, y });
    drawBars(fitCanvas(el.bars, bars.width, bars.height), field, geom, bars, { font: s.font, fmt });
    const onGrid = (i) => i >= -margin && i < geom.size + margin;
    if (cursor && !(onGrid(cursor.r) && onGrid(cursor.c))) cursor = null; // the grid shrank
    overlay();

    const n = strip.n;
    el.strip.setAttribute("aria-valuemin", "0");
    el.strip.setAttribute("aria-valuemax", String(n - 1));
    el.strip.setAttribute("aria-valuenow", String(y));
    // read out with the value, so a key press also says where y looks
    el.strip.setAttribute("aria-valuetext", `y = ${y}: r₀ = ${field.size}, [u, v] = [${fmt(u)}, ${fmt(v)}]`);
  }

  // strip: hover previews, click and keys choose
  el.strip.addEventListener("pointermove", (e) => {
    if (!strip) return;
    const i = stripIndexAt(strip, local(el.strip, e)[0]);
    const next = i < 0 ? null : i;
    if (next === hoverY) return;
    hoverY = next;
    onPreviewY(hoverY);
  });
  el.strip.addEventListener("pointerleave", () => {
    if (hoverY === null) return;
    hoverY = null;
    onPreviewY(null);
  });
  el.strip.addEventListener("click", (e) => {
    const i = strip ? stripIndexAt(strip, local(el.strip, e)[0]) : -1;
    if (i >= 0) {
      hoverY = null;
      onPickY(i);
    }
  });
  el.strip.addEventListener("keydown", (e) => {
    if (!strip) return;
    const n = strip.n;
    const big = Math.max(1, Math.round(n / 10));
    const to = { ArrowLeft: y - 1, ArrowDown: y - 1, ArrowRight: y + 1, ArrowUp: y + 1, Home: 0, End: n - 1, PageDown: y - big, PageUp: y + big }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    onPickY(Math.max(0, Math.min(n - 1, to)));
  });

  // grid: the pointer reads a cell; a click or the arrow keys keep a cursor
  el.over.addEventListener("pointermove", (e) => {
    if (!geom) return;
    const at = fieldCellAt(geom, ...local(el.over, e));
    if (at?.r === pointer?.r && at?.c === pointer?.c) return;
    pointer = at;
    overlay();
  });
  el.over.addEventListener("pointerleave", () => {
    pointer = null;
    if (field) overlay();
  });
  el.over.addEventListener("click", (e) => {
    if (!geom) return;
    cursor = fieldCellAt(geom, ...local(el.over, e)) || cursor;
    overlay();
  });
  el.over.addEventListener("focus", () => {
    if (!cursor && field) {
      const mid = Math.floor(field.center);
      cursor = { r: mid, c: mid };
    }
    if (field) overlay();
  });
  el.over.addEventListener("keydown", (e) => {
    const d = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] }[e.key];
    if (!d || !geom || !cursor) return;
    e.preventDefault();
    const lo = -geom.margin;
    const hi = geom.size + geom.margin - 1;
    cursor = { r: Math.max(lo, Math.min(hi, cursor.r + d[0])), c: Math.max(lo, Math.min(hi, cursor.c + d[1])) };
    pointer = null;
    overlay();
  });

  return {
    show(next, nextY, committed = nextY) {
      field = next;
      y = nextY;
      chosen = committed;
      draw();
    },
    relayout: draw,
    readout: () => field && readout(),
  };
}
