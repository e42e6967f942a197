/**
 * Lesson 2, cross-correlation vs convolution: an impulse through both
 * (GET /api/concepts/impulse: conv2d and convolve2d, padding 1, and the same in 1-D).
 */
import { drawNumbers, panel, table } from "./draw.js";

export const controls = [
  { key: "kernel", kind: "text", pattern: "^\\s*-?\\d{1,2}(\\s*,\\s*-?\\d{1,2}){8}\\s*$" },
  { key: "size", kind: "select", options: ["3", "5", "7", "9"] },
];
export const defaults = { kernel: "1,2,3,4,5,6,7,8,9", size: "5" };
export const notes = ["lessons.correlation.n1", "lessons.correlation.n2", "lessons.correlation.n3"];

export const api = (state) => `/api/concepts/impulse?${new URLSearchParams(state)}`;

function explorer(data, operation) {
  const n = data.input.length;
  const q = { height: n, width: n, kernel_size: 3, padding: 1, input: "values", input_values: JSON.stringify(data.input),
    kernel: "values", weight_values: JSON.stringify(data.kernel), operation }; // prettier-ignore
  return `/#${new URLSearchParams(q)}`;
}

export const link = (state, data) => [explorer(data, "correlation"), "lessons.open.explorer"];

export function question(data) {
  const v = data.correlation[data.mid - 1][data.mid - 1]; // the question's cell: up-left of the 1
  return { key: "lessons.correlation.q", vars: {}, value: v, shown: String(v) };
}

export function render(figure, data, state, { t, fmt, width }) {
  figure.replaceChildren();
  const doc = figure.ownerDocument;
  const row = doc.createElement("div");
  row.className = "lesson-row";
  figure.append(row);
  const n = data.input.length;
  const cell = Math.max(22, Math.min(44, Math.floor((width - 60) / (2 * n + 3)) - 1));
  const grids = [
    ["lessons.correlation.impulse", data.input, ""],
    ["lessons.correlation.kernel", data.kernel, ""],
    ["lessons.correlation.corr", data.correlation, "spoiler"],
    ["lessons.correlation.conv", data.convolution, "spoiler"],
  ];
  for (const [key, m, cls] of grids) drawNumbers(panel(row, { title: t(key), cls }).canvas, m, { cell });
  const a = doc.createElement("a");
  a.href = explorer(data, "convolution");
  a.id = "open-convolution";
  a.textContent = t("lessons.correlation.open.conv");
  figure.append(a);
  const r = data.row;
  const cells = (values, path, cls = "") => values.map((v, i) => ({ text: fmt(v), key: `row.${path}.${i}`, value: v, cls }));
  const title = doc.createElement("h3");
  title.textContent = t("lessons.correlation.row");
  figure.append(title);
  table(figure, ["", ...r.correlate.map((_, i) => String(i))], [
    ["x", ...cells(r.x, "x")],
    ["w", ...cells(r.kernel, "kernel")],
    ["x ⋆ w", ...cells(r.correlate, "correlate")],
    ["x ∗ w", ...cells(r.convolve, "convolve")],
  ], "spoiler"); // prettier-ignore
}
