/**
 * Lesson 7, receptive field and the feature hierarchy: how far one output sees, layer by layer
 * (GET /api/receptive-field, the receptive-field page's own endpoint and query).
 */
import { fitCanvas } from "../shared/canvas.js";
import { categoryColor } from "../render/colors.js";
import { panel, table } from "./draw.js";

const CONV = { 3: "3,1,1", 5: "5,1,2" }; // k,s,p: a "same" conv of that size
const POOL = "2,2,0";

export const controls = [
  { key: "depth", kind: "number", min: 1, max: 6 },
  { key: "k", kind: "select", options: ["3", "5"] },
  { key: "pooling", kind: "check" },
  { key: "size", kind: "select", options: ["32", "64", "128"] },
];
export const defaults = { depth: 4, k: "3", pooling: "true", size: "64" };
export const notes = ["lessons.receptive-field.n1", "lessons.receptive-field.n2"];

/** The stack as the API's `layers`: depth convs, a 2x2 pool between every second pair. */
function layers(state) {
  const out = [];
  const depth = Number(state.depth);
  for (let i = 1; i <= depth; i++) {
    out.push(CONV[state.k]);
    if (state.pooling === "true" && i % 2 === 0 && i < depth) out.push(POOL);
  }
  return out.join(";");
}

export const api = (state) => `/api/receptive-field?layers=${layers(state)}&size=${state.size}&y=0`;
export const link = (state) => [`/receptive#layers=${layers(state)}&size=${state.size}`, "lessons.open.receptive"];

export function question(data) {
  return { key: "lessons.receptive-field.q", vars: {}, value: data.size, shown: String(data.size) };
}

function growth(canvas, rows, width) {
  const h = 22;
  const ctx = fitCanvas(canvas, width, rows.length * (h + 6));
  const most = Math.max(...rows.map((r) => r.rf)); // the widest field fills the width
  rows.forEach((r, i) => {
    ctx.fillStyle = categoryColor(i);
    ctx.fillRect(0, i * (h + 6), Math.max(2, ((width - 60) * r.rf) / most), h);
    ctx.fillStyle = "#16181d";
    ctx.font = "600 13px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    ctx.fillText(String(r.rf), Math.max(2, ((width - 60) * r.rf) / most) + 6, i * (h + 6) + h / 2);
  });
}

export function render(figure, data, state, { t, width, network }) {
  figure.replaceChildren();
  const rows = data.layers.map((la, i) => [
    String(i + 1),
    la.s === 2 && la.k === 2 ? t("lessons.receptive-field.pool") : `${la.k}×${la.k}`,
    { text: String(la.rf), key: `layers.${i}.rf`, value: la.rf },
    { text: String(la.stride), key: `layers.${i}.stride`, value: la.stride },
    { text: String(data.maps[i + 1]), key: `maps.${i + 1}`, value: data.maps[i + 1] },
  ]);
  const head = [t("lessons.receptive-field.layer"), "", t("lessons.receptive-field.rf"), t("lessons.receptive-field.jump"), t("lessons.receptive-field.map")];
  table(figure, head, rows, "spoiler");
  const { canvas } = panel(figure, { title: t("lessons.receptive-field.growth"), cls: "spoiler" });
  growth(canvas, data.layers, Math.min(640, width));
  if (!network) return; // the small network's page, where each layer's maps are drawn
  const a = figure.ownerDocument.createElement("a");
  a.href = "/network";
  a.textContent = t("lessons.receptive-field.network");
  figure.append(a);
}
