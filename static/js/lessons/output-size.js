/**
 * Lesson 6, output size: the seed's W₂ = (W₁ − F + 2P)/S + 1 beside conv2d's floor, with the
 * padded input drawn as a strip and every output's window under it
 * (GET /api/concepts/output-size: the fraction, the floor, ceil_mode and each window's ends).
 */
import { fitCanvas } from "../shared/canvas.js";
import { categoryColor } from "../render/colors.js";
import { panel } from "./draw.js";

export const controls = [
  { key: "size", kind: "number", min: 1, max: 64 },
  { key: "kernel", kind: "number", min: 1, max: 11 },
  { key: "stride", kind: "number", min: 1, max: 8 },
  { key: "padding", kind: "number", min: 0, max: 16 },
  { key: "dilation", kind: "number", min: 1, max: 8 },
];
export const defaults = { size: 8, kernel: 3, stride: 2, padding: 0, dilation: 1 };
export const notes = ["lessons.output-size.n1", "lessons.output-size.n2", "lessons.output-size.n3"];

export const api = (state) => `/api/concepts/output-size?${new URLSearchParams(state)}`;

export function link(s) {
  const q = { height: s.size, width: s.size, kernel_size: s.kernel, stride: s.stride, padding: s.padding,
    dilation: s.dilation, kernel: "random" }; // prettier-ignore
  return [`/#${new URLSearchParams(q)}`, "lessons.open.explorer"];
}

export function question(data) {
  return { key: "lessons.output-size.q", vars: {}, value: data.output, shown: String(data.output) };
}

function card(parent, title, lines) {
  const doc = parent.ownerDocument;
  const box = doc.createElement("div");
  box.className = "lesson-card";
  const h = doc.createElement("h3");
  h.textContent = title;
  box.append(h);
  for (const { text, cls = "", key, value } of lines) {
    const p = doc.createElement("p");
    p.className = cls;
    p.textContent = text;
    if (key) Object.assign(p.dataset, { key, value: String(value) });
    box.append(p);
  }
  parent.append(box);
}

function strip(canvas, data, state, width) {
  const n = data.padded;
  const P = Number(state.padding);
  const cell = Math.max(3, Math.min(34, Math.floor((width - 2) / n)));
  const row = Math.max(6, Math.min(14, cell / 2));
  const h = cell + 6 + data.windows.length * (row + 3);
  const ctx = fitCanvas(canvas, n * cell + 2, h);
  const last = data.windows[data.windows.length - 1][1];
  for (let i = 0; i < n; i++) {
    const pad = i < P || i >= n - P;
    ctx.fillStyle = pad ? "#e4e7ec" : i > last ? "#f6d7a8" : "#fff";
    ctx.fillRect(1 + i * cell, 1, cell, cell);
    ctx.strokeStyle = "#9aa1ad";
    ctx.strokeRect(1.5 + i * cell, 1.5, cell - 1, cell - 1);
  }
  data.windows.forEach(([a, b], o) => {
    const y = cell + 6 + o * (row + 3);
    ctx.fillStyle = categoryColor(o);
    ctx.fillRect(1 + a * cell, y, (b - a + 1) * cell, row);
  });
}

export function render(figure, data, state, { t, fmt, width }) {
  figure.replaceChildren();
  const doc = figure.ownerDocument;
  const row = doc.createElement("div");
  row.className = "lesson-row";
  figure.append(row);
  card(row, t("lessons.output-size.seed"), [
    { text: "W₂ = (W₁ − F + 2P) / S + 1", cls: "lesson-math" },
    { text: `${data.seed_text} = ${data.fraction}`, cls: "lesson-math spoiler", key: "seed_value", value: data.seed_value },
    { text: data.seed_whole ? t("lessons.output-size.whole") : t("lessons.output-size.fraction", { f: data.fraction, unused: data.unused }), cls: "spoiler" },
  ]); // prettier-ignore
  card(row, t("lessons.output-size.general"), [
    { text: "⌊(W₁ + 2P − d·(k − 1) − 1) / S⌋ + 1", cls: "lesson-math" },
    { text: data.general_text, cls: "lesson-math spoiler", key: "output", value: data.output },
    { text: t("lessons.output-size.ceil", { n: data.ceil_output }), cls: "spoiler", key: "ceil_output", value: data.ceil_output },
  ]); // prettier-ignore
  const { fig, canvas } = panel(figure, { title: t("lessons.output-size.strip", { n: data.padded }), cls: "spoiler" });
  strip(canvas, data, state, width);
  fig.dataset.key = "padded";
  fig.dataset.value = String(data.padded);
  void fmt;
}
