/**
 * network/results.js: the 8x8 counts the network read, the class probabilities as bars and
 * the predicted digit. Every number is the server's; this module only draws.
 *
 *   drawCounts(canvas, image, width)             8x8 grid of counts 0-16 (dark = many set)
 *   drawProbs(canvas, probabilities, logits, prediction, {width, fmt, t})   one bar per digit;
 *     the numbers drawn are also in the canvas's data-probs and aria-label (tests, readers)
 */
import { fitCanvas } from "../shared/canvas.js";
import { greyAt } from "../render/colors.js";
import { drawGrid } from "../render/grid.js";

export function drawCounts(canvas, image, width) {
  const cell = Math.max(18, Math.min(36, Math.floor(width / 8)));
  const ctx = fitCanvas(canvas, cell * 8, cell * 8);
  const color = (v) => `rgb(${greyAt(1 - (v / 16) * 0.85).join(",")})`;
  const ink = (v) => (v > 8 ? "#fff" : "#111");
  drawGrid(ctx, image, { x: 0, y: 0, cell, gap: 1, color, ink, text: String, minText: 18 });
  canvas.dataset.image = JSON.stringify(image);
}

export function drawProbs(canvas, probs, logits, prediction, { width, fmt, t }) {
  const row = Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * 1.7);
  const label = row * 1.2;
  const text = row * 4.6;
  const W = Math.max(160, Math.min(560, width));
  const ctx = fitCanvas(canvas, W, row * 10);
  const bar = W - label - text;
  ctx.font = `${Math.round(row * 0.6)}px system-ui, sans-serif`;
  ctx.textBaseline = "middle";
  probs.forEach((p, d) => {
    const y = d * row;
    const win = d === prediction;
    ctx.fillStyle = win ? "#2f3e9e" : "#16181d";
    ctx.textAlign = "center";
    ctx.font = `${win ? "700 " : ""}${Math.round(row * 0.62)}px system-ui, sans-serif`;
    ctx.fillText(String(d), label / 2, y + row / 2);
    ctx.fillStyle = "#eef0f3";
    ctx.fillRect(label, y + row * 0.18, bar, row * 0.64);
    ctx.fillStyle = win ? "#2f3e9e" : "#8d96a8";
    ctx.fillRect(label, y + row * 0.18, Math.max(1, bar * p), row * 0.64);
    ctx.fillStyle = "#16181d";
    ctx.textAlign = "left";
    ctx.font = `${Math.round(row * 0.55)}px system-ui, sans-serif`;
    ctx.fillText(`${fmt(p * 100, 3)} %`, label + bar + 6, y + row / 2);
  });
  canvas.dataset.probs = JSON.stringify(probs);
  canvas.setAttribute(
    "aria-label",
    t("network.probs.text", { list: probs.map((p, d) => `${d}: ${fmt(p * 100, 3)} %`).join(", "), logits: logits.map((v) => fmt(v, 3)).join(", ") }),
  );
}
