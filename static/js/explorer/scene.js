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
 *   scene.hit(view, px, py) -> {panel, i, j, bias?} | null   (CSS px on that view's canvas)
 *   scene.cellSize(view) -> px
 * spec[view] = { panels: [{matrix, label, mask?, filled?(i, j)}], maxAbs, outline?: {top, left,
 *   rows, cols} (input: the unpadded region), at?: {rows, cols} (kernel tap positions, so
 *   dilation leaves gaps), span?: {rows, cols}, slices?, bias?: [{value, label}] }
 */
import { fitCanvas } from "../shared/canvas.js";
import { fmt, fmtCell, fmtShort } from "../shared/format.js";
import { drawLegend, inkFor, makeScale } from "../render/colors.js";
import { cellRect, drawCell, drawEmpty, drawGrid, hitCell, strokeCells } from "../render/grid.js";
import { SIZES, layoutKernels, layoutPanels, panelAt } from "../render/layout.js";

const VIEWS = ["input", "kernel", "output"];
const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif';
const STYLE = {
  window: [{ color: "#fff", width: 4 }, { color: "#111", width: 2 }],
  current: [{ color: "#fff", width: 5 }, { color: "#111", width: 2.5 }],
  reads: [{ color: "#fff", width: 4 }, { color: "#7a2e8e", width: 2.5, dash: [4, 3] }],
  hover: [{ color: "#fff", width: 4 }, { color: "#e08a00", width: 2.5 }],
};

export function createScene(els, { large = false, fitHeight = () => Infinity } = {}) {
  const views = {};
  let sizes = SIZES(large);

  function layoutOf(view, s, width) {
    // Projector: cells also shrink to fit the screen's height (grids, sum and transport in
    // one 1280x720 screen), never below the size that keeps numbers at 20 px and more.
    const rows = view === "kernel" ? s.span.rows : s.panels[0].matrix.length;
    const room = view === "kernel" ? fitHeight() / 2 : fitHeight(); // the sum goes under the kernel
    const byHeight = Math.floor((room - sizes.labelH - sizes.legendH - 12) / rows);
    const maxCell = Math.max(large ? 40 : 18, Math.min(sizes.maxCell[view], byHeight));
    const common = { width, maxCell, gap: sizes.gap, labelH: sizes.labelH };
    if (view === "kernel") {
      return layoutKernels({
        ...common,
        filters: s.panels.length / s.slices,
        slices: s.slices,
        rows: s.span.rows,
        cols: s.span.cols,
        bias: Boolean(s.bias),
      });
    }
    const [m] = s.panels.map((p) => p.matrix);
    return layoutPanels({ ...common, count: s.panels.length, rows: m.length, cols: m[0].length });
  }

  function opts(v, p) {
    const panel = v.layout.panels[p];
    const small = v.layout.cell < 18;
    return {
      x: panel.x,
      y: panel.y,
      cell: v.layout.cell,
      gap: small ? (v.layout.cell < 6 ? 0 : 1) : 2,
      color: v.color,
      ink: v.ink,
      text: (x) => fmtCell(x, v.layout.cell),
      minText: large ? 24 : 18,
      textScale: large ? 0.5 : 0.42,
      font: FONT,
      mask: v.spec.panels[p].mask,
      at: v.spec.at,
    };
  }

  function paintPanel(v, p) {
    const { matrix, label, filled } = v.spec.panels[p];
    const o = opts(v, p);
    const panel = v.layout.panels[p];
    const ctx = v.bctx;
    ctx.clearRect(panel.x - 2, panel.y - sizes.labelH, panel.w + 4, panel.h + sizes.labelH + 2);
    ctx.fillStyle = "#222";
    ctx.font = `600 ${sizes.font}px ${FONT}`;
    ctx.textAlign = "left";
    ctx.textBaseline = "alphabetic";
    ctx.fillText(label, panel.x, panel.y - 9);
    if (v.spec.at) {
      // dilation gaps: every position of the span, faint, then the taps on top
      ctx.fillStyle = "#f1f2f4";
      ctx.fillRect(panel.x, panel.y, panel.w - 1, panel.h - 1);
    }
    drawGrid(ctx, matrix, { ...o, filled });
    const out = v.spec.outline;
    if (out) {
      const a = cellRect(o, out.top, out.left);
      ctx.save();
      ctx.strokeStyle = "#222";
      ctx.lineWidth = 1.5;
      ctx.setLineDash([5, 3]);
      ctx.strokeRect(a.x - 1, a.y - 1, out.cols * o.cell + 1, out.rows * o.cell + 1);
      ctx.restore();
    }
  }

  function paintBias(v, f) {
    const b = v.spec.bias[f];
    const panel = v.layout.biasPanels[f];
    const ctx = v.bctx;
    ctx.fillStyle = "#222";
    ctx.font = `600 ${sizes.font}px ${FONT}`;
    ctx.textAlign = "left";
    ctx.fillText(b.label, panel.x, panel.y - 9);
    drawCell(ctx, b.value, 0, 0, { x: panel.x, y: panel.y, cell: panel.w, gap: 2, color: v.color, ink: v.ink, text: (x) => fmtCell(x, panel.w), minText: 14, font: FONT });
  }

  // Give each view a width in proportion to its columns of cells, so that on a wide screen the
  // three views share one cell size: the kernel then covers exactly its window on the input.
  function share(spec) {
    const box = els.input.base.closest(".views");
    if (!box) return;
    const colsOf = (s) => (s && s.panels.length ? s.panels[0].matrix[0].length : 1);
    const k = spec.kernel;
    const kernelCols = k && k.span ? k.slices * k.span.cols + (k.bias ? 1.5 : 0) + k.slices * 0.4 : colsOf(k);
    box.style.setProperty("--g-input", String(colsOf(spec.input) + 1));
    box.style.setProperty("--g-kernel", String(Math.max(4, kernelCols + 1)));
    box.style.setProperty("--g-output", String(colsOf(spec.output) + 1));
  }

  const scene = {
    configure(spec, opt = {}) {
      if ("large" in opt) {
        large = opt.large;
        sizes = SIZES(large);
      }
      share(spec);
      for (const view of VIEWS) {
        const s = spec[view];
        const el = els[view];
        if (!s || !s.panels.length) continue;
        const room = Math.max(120, el.base.parentElement.clientWidth - 4);
        const layout = layoutOf(view, s, room);
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
        s.panels.forEach((_, p) => paintPanel(v, p));
        if (s.bias) s.bias.forEach((_, f) => paintBias(v, f));
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
      paintPanel(v, p);
    },
    bias(f, value) {
      const v = views.kernel;
      if (!v || !v.spec.bias) return;
      v.spec.bias[f] = { ...v.spec.bias[f], value };
      paintBias(v, f);
    },
    cell(view, p, i, j, value) {
      const v = views[view];
      if (!v) return;
      const o = opts(v, p);
      if (value === null || value === undefined) drawEmpty(v.bctx, i, j, o);
      else drawCell(v.bctx, value, i, j, o);
    },
    overlay(view, { marks = [], veil = [] } = {}) {
      const v = views[view];
      if (!v) return;
      const ctx = v.octx;
      ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
      ctx.fillStyle = "rgba(255, 255, 255, 0.72)";
      for (const p of veil) {
        const r = v.layout.panels[p];
        if (r) ctx.fillRect(r.x - 1, r.y - 1, r.w + 2, r.h + 2);
      }
      const thin = Math.max(1, v.layout.cell / 4); // tiny cells: thin lines, or a window is a blot
      for (const m of marks) {
        const o = opts(v, m.panel);
        for (const base of STYLE[m.kind] || STYLE.window) {
          const style = m.box ? base : { ...base, width: Math.min(base.width, thin) };
          if (!m.box && v.layout.cell < 8 && m.cells.length > 1) {
            // Too small to outline each tap: a box around the window and a dot per tap.
            const rs = m.cells.map(([i]) => i);
            const cs = m.cells.map(([, j]) => j);
            const a = cellRect(o, Math.min(...rs), Math.min(...cs));
            const b = cellRect(o, Math.max(...rs), Math.max(...cs));
            ctx.save();
            ctx.strokeStyle = base.color;
            ctx.lineWidth = base.width * 0.8;
            ctx.strokeRect(a.x - 1, a.y - 1, b.x + b.w - a.x + 2, b.y + b.h - a.y + 2);
            ctx.fillStyle = base.color;
            for (const [i, j] of m.cells) {
              const r = cellRect(o, i, j);
              ctx.fillRect(r.x + r.w / 2 - 0.75, r.y + r.h / 2 - 0.75, 1.5, 1.5);
            }
            ctx.restore();
            continue;
          }
          if (m.box) {
            const r = v.layout.panels[m.panel];
            ctx.save();
            ctx.strokeStyle = style.color;
            ctx.lineWidth = style.width;
            ctx.strokeRect(r.x - 3, r.y - 3, r.w + 4, r.h + 4);
            ctx.restore();
          } else strokeCells(ctx, m.cells, o, style);
        }
      }
    },
    hit(view, px, py) {
      const v = views[view];
      if (!v) return null;
      const p = panelAt(v.layout, px, py);
      if (p < 0) {
        const f = (v.layout.biasPanels || []).findIndex((r) => px >= r.x && px < r.x + r.w && py >= r.y && py < r.y + r.h);
        return f >= 0 ? { panel: f, bias: true, i: 0, j: 0 } : null;
      }
      const m = v.spec.panels[p].matrix;
      const ij = hitCell(opts(v, p), m.length, m[0].length, px, py);
      return ij ? { panel: p, i: ij[0], j: ij[1] } : null;
    },
    cellSize: (view) => (views[view] ? views[view].layout.cell : 0),
  };
  return scene;
}
