/**
 * Lesson 5, choosing a kernel size: n stacked 3x3 layers against one (2n+1)x(2n+1), for the
 * reader's C (GET /api/concepts/stack: receptive fields, weights, multiply-adds).
 */
import { fitCanvas } from "../shared/canvas.js";
import { panel, table } from "./draw.js";

export const controls = [
  { key: "channels", kind: "number", min: 1, max: 2048 },
  { key: "n", kind: "select", options: ["2", "3", "4", "5"] },
  { key: "size", kind: "number", min: 8, max: 128 },
];
export const defaults = { channels: 64, n: "2", size: 32 };
export const notes = ["lessons.kernel-size.n1", "lessons.kernel-size.n2", "lessons.kernel-size.n3"];

export const api = (state) => `/api/concepts/stack?${new URLSearchParams(state)}`;
export function link(state) {
  const layers = Array.from({ length: Number(state.n) }, () => "3,1,1").join(";");
  return [`/receptive#layers=${layers}&size=${state.size}`, "lessons.open.receptive"];
}

export function question(data, state, { fmtCount }) {
  const v = data.stacked.params;
  return { key: "lessons.kernel-size.q", vars: { n: state.n, C: state.channels }, value: v, shown: fmtCount(v) };
}

function bars(canvas, rows, width, fmtCount) {
  const h = 30;
  const ctx = fitCanvas(canvas, width, rows.length * (h + 8));
  const most = Math.max(...rows.map((r) => r.value)); // the longer bar fills the width
  rows.forEach((r, i) => {
    ctx.fillStyle = r.color;
    ctx.fillRect(0, i * (h + 8), Math.max(2, ((width - 4) * r.value) / most), h);
    ctx.fillStyle = "#fff";
    ctx.font = "600 14px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    ctx.fillText(`${r.label}: ${fmtCount(r.value)}`, 8, i * (h + 8) + h / 2);
  });
}

export function render(figure, data, state, { t, fmt, fmtCount, width }) {
  figure.replaceChildren();
  const { stacked: a, single: b } = data;
  const name = (r) => (r.name === "stacked" ? t("lessons.kernel-size.stacked", { n: r.layers }) : t("lessons.kernel-size.single", { k: r.kernel }));
  const row = (r) => [
    name(r),
    { text: String(r.rf), key: `${r.name}.rf`, value: r.rf },
    { text: `${r.formula}`, key: `${r.name}.params`, value: r.params },
    { text: String(r.nonlinearities), key: `${r.name}.nonlinearities`, value: r.nonlinearities },
    { text: fmtCount(r.macs), key: `${r.name}.macs`, value: r.macs },
  ];
  const head = ["", t("lessons.kernel-size.rf"), t("lessons.kernel-size.params"), t("lessons.kernel-size.nonlin"),
    t("lessons.kernel-size.macs", { size: state.size })]; // prettier-ignore
  table(figure, head, [row(a), row(b)], "spoiler");
  const { canvas } = panel(figure, { title: t("lessons.kernel-size.params"), cls: "spoiler" });
  bars(canvas, [
    { label: name(a), value: a.params, color: "#2f3e9e" },
    { label: name(b), value: b.params, color: "#9b1526" },
  ], Math.min(640, width), fmtCount); // prettier-ignore
  const p = figure.ownerDocument.createElement("p");
  p.className = "spoiler";
  p.dataset.key = "saved";
  p.dataset.value = String(data.saved);
  p.textContent = t("lessons.kernel-size.saved", { saved: fmtCount(data.saved), ratio: fmt(data.ratio, 3) });
  figure.append(p);
}
