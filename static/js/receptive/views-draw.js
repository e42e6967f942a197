/**
 * receptive/views-draw.js: the canvases drawn from one layout (views-layout.js), and the words
 * that go with them. Drawing is the pure renderers' (strip.js, field.js, bars.js); this sizes
 * the canvases and writes the attributes tests and screen readers read.
 *
 *   drawViews(el, field, layout, {y, chosen, font, fmt})
 *       el: {strip, field, over, bars} canvases; strip, grid and bars for output y (chosen,
 *       the committed y, keeps an outline while y is a preview); #field's test hooks
 *       (data-holes, -x0, -y0, -cell, -rf, -y) and the strip's slider values
 *   drawOverlay(canvas, field, geom, cursor)   the region and the cursor cell on top of the grid
 *   readoutText(field, at, t, fmt) -> string   the words for input cell `at` (null: a hint)
 */
import { fitCanvas } from "../shared/canvas.js";
import { drawBars } from "./bars.js";
import { drawField, drawFieldOverlay, pathsAt } from "./field.js";
import { drawStrip } from "./strip.js";

export function drawViews(el, field, { geom, strip, bars }, { y, chosen, font, fmt }) {
  fitCanvas(el.strip, strip.width, strip.height);
  drawStrip(el.strip.getContext("2d"), strip, geom, field, { y, mark: chosen, font, fmt });
  const ctx = fitCanvas(el.field, geom.width, geom.height);
  fitCanvas(el.over, geom.width, geom.height);
  const { holes } = drawField(ctx, field, geom, { font, fmt });
  Object.assign(el.field.dataset, { holes, x0: geom.x0, y0: geom.y0, cell: geom.cell, rf: field.size, y });
  drawBars(fitCanvas(el.bars, bars.width, bars.height), field, geom, bars, { font, fmt });
  sliderValues(el.strip, field, strip.n, y, fmt);
}

function sliderValues(canvas, field, n, y, fmt) {
  const [u, v] = field.region;
  canvas.setAttribute("aria-valuemin", "0");
  canvas.setAttribute("aria-valuemax", String(n - 1));
  canvas.setAttribute("aria-valuenow", String(y));
  // read out with the value, so a key press also says where y looks
  canvas.setAttribute("aria-valuetext", `y = ${y}: r₀ = ${field.size}, [u, v] = [${fmt(u)}, ${fmt(v)}]`);
}

export function drawOverlay(canvas, field, geom, cursor) {
  drawFieldOverlay(canvas.getContext("2d"), field, geom, { cursor });
}

export function readoutText(field, at, t, fmt) {
  if (!field || !at) return t("rf.readout.hint");
  const n = pathsAt(field, at.r, at.c);
  return n === null
    ? t("rf.readout.pad", { i: fmt(at.r), j: fmt(at.c) })
    : t("rf.readout.cell", { i: fmt(at.r), j: fmt(at.c), a: fmt(field.paths[at.r]), b: fmt(field.paths[at.c]), n: fmt(n) });
}
