/**
 * receptive/field.js: the input grid, each cell shaded by its number of paths to the output.
 * Pure: everything comes in through the arguments (ctx, field = the server's answer, geom).
 *
 * The grid shows the input plus a frame of `margin` padding cells on every side, so the part
 * of the region [u, v] that falls in padding has somewhere to be drawn (hatched, no colour).
 *
 *   fieldLayout({size, margin, width, maxCell, maxHeight, gutter}) -> geom
 *       geom = {size, margin, cols, cell, gap, gutter, gridX, gridY, x0, y0, width, height}
 *       (x0, y0) is the top-left of input cell (0, 0) in CSS px; a cell is `cell` px apart
 *   pathsAt(field, r, c) -> number | null     the outer product paths[r] * paths[c]: THE ONE
 *       piece of arithmetic this page does. Every layer is square, so a path from input
 *       (r, c) to output (y, y) is a row path times a column path. null = padding (no pixel).
 *   drawField(ctx, field, geom, {font, fmt}) -> {holes}   cells and row labels (font: px);
 *       holes = cells inside the visible field with 0 paths (drawn empty, like outside)
 *   drawFieldOverlay(ctx, field, geom, {cursor}) -> void  region outlines and the cursor
 *   fieldCellAt(geom, px, py) -> {r, c} | null            input coordinates (may be padding)
 *   tickStep(cell, minPx) -> number                       1, 2, 5, 10, 20, 50, ... labels apart
 */
import { cellRect, drawGrid } from "../render/grid.js";
import { countInk, countScale } from "./ramp.js";

const INSET = 4; // px around the grid, so the outlines drawn just outside it stay visible
const INK = "#16181d";
const FOCUS = "#e08a00";
const FAMILY = "system-ui, sans-serif";

export function fieldLayout({ size, margin, width, maxCell, maxHeight, gutter }) {
  const cols = size + 2 * margin;
  const fit = Math.floor(Math.min(width - gutter - 2 * INSET, maxHeight - 2 * INSET) / cols);
  const cell = Math.max(2, Math.min(maxCell, fit));
  const gap = cell >= 8 ? 1 : 0;
  const gridX = INSET + gutter;
  const gridY = INSET;
  return {
    size, margin, cols, cell, gap, gutter, gridX, gridY,
    x0: gridX + margin * cell,
    y0: gridY + margin * cell,
    width: gridX + cols * cell + INSET,
    height: gridY + cols * cell + INSET,
  }; // prettier-ignore
}

export function pathsAt(field, r, c) {
  const n = field.paths.length;
  if (r < 0 || c < 0 || r >= n || c >= n) return null;
  return field.paths[r] * field.paths[c]; // 2-D field = outer product of the 1-D paths
}

export function tickStep(cell, minPx) {
  for (const base of [1, 10, 100, 1000]) {
    for (const m of [1, 2, 5]) if (m * base * cell >= minPx) return m * base;
  }
  return 10000;
}

function gridOpts(geom, extra) {
  return { x: geom.gridX, y: geom.gridY, cell: geom.cell, gap: geom.gap, ...extra };
}

export function drawField(ctx, field, geom, { font = 14, fmt = String } = {}) {
  const { cols, margin, cell } = geom;
  const max = Math.max(1, ...field.paths) ** 2;
  const scale = countScale(max);
  const ink = countInk(max);
  const matrix = [];
  const mask = [];
  for (let i = 0; i < cols; i++) {
    const row = [];
    const pad = [];
    for (let j = 0; j < cols; j++) {
      const v = pathsAt(field, i - margin, j - margin);
      row.push(v === null ? -1 : v);
      pad.push(v === null);
    }
    matrix.push(row);
    mask.push(pad);
  }
  ctx.clearRect(0, 0, geom.width, geom.height);
  drawGrid(ctx, matrix, gridOpts(geom, {
    color: (v) => (v < 0 ? "#fff" : scale(v)),
    ink,
    text: (v) => (v > 0 ? fmt(v) : ""),
    font: FAMILY,
    textScale: 0.5,
    minText: Math.round(font * 1.6), // numbers only where they are readable (14 px -> 22 px cells)
    mask,
    filled: (i, j) => matrix[i][j] !== 0, // 0 paths: drawn empty (grid.js drawEmpty)
  })); // prettier-ignore

  // Row numbers in the gutter (the bar chart below numbers the columns).
  const px = Math.round(Math.max(9, Math.min(font * 0.85, cell * 0.8)));
  ctx.font = `${px}px ${FAMILY}`;
  ctx.fillStyle = "#555b66";
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  const step = tickStep(cell, px * 1.3);
  for (let r = -margin; r < geom.size + margin; r++) {
    if (r % step === 0) ctx.fillText(fmt(r), geom.gridX - 4, geom.y0 + r * cell + (cell - geom.gap) / 2);
  }

  let holes = 0;
  const [a, b] = field.visible || [0, -1];
  for (let r = a; r <= b; r++) for (let c = a; c <= b; c++) if (pathsAt(field, r, c) === 0) holes++;
  return { holes };
}

function outline(ctx, geom, lo, hi, style) {
  const o = gridOpts(geom, {});
  const tl = cellRect(o, lo + geom.margin, lo + geom.margin);
  const br = cellRect(o, hi + geom.margin, hi + geom.margin);
  const out = style.width / 2 + 0.5;
  ctx.save();
  ctx.strokeStyle = style.color;
  ctx.lineWidth = style.width;
  ctx.setLineDash(style.dash || []);
  ctx.strokeRect(tl.x - out, tl.y - out, br.x + br.w - tl.x + 2 * out, br.y + br.h - tl.y + 2 * out);
  ctx.restore();
}

export function drawFieldOverlay(ctx, field, geom, { cursor = null } = {}) {
  ctx.clearRect(0, 0, geom.width, geom.height);
  const [u, v] = field.region;
  const lo = Math.max(u, -geom.margin);
  const hi = Math.min(v, geom.size + geom.margin - 1);
  const thin = geom.cell >= 8 ? 2 : 1.5;
  if (u < 0 || v >= geom.size) outline(ctx, geom, lo, hi, { color: INK, width: thin, dash: [6, 4] });
  if (field.visible) {
    const [a, b] = field.visible;
    outline(ctx, geom, a, b, { color: "#fff", width: thin + 3 }); // a halo, for dark cells
    outline(ctx, geom, a, b, { color: INK, width: thin + 1 });
  }
  if (cursor) {
    const { x, y, w, h } = cellRect(gridOpts(geom, {}), cursor.r + geom.margin, cursor.c + geom.margin);
    ctx.save();
    ctx.strokeStyle = FOCUS;
    ctx.lineWidth = 3;
    ctx.strokeRect(x - 1.5, y - 1.5, w + 3, h + 3);
    ctx.restore();
  }
}

export function fieldCellAt(geom, px, py) {
  const i = Math.floor((py - geom.gridY) / geom.cell);
  const j = Math.floor((px - geom.gridX) / geom.cell);
  if (i < 0 || j < 0 || i >= geom.cols || j >= geom.cols) return null;
  return { r: i - geom.margin, c: j - geom.margin };
}
