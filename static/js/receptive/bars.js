/**
 * receptive/bars.js: the server's `paths` along one axis as a bar chart, column for column
 * under the input grid (same geom), so a bar sits under its column. Pure.
 *
 *   barsLayout(geom, {font, plotH}) -> bars = {width, height, valueH, base}
 *   drawBars(ctx, field, geom, bars, {font, fmt}) -> void
 *     bars coloured like the grid (count / largest count); a hole inside the field gets a
 *     hollow mark on the axis, so "no path" is visible without a bar; padding columns are
 *     hatched; under the axis a bracket marks the field (solid) and the region in padding
 *     (dashed); column numbers below.
 */
import { tickStep } from "./field.js";
import { countScale } from "./ramp.js";

const INK = "#16181d";
const MUTED = "#555b66";
const FAMILY = "system-ui, sans-serif";

export function barsLayout(geom, { font, plotH }) {
  const valueH = Math.round(font * 1.3);
  const base = valueH + plotH;
  return { width: geom.width, height: base + 14 + Math.round(font * 1.3), valueH, base };
}

function hatch(ctx, x, y, w, h) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.strokeStyle = "rgba(40, 40, 40, 0.25)";
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let d = -h; d < w; d += 6) {
    ctx.moveTo(x + d, y + h);
    ctx.lineTo(x + d + h, y);
  }
  ctx.stroke();
  ctx.restore();
}

export function drawBars(ctx, field, geom, bars, { font, fmt = String }) {
  const { paths } = field;
  const { cell, gap, x0, margin, size } = geom;
  const { valueH, base } = bars;
  const plotH = base - valueH;
  const max = Math.max(1, ...paths);
  const colour = countScale(max);
  ctx.clearRect(0, 0, bars.width, bars.height);

  // padding columns: no pixel, so no bar
  const padW = margin * cell;
  if (margin) {
    hatch(ctx, x0 - padW, valueH, padW - gap, plotH);
    hatch(ctx, x0 + size * cell, valueH, padW - gap, plotH);
  }

  ctx.font = `${Math.round(font * 0.85)}px ${FAMILY}`;
  const widest = ctx.measureText(fmt(max)).width;
  const values = widest <= cell - gap + 2; // every value fits over its bar, or none is printed
  const [a, b] = field.visible || [0, -1];
  ctx.textAlign = "center";
  ctx.textBaseline = "bottom";
  for (let i = 0; i < size; i++) {
    const x = x0 + i * cell;
    const w = Math.max(1, cell - gap);
    const n = paths[i];
    if (n > 0) {
      const h = Math.max(2, Math.round((plotH * n) / max));
      ctx.fillStyle = colour(n);
      ctx.fillRect(x, base - h, w, h);
      ctx.strokeStyle = "rgba(22, 24, 29, 0.45)";
      ctx.lineWidth = 1;
      if (w >= 4) ctx.strokeRect(x + 0.5, base - h + 0.5, w - 1, h - 1);
      if (values) {
        ctx.fillStyle = INK;
        ctx.fillText(fmt(n), x + w / 2, base - h - 2);
      }
    } else if (i >= a && i <= b) {
      const r = Math.max(2, Math.min(5, w / 2 - 1));
      ctx.strokeStyle = INK;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(x + w / 2, base - r - 2, r, 0, 2 * Math.PI);
      ctx.stroke();
      if (values) {
        ctx.fillStyle = INK;
        ctx.fillText("0", x + w / 2, base - 2 * r - 5);
      }
    }
  }

  // axis, and the y scale in the gutter
  ctx.strokeStyle = MUTED;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(geom.gridX, base + 0.5);
  ctx.lineTo(geom.gridX + geom.cols * cell, base + 0.5);
  ctx.stroke();
  ctx.fillStyle = MUTED;
  ctx.textAlign = "right";
  ctx.textBaseline = "top";
  ctx.fillText(fmt(max), geom.gridX - 4, valueH);
  ctx.textBaseline = "bottom";
  ctx.fillText("0", geom.gridX - 4, base);

  // bracket: the region [u, v] (dashed where it leaves the field) and the field [a, b]
  const yb = base + 6;
  const [u, v] = field.region;
  const lo = Math.max(u, -margin);
  const hi = Math.min(v, size + margin - 1);
  ctx.save();
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2;
  ctx.setLineDash([5, 4]);
  ctx.beginPath();
  ctx.moveTo(x0 + lo * cell, yb);
  ctx.lineTo(x0 + (hi + 1) * cell - gap, yb);
  ctx.stroke();
  if (field.visible) {
    ctx.setLineDash([]);
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.moveTo(x0 + a * cell, yb);
    ctx.lineTo(x0 + (b + 1) * cell - gap, yb);
    ctx.stroke();
  }
  ctx.restore();

  // column numbers, padding columns included (negative = left of the input)
  ctx.fillStyle = MUTED;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  ctx.font = `${Math.round(font * 0.8)}px ${FAMILY}`;
  const step = tickStep(cell, font * 2.2);
  for (let i = -margin; i < size + margin; i++) {
    const x = x0 + i * cell + (cell - gap) / 2;
    const half = ctx.measureText(fmt(i)).width / 2;
    if (i % step === 0 && x + half <= bars.width && x - half >= 0) ctx.fillText(fmt(i), x, yb + 6);
  }
}
