/**
 * explorer/scene-draw.js: pure drawing for the explorer's views, as functions of a laid-out
 * view v = {spec, layout, color, ink, bctx, octx, legend} (built by scene.js): a cell's
 * options, a panel, a bias cell, the overlay marks, and the hit test. No state of their own.
 */
import { fmtCell } from "../shared/format.js";
import { cellRect, drawCell, drawGrid, hitCell, strokeCells } from "../render/grid.js";
import { panelAt } from "../render/layout.js";

export const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif';
const STYLE = {
  window: [{ color: "#fff", width: 4 }, { color: "#111", width: 2 }],
  current: [{ color: "#fff", width: 5 }, { color: "#111", width: 2.5 }],
  reads: [{ color: "#fff", width: 4 }, { color: "#7a2e8e", width: 2.5, dash: [4, 3] }],
  hover: [{ color: "#fff", width: 4 }, { color: "#e08a00", width: 2.5 }],
};

export function cellOptions(v, p, large) {
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


export function paintPanel(v, p, { sizes, large }) {
  const { matrix, label, filled } = v.spec.panels[p];
  const o = cellOptions(v, p, large);
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


export function paintBias(v, f, { sizes }) {
  const b = v.spec.bias[f];
  const panel = v.layout.biasPanels[f];
  const ctx = v.bctx;
  ctx.fillStyle = "#222";
  ctx.font = `600 ${sizes.font}px ${FONT}`;
  ctx.textAlign = "left";
  ctx.fillText(b.label, panel.x, panel.y - 9);
  drawCell(ctx, b.value, 0, 0, { x: panel.x, y: panel.y, cell: panel.w, gap: 2, color: v.color, ink: v.ink, text: (x) => fmtCell(x, panel.w), minText: 14, font: FONT });
}

export function drawOverlay(v, { marks = [], veil = [] }, large) {
  const ctx = v.octx;
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.fillStyle = "rgba(255, 255, 255, 0.72)";
  for (const p of veil) {
    const r = v.layout.panels[p];
    if (r) ctx.fillRect(r.x - 1, r.y - 1, r.w + 2, r.h + 2);
  }
  const thin = Math.max(1, v.layout.cell / 4); // tiny cells: thin lines, or a window is a blot
  for (const m of marks) {
    const o = cellOptions(v, m.panel, large);
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
}

export function hitView(v, px, py, large) {
  const p = panelAt(v.layout, px, py);
  if (p < 0) {
    const f = (v.layout.biasPanels || []).findIndex((r) => px >= r.x && px < r.x + r.w && py >= r.y && py < r.y + r.h);
    return f >= 0 ? { panel: f, bias: true, i: 0, j: 0 } : null;
  }
  const m = v.spec.panels[p].matrix;
  const ij = hitCell(cellOptions(v, p, large), m.length, m[0].length, px, py);
  return ij ? { panel: p, i: ij[0], j: ij[1] } : null;
}
