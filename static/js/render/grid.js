/**
 * grid.js: draw a matrix of numbers as coloured cells on a 2D canvas. Pure: no state, no DOM
 * reads; everything it needs comes in through its arguments.
 *
 *   drawGrid(ctx, matrix, opts) -> void
 *     ctx     CanvasRenderingContext2D with the CSS-pixel transform already set
 *     matrix  number[][] (rows of numbers)
 *     opts    {
 *       x, y        top-left corner in CSS px
 *       cell        cell size in CSS px
 *       gap         px between cells (default 1)
 *       color       v -> CSS fill (e.g. colors.makeScale(maxAbs)); required
 *       ink         v -> CSS text colour (default "#111")
 *       text        v -> string, or null for no numbers; numbers are only drawn when
 *                   cell >= minText (default 18)
 *       font        CSS font family (size is derived from the cell)
 *       textScale   font size as a fraction of the cell (default 0.42)
 *       mask        boolean[][] (true = padding): drawn hatched with a dashed edge
 *       at          {rows: number[], cols: number[]} grid position of each row/column, so a
 *                   dilated kernel can leave gaps (default: 0, 1, 2, ...)
 *       filled      (i, j) -> bool; cells that return false are drawn empty (default: all)
 *     }
 *   drawCell(ctx, v, i, j, opts)            one cell of the same grid (incremental redraw)
 *   drawEmpty(ctx, i, j, opts)              an empty (not yet computed) cell
 *   cellRect(opts, i, j) -> {x, y, w, h}    where cell (i, j) is drawn
 *   gridSize(rows, cols, opts) -> {w, h}    the grid's extent in CSS px
 *   hitCell(opts, rows, cols, px, py) -> [i, j] | null   which cell a point falls in
 *   strokeCells(ctx, cells, opts, style)    outline cells [[i, j], ...]; style {color, width, dash}
 */

const hatches = new WeakMap(); // one hatch pattern per context: patterns belong to a context

function hatch(ctx) {
  let p = hatches.get(ctx);
  if (!p) {
    const c = document.createElement("canvas");
    c.width = c.height = 8;
    const g = c.getContext("2d");
    g.strokeStyle = "rgba(40, 40, 40, 0.35)";
    g.lineWidth = 1.2;
    g.beginPath();
    g.moveTo(-2, 10);
    g.lineTo(10, -2);
    g.moveTo(6, 10);
    g.lineTo(10, 6);
    g.moveTo(-2, 2);
    g.lineTo(2, -2);
    g.stroke();
    p = ctx.createPattern(c, "repeat");
    hatches.set(ctx, p);
  }
  return p;
}

export function cellRect(opts, i, j) {
  const gap = opts.gap ?? 1;
  const r = opts.at ? opts.at.rows[i] : i;
  const c = opts.at ? opts.at.cols[j] : j;
  return { x: opts.x + c * opts.cell, y: opts.y + r * opts.cell, w: opts.cell - gap, h: opts.cell - gap };
}

export function gridSize(rows, cols, opts) {
  const lastR = opts.at ? opts.at.rows[rows - 1] : rows - 1;
  const lastC = opts.at ? opts.at.cols[cols - 1] : cols - 1;
  return { w: (lastC + 1) * opts.cell, h: (lastR + 1) * opts.cell };
}

export function hitCell(opts, rows, cols, px, py) {
  const gr = Math.floor((py - opts.y) / opts.cell);
  const gc = Math.floor((px - opts.x) / opts.cell);
  const i = opts.at ? opts.at.rows.indexOf(gr) : gr;
  const j = opts.at ? opts.at.cols.indexOf(gc) : gc;
  return i >= 0 && i < rows && j >= 0 && j < cols ? [i, j] : null;
}

export function drawEmpty(ctx, i, j, opts) {
  const { x, y, w, h } = cellRect(opts, i, j);
  ctx.clearRect(x, y, w + (opts.gap ?? 1), h + (opts.gap ?? 1));
  ctx.fillStyle = "#eef0f3";
  ctx.fillRect(x, y, w, h);
  if (opts.mask && opts.mask[i] && opts.mask[i][j]) {
    ctx.fillStyle = hatch(ctx); // an empty padding cell (or a cropped one) is still padding
    ctx.fillRect(x, y, w, h);
  }
}

export function drawCell(ctx, v, i, j, opts) {
  const { x, y, w, h } = cellRect(opts, i, j);
  ctx.fillStyle = opts.color(v);
  ctx.fillRect(x, y, w, h);
  const pad = opts.mask && opts.mask[i] && opts.mask[i][j];
  if (pad) {
    ctx.fillStyle = hatch(ctx);
    ctx.fillRect(x, y, w, h);
  }
  if (opts.text && opts.cell >= (opts.minText ?? 18)) {
    const s = opts.text(v);
    const size = Math.max(8, Math.min(opts.cell * (opts.textScale || 0.42), (w * 1.6) / Math.max(2.2, s.length)));
    ctx.font = `${pad ? "italic " : ""}${Math.round(size)}px ${opts.font || "system-ui, sans-serif"}`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.fillStyle = opts.ink ? opts.ink(v) : "#111";
    ctx.fillText(s, x + w / 2, y + h / 2 + 0.5);
  }
}

export function drawGrid(ctx, matrix, opts) {
  const filled = opts.filled;
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i];
    for (let j = 0; j < row.length; j++) {
      if (filled && !filled(i, j)) drawEmpty(ctx, i, j, opts);
      else drawCell(ctx, row[j], i, j, opts);
    }
  }
}

export function strokeCells(ctx, cells, opts, style = {}) {
  ctx.save();
  ctx.strokeStyle = style.color || "#111";
  ctx.lineWidth = style.width || 2;
  ctx.setLineDash(style.dash || []);
  // Centred just outside the cell's edge, so the outline never covers the number inside.
  const out = Math.max(1, (opts.gap ?? 1) / 2);
  for (const [i, j] of cells) {
    const { x, y, w, h } = cellRect(opts, i, j);
    ctx.strokeRect(x - out, y - out, w + 2 * out, h + 2 * out);
  }
  ctx.restore();
}
