/**
 * Lesson 3, parameter sharing and sparse connectivity: the conv layer as the matrix that maps
 * the flattened input to the flattened output (GET /api/concepts/matrix, the explorer's own
 * parameters), beside a dense layer of the same sizes. A colour is one weight: the conv matrix
 * repeats a few colours along its diagonals (shared) and is mostly empty (sparse).
 */
import { categoryColor } from "../render/colors.js";
import { fitCanvas } from "../shared/canvas.js";
import { panel, table } from "./draw.js";

const FIXED = { input: "ramp", kernel: "random", seed: "0" }; // the explorer draws the same
const SUMMED = "#3a3f4a"; // several weights folded onto one input (reflect, replicate, circular)

export const controls = [
  { key: "height", kind: "number", min: 1, max: 8 },
  { key: "width", kind: "number", min: 1, max: 8 },
  { key: "kernel_size", kind: "select", options: ["1", "2", "3", "1,3", "3,1"] },
  { key: "stride", kind: "select", options: ["1", "2", "3"] },
  { key: "padding", kind: "select", options: ["0", "1", "2", "same"] },
  { key: "dilation", kind: "select", options: ["1", "2"] },
  { key: "in_channels", kind: "select", options: ["1", "2"] },
  { key: "out_channels", kind: "select", options: ["1", "2"] },
  { key: "groups", kind: "select", options: ["1", "2"] },
  { key: "padding_mode", kind: "select", options: ["zeros", "reflect", "replicate", "circular"] },
  { key: "bias", kind: "check" },
];
export const defaults = {
  height: 4, width: 4, kernel_size: "3", stride: "1", padding: "1", dilation: "1",
  in_channels: "1", out_channels: "1", groups: "1", padding_mode: "zeros", bias: "false",
}; // prettier-ignore
export const notes = ["lessons.sharing.n1", "lessons.sharing.n2", "lessons.sharing.n3", "lessons.sharing.n4"];

const query = (state) => new URLSearchParams({ ...FIXED, ...state }).toString();
export const api = (state) => `/api/concepts/matrix?${query(state)}`;
export const link = (state) => [`/#${query(state)}`, "lessons.open.explorer"];

export function question(data) {
  const v = data.counts.conv.params;
  return { key: "lessons.sharing.q", vars: {}, value: v, shown: String(v) };
}

function drawMatrix(canvas, rows, cols, width, colorAt, most = 22) {
  const cell = Math.max(2, Math.min(most, Math.floor((width - 2) / cols)));
  const ctx = fitCanvas(canvas, cols * cell + 1, rows * cell + 1);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, cols * cell + 1, rows * cell + 1);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const fill = colorAt(r, c);
      if (fill) {
        ctx.fillStyle = fill;
        ctx.fillRect(c * cell, r * cell, cell, cell);
      }
    }
  }
  canvas.dataset.cell = String(cell); // for the hover readout's hit test
  if (cell >= 6) {
    ctx.strokeStyle = "rgba(0,0,0,.12)";
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let r = 0; r <= rows; r++) ctx.moveTo(0, r * cell + 0.5), ctx.lineTo(cols * cell, r * cell + 0.5);
    for (let c = 0; c <= cols; c++) ctx.moveTo(c * cell + 0.5, 0), ctx.lineTo(c * cell + 0.5, rows * cell);
    ctx.stroke();
  }
}

/** Hovering (or tapping) an entry of the conv matrix names its output, its input and its weight. */
function readout(figure, canvas, data, { t, fmt }) {
  const p = figure.ownerDocument.createElement("p");
  p.id = "matrix-readout";
  p.className = "small";
  p.setAttribute("aria-live", "polite");
  p.textContent = t("lessons.sharing.hover");
  canvas.after(p);
  const folded = new Set(data.folded.map(([r, c]) => `${r},${c}`));
  canvas.addEventListener("pointermove", (e) => {
    const cell = Number(canvas.dataset.cell);
    const r = Math.floor(e.offsetY / cell);
    const c = Math.floor(e.offsetX / cell);
    if (!(r in data.row_at) || !(c in data.col_at)) return;
    const vars = { out: data.row_at[r].join(", "), in: data.col_at[c].join(", ") };
    const k = data.tap[r][c];
    if (k >= 0) p.textContent = t("lessons.sharing.entry", { ...vars, k, w: fmt(data.weight[k]) });
    else if (folded.has(`${r},${c}`)) p.textContent = t("lessons.sharing.entry.sum", { ...vars, v: fmt(data.matrix[r][c]) });
    else p.textContent = t("lessons.sharing.entry.none", vars);
  });
}

function legend(parent, weight, { t, fmt }) {
  const doc = parent.ownerDocument;
  const box = doc.createElement("div");
  box.className = "lesson-legend";
  const title = doc.createElement("p");
  title.className = "small";
  title.textContent = t("lessons.sharing.legend");
  box.append(title);
  weight.forEach((w, i) => {
    const item = doc.createElement("span");
    item.className = "swatch";
    item.innerHTML = `<i style="background:${categoryColor(i)}"></i>`;
    item.append(`w${i} = ${fmt(w)}`);
    box.append(item);
  });
  const summed = doc.createElement("span");
  summed.className = "swatch";
  summed.innerHTML = `<i style="background:${SUMMED}"></i>`;
  summed.append(t("lessons.sharing.summed"));
  box.append(summed);
  parent.append(box);
}

export function render(figure, data, state, { t, fmt, fmtCount, width, presenter }) {
  figure.replaceChildren();
  const { rows, cols } = data.counts;
  const shapes = data.shapes;
  const pair = figure.ownerDocument.createElement("div");
  pair.className = "lesson-pair";
  figure.append(pair);
  const each = width >= 760 ? (width - 24) / 2 : width;
  const folded = new Set(data.folded.map(([r, c]) => `${r},${c}`));
  const conv = panel(pair, { title: t("lessons.sharing.conv", { rows, cols, out: shapes.output.join("×"), in: shapes.input.join("×") }) });
  drawMatrix(conv.canvas, rows, cols, each, (r, c) => {
    const k = data.tap[r][c];
    if (k >= 0) return categoryColor(k);
    return folded.has(`${r},${c}`) ? SUMMED : null;
  }, presenter ? 34 : 22);
  readout(figure, conv.canvas, data, { t, fmt });
  const dense = panel(pair, { title: t("lessons.sharing.dense", { rows, cols }) });
  drawMatrix(dense.canvas, rows, cols, each, (r, c) => categoryColor(r * cols + c), presenter ? 34 : 22);
  legend(figure, data.weight, { t, fmt });
  const n = (v, key) => ({ text: fmtCount(v), value: v, key });
  const c = data.counts;
  table(figure, [t("lessons.sharing.count"), t("lessons.sharing.convcol"), t("lessons.sharing.densecol")], [
    [t("lessons.sharing.params"), n(c.conv.params, "counts.conv.params"), n(c.dense.params, "counts.dense.params")],
    [t("lessons.sharing.nonzeros"), n(c.conv.nonzeros, "counts.conv.nonzeros"), n(c.dense.nonzeros, "counts.dense.nonzeros")],
    [t("lessons.sharing.macs"), n(c.conv.macs, "counts.conv.macs"), n(c.dense.macs, "counts.dense.macs")],
  ], "spoiler"); // prettier-ignore
}
