/**
 * lab/inspect.js: the numbers behind one output pixel, drawn with the explorer's renderers:
 * the input window, the kernel and their products as grids (render/grid.js, padding hatched),
 * the dot product written out (render/arithmetic.js), then ReLU or the Sobel magnitude.
 * Every number shown comes from POST /api/images/window; nothing is computed here.
 *
 *   renderInspect(section, win, {t, name, paddingMode}) -> void
 *   drawWindowOnInput(canvas, img, win) -> void   mark the taps on the input picture
 *   clearInput(canvas) -> void
 */
import { fitCanvas } from "../shared/canvas.js";
import { drawGrid, gridSize } from "../render/grid.js";
import { renderArithmetic } from "../render/arithmetic.js";
import { inkFor, makeScale, maxAbsOf } from "../render/colors.js";
import { fmt, fmtCell } from "../shared/format.js";

const MAX_GRID_PX = 250; // a grid never grows wider than this (11×11 cells of ~22 px)
const MAX_CELL = 54; // big enough for "−120.6" in a 3×3 window

function gridCanvas(matrix, mask, title) {
  const rows = matrix.length;
  const cols = matrix[0].length;
  const cell = Math.max(14, Math.min(MAX_CELL, Math.floor(MAX_GRID_PX / Math.max(rows, cols))));
  const maxAbs = maxAbsOf(matrix);
  const opts = {
    x: 0,
    y: 0,
    cell,
    gap: 1,
    color: makeScale(maxAbs),
    ink: (v) => inkFor(v, maxAbs),
    text: (v) => (cell >= 50 ? fmt(v, 4) : fmtCell(v, cell)), // the arithmetic's own digits
    minText: 18,
    mask,
  };
  const { w, h } = gridSize(rows, cols, opts);
  const figure = document.createElement("figure");
  figure.className = "grid-figure";
  const canvas = document.createElement("canvas");
  const ctx = fitCanvas(canvas, w, h);
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", `${title}: ${matrix.map((r) => r.map((v) => fmt(v)).join(", ")).join("; ")}`);
  drawGrid(ctx, matrix, opts);
  const caption = document.createElement("figcaption");
  caption.textContent = title;
  figure.append(caption, canvas);
  return figure;
}

function op(symbol) {
  const s = document.createElement("span");
  s.className = "grid-op";
  s.textContent = symbol;
  return s;
}

function termBlock(term, { t, single }) {
  const block = document.createElement("div");
  block.className = "term-block";
  block.dataset.filter = term.filter;
  if (!single) {
    const h = document.createElement("h3");
    h.textContent = t(`kernel.${term.filter}`);
    block.appendChild(h);
  }
  const mask = term.row_pad.map((rp) => term.col_pad.map((cp) => rp || cp));
  term.channels.forEach((label, c) => {
    const row = document.createElement("div");
    row.className = "grid-row";
    const ch = t("arith.channel", { c: label });
    row.append(
      gridCanvas(term.window[c], mask, `${t("lab.inspect.window")} (${ch})`),
      op("⊙"),
      gridCanvas(term.kernel[c], null, t("lab.inspect.kernel")),
      op("="),
      gridCanvas(term.products[c], mask, t("lab.inspect.products")),
    );
    block.appendChild(row);
  });
  const taps = document.createElement("p");
  taps.className = "taps";
  taps.textContent = t("lab.inspect.taps", { rows: term.rows.join(", "), cols: term.cols.join(", ") });
  block.appendChild(taps);
  const arith = document.createElement("div");
  arith.className = "arith";
  const pads = term.row_pad.flatMap((rp) => term.col_pad.map((cp) => rp || cp));
  renderArithmetic(
    arith,
    {
      channels: term.channels.map((label, c) => ({
        label: t("arith.channel", { c: label }),
        x: term.window[c].flat(),
        w: term.kernel[c].flat(),
        p: term.products[c].flat(),
        pad: pads,
        subtotal: term.partials[c],
      })),
      bias: null,
      value: term.value,
    },
    { t, maxTerms: 12 },
  );
  block.appendChild(arith);
  return block;
}

export function renderInspect(section, win, { t, name, paddingMode }) {
  section.hidden = false;
  section.querySelector("#inspect-title").textContent = t("lab.inspect.title", { name, row: win.row, col: win.col });
  const terms = section.querySelector("#inspect-terms");
  terms.innerHTML = "";
  const single = win.terms.length === 1;
  for (const term of win.terms) terms.appendChild(termBlock(term, { t, single }));
  const padded = win.terms.some((x) => x.row_pad.includes(true) || x.col_pad.includes(true));
  if (padded) {
    const note = document.createElement("p");
    note.className = "pad-note";
    note.textContent = t("lab.inspect.padding", { mode: t(`pm.${paddingMode}`) });
    terms.appendChild(note);
  }
  const final = section.querySelector("#inspect-final");
  const v = fmt(win.value);
  if (win.combine === "relu") final.textContent = t("lab.inspect.relu", { y: fmt(win.terms[0].value), v });
  else if (win.combine === "magnitude") {
    final.textContent = t("lab.inspect.magnitude", { gx: fmt(win.terms[0].value), gy: fmt(win.terms[1].value), v });
  } else final.textContent = ""; // the arithmetic's own "y = …" already is the map's value
  final.dataset.value = String(win.value);
}

export function clearInput(canvas) {
  canvas.getContext("2d").clearRect(0, 0, canvas.width, canvas.height);
}

export function drawWindowOnInput(canvas, img, win) {
  const w = img.clientWidth;
  const h = img.clientHeight;
  const ctx = fitCanvas(canvas, w, h);
  const sx = w / img.naturalWidth;
  const sy = h / img.naturalHeight;
  const { rows, cols } = win.terms[0];
  const x0 = cols[0] * sx;
  const y0 = rows[0] * sy;
  const x1 = (cols[cols.length - 1] + 1) * sx;
  const y1 = (rows[rows.length - 1] + 1) * sy;
  const grow = Math.max(0, 8 - (x1 - x0)) / 2; // keep a tiny window visible on a big image
  for (const [color, width] of [["#fff", 4], ["#111", 2]]) {
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.strokeRect(x0 - grow, y0 - grow, x1 - x0 + 2 * grow, y1 - y0 + 2 * grow);
  }
  // One dot per tap: with dilation the taps have gaps between them.
  if (sx >= 3) {
    ctx.fillStyle = "#111";
    for (const r of rows) for (const c of cols) ctx.fillRect((c + 0.5) * sx - 1.5, (r + 0.5) * sy - 1.5, 3, 3);
  }
}
