/**
 * scene.js: the three views (input, kernel, output) on layered canvases.
 *
 * Each view has a base canvas (cells, drawn when the plan or the layout changes, then cell by
 * cell as values arrive) and an overlay canvas on top (window, current cell, hover marks:
 * cleared and redrawn every frame). A playing frame therefore costs a few cells and a few
 * rectangles, not a full redraw: that is what keeps 60 fps on a 32x32x3 input.
 *
 * createScene(els, {large, fitHeight}) with els = {input, kernel, output}: each {base, over} canvases
 *   scene.configure(spec)      lay out and paint every view from a spec (below); call again on
 *                              resize or a large-type switch
 *   scene.cell(view, panel, i, j, v)   repaint one base cell (v = null: not computed yet)
 *   scene.bias(f, v)           repaint the bias cell of filter f
 *   scene.paint(view, panel, matrix, filled?)   repaint one panel
 *   scene.overlay(view, {marks, veil})   marks: [{panel, cells: [[i, j]], kind}] with kind
 *                              "window" | "current" | "reads" | "hover"; {panel, box: true}
 *                              outlines a whole panel; veil: panels to fade (outside the group)
 *   scene.overlays({input, kernel, output}, hover, readers)   all three, plus the hover marks
 *   scene.hit(view, px, py) -> {panel, i, j, bias?} | null   (CSS px on that view's canvas)
 *   scene.cellSize(view) -> px
 * spec[view] = { panels: [{matrix, label, mask?, filled?(i, j)}], maxAbs, outline?: {top, left,
 *   rows, cols} (input: the unpadded region), at?: {rows, cols} (kernel tap positions, so
 *   dilation leaves gaps), span?: {rows, cols}, slices?, bias?: [{value, label}] }
 */
import { fitCanvas } from "../shared/canvas.js";
import { fmt, fmtShort } from "../shared/format.js";
import { drawLegend, inkFor, makeScale } from "../render/colors.js";
import { drawCell, drawEmpty } from "../render/grid.js";
import { SIZES } from "../render/layout.js";
import { FONT, cellOptions, drawOverlay, hitView, paintBias, paintPanel } from "./scene-draw.js";
import { layoutView, shareColumns } from "./scene-layout.js";

const VIEWS = ["input", "kernel", "output"];

export function createScene(els, { large = false, fitHeight = () => Infinity } = {}) {
  const views = {};
  let sizes = SIZES(large);

  const scene = {
    configure(spec, opt = {}) {
      if ("large" in opt) {
        large = opt.large;
        sizes = SIZES(large);
      }
      shareColumns(els.input.base.closest(".views"), spec);
      for (const view of VIEWS) {
        const s = spec[view];
        const el = els[view];
        if (!s || !s.panels.length) continue;
        const room = Math.max(120, el.base.parentElement.clientWidth - 4);
        const layout = layoutView(view, s, room, { sizes, large, fitHeight });
        const legendH = sizes.legendH;
        const height = layout.height + legendH;
        const lw = Math.max(90, Math.min(large ? 320 : 220, room - 24)); // legend bar width
        const width = Math.max(layout.width, lw + 24);
        const v = {
          spec: s,
          layout,
          legend: lw,
          color: makeScale(s.maxAbs),
          ink: (x) => inkFor(x, s.maxAbs),
          bctx: fitCanvas(el.base, width, height),
          octx: fitCanvas(el.over, width, height),
        };
        views[view] = v;
        v.bctx.clearRect(0, 0, width + 1, height + 1);
        s.panels.forEach((_, p) => paintPanel(v, p, { sizes, large }));
        if (s.bias) s.bias.forEach((_, f) => paintBias(v, f, { sizes }));
        drawLegend(v.bctx, {
          x: 6,
          y: layout.height + 10,
          width: v.legend,
          height: large ? 16 : 10,
          maxAbs: s.maxAbs,
          format: (x) => (Math.abs(x) >= 1e4 ? fmtShort(x) : fmt(x, 3)),
          font: `${Math.round(sizes.font * 0.9)}px ${FONT}`,
        });
      }
    },
    paint(view, p, matrix, filled) {
      const v = views[view];
      if (!v) return;
      v.spec.panels[p] = { ...v.spec.panels[p], matrix, filled };
      paintPanel(v, p, { sizes, large });
    },
    bias(f, value) {
      const v = views.kernel;
      if (!v || !v.spec.bias) return;
      v.spec.bias[f] = { ...v.spec.bias[f], value };
      paintBias(v, f, { sizes });
    },
    cell(view, p, i, j, value) {
      const v = views[view];
      if (!v) return;
      const o = cellOptions(v, p, large);
      if (value === null || value === undefined) drawEmpty(v.bctx, i, j, o);
      else drawCell(v.bctx, value, i, j, o);
    },
    overlay(view, marks = {}) {
      if (views[view]) drawOverlay(views[view], marks, large);
    },
    /**
     * Every view's overlay for one frame; a hovered (or pinned) input cell adds its mark and
     * the outputs that read it (readers: Map panel -> cells), the same on every tab.
     */
    overlays(marks, hover = null, readers = new Map()) {
      const { input = {}, kernel = {}, output = {} } = marks;
      if (hover && hover.view === "input") {
        input.marks = [...(input.marks || []), { panel: hover.panel, cells: [[hover.i, hover.j]], kind: "hover" }];
        output.marks = [...(output.marks || []), ...[...readers].map(([panel, cells]) => ({ panel, cells, kind: "reads" }))];
      }
      scene.overlay("input", input);
      scene.overlay("kernel", kernel);
      scene.overlay("output", output);
    },
    hit: (view, px, py) => (views[view] ? hitView(views[view], px, py, large) : null),
    cellSize: (view) => (views[view] ? views[view].layout.cell : 0),
  };
  return scene;
}
