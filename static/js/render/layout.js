/**
 * layout.js: where each grid goes on a canvas of a given width. Pure arithmetic on sizes.
 *
 *   layoutPanels({count, rows, cols, width, maxCell, minCell, gap, labelH, perRow}) -> layout
 *     Places `count` equal grids of rows x cols cells, as many per row as gives the biggest
 *     cells (capped at maxCell; then as many per row as fit). perRow forces a multiple (the
 *     kernel slices of one filter stay on one line when they can).
 *     layout = { cell, perRow, width, height, panels: [{x, y, w, h}] }   (grid origin per panel,
 *              the label sits in the labelH px above it)
 *   panelAt(layout, px, py) -> index | -1
 *   SIZES(large) -> {cell: {input, kernel, output}, font, labelH, legendH}
 */
export function SIZES(large) {
  return large
    ? { maxCell: { input: 72, kernel: 84, output: 72 }, font: 22, labelH: 38, legendH: 58, gap: 26 }
    : { maxCell: { input: 46, kernel: 52, output: 46 }, font: 14, labelH: 26, legendH: 40, gap: 16 };
}

const INSET = 6; // px around everything, so outlines drawn just outside a grid stay visible

export function layoutPanels({ count, rows, cols, width, maxCell, minCell = 3, gap = 16, labelH = 20, perRow = 1 }) {
  width -= 2 * INSET;
  let best = null;
  for (let p = perRow; p <= Math.max(perRow, count); p += perRow) {
    const fit = Math.floor((width - (p - 1) * gap) / (p * cols));
    const cell = Math.max(minCell, Math.min(maxCell, fit));
    if (!best || cell > best.cell || (cell === best.cell && fit >= maxCell)) best = { cell, perRow: p };
    if (p >= count) break;
  }
  const { cell, perRow: p } = best;
  const w = cols * cell;
  const h = rows * cell;
  const panels = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / p);
    const c = i % p;
    panels.push({ x: INSET + c * (w + gap), y: INSET + r * (h + labelH + gap) + labelH, w, h });
  }
  const nRows = Math.ceil(count / p);
  return {
    cell,
    perRow: p,
    width: Math.min(count, p) * (w + gap) - gap + 2 * INSET,
    height: nRows * (h + labelH + gap) - gap + 2 * INSET,
    panels,
  };
}

export function panelAt(layout, px, py) {
  return layout.panels.findIndex((p) => px >= p.x && px < p.x + p.w && py >= p.y && py < p.y + p.h);
}

/**
 * layoutKernels({filters, slices, rows, cols, width, maxCell, minCell, gap, labelH, bias})
 *   One line per filter: its `slices` kernel grids (rows x cols cells each, dilation gaps
 *   included) and, with bias, one more cell for b. Lines wrap when the slices do not fit.
 *   -> { cell, width, height, panels: [{x, y, w, h}] (index f * slices + c),
 *        biasPanels: [{x, y, w, h}] (index f) }
 */
export function layoutKernels({ filters, slices, rows, cols, width, maxCell, minCell = 16, gap = 12, labelH = 20, bias }) {
  width -= 2 * INSET;
  const extra = bias ? 1 : 0;
  let per = slices;
  let cell = Math.floor((width - (per - 1 + extra) * gap) / (per * cols + extra));
  while (cell < minCell && per > 1) {
    per = Math.ceil(per / 2);
    cell = Math.floor((width - (per - 1 + extra) * gap) / (per * cols + extra));
  }
  cell = Math.max(3, Math.min(maxCell, cell));
  const w = cols * cell;
  const h = rows * cell;
  const lines = Math.ceil(slices / per);
  const panels = [];
  const biasPanels = [];
  let y = INSET + labelH;
  let right = 0;
  for (let f = 0; f < filters; f++) {
    for (let c = 0; c < slices; c++) {
      const line = Math.floor(c / per);
      const x = INSET + (c % per) * (w + gap);
      panels.push({ x, y: y + line * (h + labelH + gap), w, h });
      right = Math.max(right, x + w);
    }
    if (bias) {
      const x = INSET + Math.min(per, slices) * (w + gap);
      biasPanels.push({ x, y: y + (lines - 1) * (h + labelH + gap) + h - cell, w: cell, h: cell });
      right = Math.max(right, x + cell, x + labelH * 2); // room for the label "b[f]"
    }
    y += lines * (h + labelH + gap);
  }
  return { cell, width: right + INSET, height: y - labelH - gap + INSET, panels, biasPanels };
}
