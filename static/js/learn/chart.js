/**
 * learn/chart.js: the loss over iterations on a log scale (pure: draws what it is given).
 *
 *   drawLoss(canvas, {losses, upto, total, width, fmt, labels}) -> void
 *     losses  number[] (one per received iteration, from the server)
 *     upto    the current step: the curve is drawn to it, with a dot there
 *     total   iterations in the run (the x axis' length)
 */
import { fitCanvas } from "../shared/canvas.js";

export function drawLoss(canvas, { losses, upto, total, width, fmt, labels }) {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const h = Math.round(Math.min(16 * rem, Math.max(10 * rem, width * 0.55)));
  const ctx = fitCanvas(canvas, width, h);
  const pad = { l: 4.2 * rem, r: 0.8 * rem, t: 0.6 * rem, b: 2.2 * rem };
  const W = width - pad.l - pad.r;
  const H = h - pad.t - pad.b;
  const shown = losses.slice(0, upto + 1).filter((v) => v > 0);
  if (!losses.length || !shown.length) return;
  const all = losses.filter((v) => v > 0);
  let hi = Math.ceil(Math.log10(Math.max(...all)));
  let lo = Math.floor(Math.log10(Math.min(...all)));
  if (hi === lo) hi = lo + 1;
  const x = (i) => pad.l + (W * i) / Math.max(1, total);
  const y = (v) => pad.t + (H * (hi - Math.log10(v))) / (hi - lo);
  ctx.font = `${0.72 * rem}px system-ui, sans-serif`;
  ctx.fillStyle = "#555";
  ctx.strokeStyle = "#e3e6ea";
  ctx.lineWidth = 1;
  const every = Math.ceil((hi - lo) / 6);
  for (let e = lo; e <= hi; e += every) {
    ctx.beginPath();
    ctx.moveTo(pad.l, y(10 ** e));
    ctx.lineTo(pad.l + W, y(10 ** e));
    ctx.stroke();
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    ctx.fillText(fmt(10 ** e), pad.l - 0.3 * rem, y(10 ** e));
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const i of [0, Math.round(total / 2), total]) ctx.fillText(String(i), x(i), pad.t + H + 0.3 * rem);
  ctx.fillText(labels.x, pad.l + W / 2, pad.t + H + 1.1 * rem);
  ctx.strokeStyle = "#1f5fbf";
  ctx.lineWidth = 2;
  ctx.beginPath();
  losses.slice(0, upto + 1).forEach((v, i) => {
    const yy = y(Math.max(v, 10 ** lo));
    if (i === 0) ctx.moveTo(x(i), yy);
    else ctx.lineTo(x(i), yy);
  });
  ctx.stroke();
  const v = losses[Math.min(upto, losses.length - 1)];
  ctx.fillStyle = "#c0392b";
  ctx.beginPath();
  ctx.arc(x(Math.min(upto, losses.length - 1)), y(Math.max(v, 10 ** lo)), 0.3 * rem, 0, 2 * Math.PI);
  ctx.fill();
}
