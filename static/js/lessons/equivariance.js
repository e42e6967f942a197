/**
 * Lesson 4, translation equivariance: conv(x) and conv(x shifted one pixel right), where the
 * second is not the first moved one pixel, and what a 2x2 max-pool keeps
 * (GET /api/concepts/shift, with the explorer's own conv parameters).
 */
import { drawNumbers, panel } from "./draw.js";

const FIXED = { input: "random", seed: "3", height: "8" };
const SHIFT = ["shift_mode", "pool"]; // the lesson's own; the rest is the explorer's query

export const controls = [
  { key: "width", kind: "number", min: 4, max: 10 },
  { key: "kernel", kind: "select", options: ["sobel_x", "box", "laplacian", "emboss", "identity"] },
  { key: "stride", kind: "select", options: ["1", "2"] },
  { key: "padding", kind: "select", options: ["0", "1"] },
  { key: "padding_mode", kind: "select", options: ["zeros", "reflect", "replicate", "circular"] },
  { key: "shift_mode", kind: "select", options: ["zeros", "circular"] },
  { key: "pool", kind: "check" },
];
export const defaults = { width: 8, kernel: "sobel_x", stride: "1", padding: "1", padding_mode: "zeros", shift_mode: "zeros", pool: "true" };
export const notes = ["lessons.equivariance.n1", "lessons.equivariance.n2", "lessons.equivariance.n3"];

export const api = (state) => `/api/concepts/shift?${new URLSearchParams({ ...FIXED, ...state })}`;
export function link(state) {
  const conv = Object.fromEntries(Object.entries({ ...FIXED, ...state }).filter(([k]) => !SHIFT.includes(k)));
  return [`/#${new URLSearchParams(conv)}`, "lessons.open.explorer"];
}

export function question(data) {
  return { key: "lessons.equivariance.q", vars: {}, value: data.broken_count, shown: String(data.broken_count) };
}

const marked = (mask) => mask.flatMap((row, i) => row.flatMap((b, j) => (b ? [[i, j]] : [])));

export function render(figure, data, state, { t, width }) {
  figure.replaceChildren();
  const doc = figure.ownerDocument;
  const rowOf = () => {
    const r = doc.createElement("div");
    r.className = "lesson-row";
    figure.append(r);
    return r;
  };
  const cols = data.x[0].length;
  const cell = Math.max(16, Math.min(34, Math.floor((width - 40) / (3 * cols)) - 1));
  const top = rowOf();
  drawNumbers(panel(top, { title: t("lessons.equivariance.x") }).canvas, data.x, { cell });
  drawNumbers(panel(top, { title: t("lessons.equivariance.xs") }).canvas, data.x_shifted, { cell });
  const mid = rowOf();
  drawNumbers(panel(mid, { title: t("lessons.equivariance.y") }).canvas, data.y, { cell });
  drawNumbers(panel(mid, { title: t("lessons.equivariance.moved") }).canvas, data.y_then_shift, { cell });
  drawNumbers(panel(mid, { title: t("lessons.equivariance.ys"), cls: "spoiler" }).canvas, data.y_shifted, { cell, marks: marked(data.broken) });
  const p = doc.createElement("p");
  p.className = "spoiler answer-line";
  Object.assign(p.dataset, { key: "broken_count", value: String(data.broken_count) });
  p.textContent = t("lessons.equivariance.broken", { n: data.broken_count, cells: data.cells });
  figure.append(p);
  if (!data.pooled) return;
  const low = rowOf();
  drawNumbers(panel(low, { title: t("lessons.equivariance.pool") }).canvas, data.pooled, { cell });
  drawNumbers(panel(low, { title: t("lessons.equivariance.pools") }).canvas, data.pooled_shifted, { cell });
  const q = doc.createElement("p");
  Object.assign(q.dataset, { key: "pooled_same", value: String(data.pooled_same) });
  q.textContent = t("lessons.equivariance.pooled", { n: data.pooled_same, cells: data.pooled.length * data.pooled[0].length });
  figure.append(q);
}
