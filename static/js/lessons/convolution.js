/**
 * Lesson 1, continuous and discrete convolution: flip g, slide it to t, multiply, integrate
 * (GET /api/concepts/signals: the curves, the Riemann sum at step h, the closed form and the
 * error at every step size). The page only draws the numbers it is sent.
 */
import { panel, plot, table } from "./draw.js";

const F = "#1b4f8a";
const G = "#9b1526";
const AREA = "#e08a00";
const SIGMAS = ["0.25", "0.5", "0.6", "0.8", "1", "1.5"];

export const controls = [
  { key: "pair", kind: "select", options: ["box", "gaussian"] },
  { key: "t", kind: "range", min: -3, max: 3, step: 0.25 },
  { key: "h", kind: "select", options: ["1", "0.5", "0.25", "0.125", "0.0625", "0.03125", "0.015625"] },
  { key: "sigma1", kind: "select", options: SIGMAS, when: (s) => s.pair === "gaussian" },
  { key: "sigma2", kind: "select", options: SIGMAS, when: (s) => s.pair === "gaussian" },
];
export const defaults = { pair: "box", t: "0.5", h: "0.25", sigma1: "0.6", sigma2: "0.8" };
export const notes = ["lessons.convolution.n1", "lessons.convolution.n2", "lessons.convolution.n3"];

export const api = (state) => `/api/concepts/signals?${new URLSearchParams(state)}`;
export const link = (state, data) => [data.explorer ? `/#${data.explorer}` : null, "lessons.open.explorer"];

export function question(data, state, { fmt }) {
  return { key: "lessons.convolution.q", vars: { t: fmt(Number(state.t)) }, value: data.exact, shown: fmt(data.exact, 4) };
}

const top = (...arrays) => Math.max(...arrays.flat()); // the plot's y range, for drawing only

export function render(figure, data, state, { t, fmt, width }) {
  figure.replaceChildren();
  const doc = figure.ownerDocument;
  const row = doc.createElement("div");
  row.className = "lesson-pair";
  figure.append(row);
  const w = Math.min(560, width >= 760 ? (width - 24) / 2 : width);
  const h = Math.round(w * 0.5);
  const { fine, samples } = data;
  const slide = panel(row, { title: t("lessons.convolution.slide", { t: fmt(Number(state.t)) }) });
  plot(slide.canvas, {
    width: w, height: h, x: [-4, 4], y: [0, 1.1 * top(fine.f, fine.g)],
    series: [
      { x: fine.tau, y: fine.product, color: AREA, kind: "area" },
      { x: samples.tau, y: samples.product, color: AREA, kind: "bars", width: 1 },
      { x: fine.tau, y: fine.f, color: F },
      { x: fine.tau, y: fine.g, color: G },
    ],
  }); // prettier-ignore
  const curve = panel(row, { title: t("lessons.convolution.curve", { h: state.h }), cls: "spoiler" });
  const c = data.curve;
  const { ctx, X } = plot(curve.canvas, {
    width: w, height: h, x: [-3, 3], y: [0, 1.1 * top(c.exact, c.discrete)],
    series: [{ x: c.t, y: c.exact, color: F }, { x: c.t_h, y: c.discrete, color: G, kind: "dots" }],
  }); // prettier-ignore
  ctx.strokeStyle = AREA;
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  ctx.moveTo(X(Number(state.t)), 0);
  ctx.lineTo(X(Number(state.t)), h);
  ctx.stroke();
  const n = (v, key) => ({ text: fmt(v, 6), value: v, key });
  table(figure, [`t = ${fmt(Number(state.t))}`, "", ""], [
    [t("lessons.convolution.riemann"), n(data.riemann, "riemann"), `h = ${state.h}`],
    [t("lessons.convolution.exact"), n(data.exact, "exact"), ""],
    [t("lessons.convolution.error"), n(data.error, "error"), ""],
  ], "spoiler"); // prettier-ignore
  if (data.variances) {
    const [a, b, s] = data.variances;
    const p = doc.createElement("p");
    p.className = "lesson-math spoiler";
    p.textContent = t("lessons.convolution.variances", { a: fmt(a), b: fmt(b), c: fmt(s) });
    figure.append(p);
  }
  const title = doc.createElement("h3");
  title.textContent = t("lessons.convolution.errors");
  figure.append(title);
  const rows = data.errors.map((e, i) => [String(e.h), { text: fmt(e.max_error, 3), key: `errors.${i}.max_error`, value: e.max_error }]);
  table(figure, ["h", t("lessons.convolution.maxerr")], rows, "spoiler");
  const orders = doc.createElement("p");
  orders.className = "small spoiler";
  orders.textContent = `${t("lessons.convolution.order")}: ${data.orders.map((o) => fmt(o, 3)).join(", ") || "—"}`;
  figure.append(orders);
}
