/**
 * receptive/views.js: the three canvases (last-map strip, input grid, bar chart) and the
 * pointer and keyboard on them. Where things go is views-layout.js, drawing views-draw.js
 * (over the pure renderers strip.js, field.js, bars.js), events views-input.js; this module
 * keeps what is shown and wires them.
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
import { drawOverlay, drawViews, readoutText } from "./views-draw.js";
import { bindGrid, bindStrip } from "./views-input.js";
import { layoutViews, viewSizes } from "./views-layout.js";

export function createViews(doc, { t, fmt, onPickY, onPreviewY }) {
  const $ = (id) => doc.getElementById(id);
  const el = { wrap: $("figure"), strip: $("strip"), field: $("field"), over: $("field-over"), bars: $("bars"), readout: $("readout") };
  let field = null;
  let y = 0;
  let chosen = 0;
  let layout = null; // {geom, strip, bars} of the field drawn
  const grid = bindGrid(el.over, { geom: () => layout?.geom, field: () => field, changed: overlay });
  bindStrip(el.strip, { strip: () => layout?.strip, y: () => y, onPickY, onPreviewY });

  function readout() {
    el.readout.textContent = readoutText(field, grid.at(), t, fmt);
  }

  function overlay() {
    drawOverlay(el.over, field, layout.geom, grid.at());
    readout();
  }

  function draw() {
    if (!field) return;
    const s = viewSizes(doc.documentElement.classList.contains("large"), window.innerHeight);
    layout = layoutViews(field, s, el.wrap.clientWidth);
    drawViews(el, field, layout, { y, chosen, font: s.font, fmt });
    grid.fit(layout.geom);
    overlay();
  }

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
