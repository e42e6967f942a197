/**
 * receptive/strip.js: the last feature map as a strip of cells, with y chosen, and a funnel
 * from output y down to its region [u, v] on the input grid below (same x coordinates as the
 * field's geom, so the funnel lands on the right columns). Pure.
 *
 *   stripLayout(geom, n, {maxCell, font, width}) -> strip
 *       font: the label size in CSS px; width: room for the canvas. The strip sits centred
 *       over the grid when it fits there, and may run wider than the grid when it does not.
 *       strip = {n, cs, left, top, labelH, funnelH, width, height}
 *   drawStrip(ctx, strip, geom, field, {y, mark, font, fmt}) -> void
 *       y is drawn filled; mark (the chosen y while another is previewed) is outlined
 *   stripIndexAt(strip, px) -> index | -1       any height counts: easy to hit on a phone
 */
import { tickStep } from "./field.js";

const INK = "#16181d";
const ACCENT = "#2f3e9e";
const FAMILY = "system-ui, sans-serif";

export function stripLayout(geom, n, { maxCell, font, width }) {
  const span = geom.cols * geom.cell;
  const room = Math.max(span, width - geom.gridX - 4);
  const cs = Math.max(2, Math.min(maxCell, Math.floor(room / n)));
  const left = geom.gridX + Math.max(0, Math.floor((span - n * cs) / 2));
  const labelH = cs >= 20 ? 4 : Math.round(font * 1.3); // big cells carry their own index
  const funnelH = Math.round(font * 2.4);
  return {
    n, cs, labelH, funnelH,
    left,
    top: labelH,
    width: Math.max(geom.width, left + n * cs + 4),
    height: labelH + cs + funnelH,
  }; // prettier-ignore
}

export function drawStrip(ctx, strip, geom, field, { y, mark = null, font, fmt = String }) {
  const { n, cs, left, top, labelH } = strip;
  const gap = cs >= 8 ? 1 : 0;
  ctx.clearRect(0, 0, strip.width, strip.height);

  // funnel: output y above, its whole region [u, v] (padding included) below
  const [u, v] = field.region;
  const lo = geom.x0 + Math.max(u, -geom.margin) * geom.cell;
  const hi = geom.x0 + (Math.min(v, geom.size + geom.margin - 1) + 1) * geom.cell - geom.gap;
  const xa = left + y * cs;
  ctx.beginPath();
  ctx.moveTo(xa, top + cs);
  ctx.lineTo(xa + cs - gap, top + cs);
  ctx.lineTo(hi, strip.height);
  ctx.lineTo(lo, strip.height);
  ctx.closePath();
  ctx.fillStyle = "rgba(47, 62, 158, 0.12)";
  ctx.fill();
  ctx.strokeStyle = ACCENT;
  ctx.lineWidth = 1;
  ctx.stroke();

  const fontPx = Math.round(Math.min(font, Math.max(9, cs * 0.55)));
  ctx.font = `${fontPx}px ${FAMILY}`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  for (let i = 0; i < n; i++) {
    const x = left + i * cs;
    ctx.fillStyle = i === y ? INK : "#fff";
    ctx.fillRect(x, top, cs - gap, cs);
    if (gap === 0 && i !== y) continue;
    ctx.strokeStyle = "#9aa3ad";
    ctx.lineWidth = 1;
    if (i !== y) ctx.strokeRect(x + 0.5, top + 0.5, cs - gap - 1, cs - 1);
    if (cs >= 20) {
      ctx.fillStyle = i === y ? "#fff" : INK;
      ctx.fillText(fmt(i), x + (cs - gap) / 2, top + cs / 2 + 0.5);
    }
  }
  if (cs < 20) {
    // indices above the strip, spaced so they never collide; y is always labelled
    ctx.font = `${Math.round(font * 0.8)}px ${FAMILY}`;
    ctx.textBaseline = "alphabetic";
    const step = tickStep(cs, font * 2.4);
    ctx.fillStyle = "#555b66";
    for (let i = 0; i < n; i += step) {
      if (Math.abs(i - y) * cs >= font * 2) ctx.fillText(fmt(i), left + i * cs + cs / 2, labelH - 4);
    }
    ctx.fillStyle = INK;
    ctx.font = `700 ${Math.round(font * 0.85)}px ${FAMILY}`;
    ctx.fillText(`y=${fmt(y)}`, Math.max(left + font, Math.min(left + n * cs - font, left + y * cs + cs / 2)), labelH - 4);
  }
  if (mark !== null && mark !== y) {
    ctx.save();
    ctx.strokeStyle = "#e08a00";
    ctx.lineWidth = 3;
    ctx.strokeRect(left + mark * cs - 1.5, top - 1.5, cs - gap + 3, cs + 3);
    ctx.restore();
  }
}

export function stripIndexAt(strip, px) {
  const i = Math.floor((px - strip.left) / strip.cs);
  return i >= 0 && i < strip.n ? i : -1;
}
