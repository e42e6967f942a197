/**
 * colors.js: the one place for colour decisions (explorer and image lab share it).
 *
 * The palette is Paul Tol's diverging BuRd, read from /static/colormap.json (the image-lab
 * server reads the same file, so both pages draw the same colours). Why diverging: a conv
 * layer's numbers have a sign, and the sign is the story (an edge detector answers "darker
 * here" with a negative). Zero is near-white, negative blue, positive red; the ends stay
 * distinct for the three common colour-vision deficiencies. Colour is never the only cue:
 * every printed negative carries a minus sign (format.js), and the arithmetic uses bold ink.
 *
 * Exports (all pure):
 *   palette                      the parsed colormap.json ({stops: [{at, color}], bad, ...})
 *   rgbAt(t) -> [r, g, b]        t in [-1, 1] (clamped); linear interpolation between stops
 *   makeScale(maxAbs) -> fn(v)   v -> CSS colour, v/maxAbs mapped to [-1, 1] (256-entry table)
 *   inkFor(v, maxAbs) -> string  black or white text, whichever reads on that cell colour
 *   signInk(v) -> string         text colour for a signed number printed on white
 *   colorize(values, maxAbs, out?) -> Uint8ClampedArray   RGBA pixels for ImageData
 *   maxAbsOf(nested) -> number   largest |v| in a nested array (1 if all zero)
 *   drawLegend(ctx, {x, y, width, height, maxAbs, format, font, sequential}) -> void
 *   greyAt(t) -> [r, g, b]       t in [0, 1]: black (0) to white (max), for one-signed maps
 *   toSequential(rgba) -> void   recolour diverging pixels (values >= 0) to the grey ramp
 *
 * Why grey for one-signed maps: a blur or identity map has no negative half, so the diverging
 * palette would spend its range on near-white and turn a black disc white. A sequential ramp
 * keeps dark dark. Signed maps stay diverging: there the sign is the story.
 */
// A fetch with top-level await, not `import ... with { type: "json" }`: that syntax needs
// Chrome 123 / Firefox 138 / Safari 17.2, and classroom machines are often older.
export const palette = await fetch(new URL("../../colormap.json", import.meta.url)).then((r) =>
  r.json(),
);

const STOPS = palette.stops.map((s) => ({ at: s.at, rgb: hexToRgb(s.color) }));
const LUT_SIZE = 256;
const LUT_RGB = Array.from({ length: LUT_SIZE }, (_, i) => rgbAt((i / (LUT_SIZE - 1)) * 2 - 1));
const LUT_CSS = LUT_RGB.map(([r, g, b]) => `rgb(${r},${g},${b})`);
const LUT_INK = LUT_RGB.map(([r, g, b]) => (luminance(r, g, b) > 0.36 ? "#111" : "#fff"));

function hexToRgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance(r, g, b) {
  const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Colour at t in [-1, 1] as [r, g, b] integers. */
export function rgbAt(t) {
  const x = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  let i = 1;
  while (i < STOPS.length - 1 && STOPS[i].at < x) i++;
  const a = STOPS[i - 1];
  const b = STOPS[i];
  const u = (x - a.at) / (b.at - a.at || 1);
  return a.rgb.map((c, j) => Math.round(c + (b.rgb[j] - c) * u));
}

function lutIndex(v, maxAbs) {
  const t = maxAbs > 0 ? v / maxAbs : 0;
  const c = Math.max(-1, Math.min(1, t));
  return Math.round(((c + 1) / 2) * (LUT_SIZE - 1));
}

/** A function v -> CSS colour for values in [-maxAbs, maxAbs]; NaN gets the "bad" colour. */
export function makeScale(maxAbs) {
  return (v) => (Number.isFinite(v) ? LUT_CSS[lutIndex(v, maxAbs)] : palette.bad);
}

/** Text colour that reads on the cell colour of v. */
export function inkFor(v, maxAbs) {
  return Number.isFinite(v) ? LUT_INK[lutIndex(v, maxAbs)] : "#111";
}

/** Ink for a signed number on a light background: dark blue below zero, dark red above. */
export function signInk(v) {
  if (v < 0) return palette.negative_ink;
  if (v > 0) return palette.positive_ink;
  return "#333";
}

/** RGBA pixels (4 bytes per value) for a flat array of values, e.g. to fill an ImageData. */
export function colorize(values, maxAbs, out = new Uint8ClampedArray(values.length * 4)) {
  for (let i = 0; i < values.length; i++) {
    const [r, g, b] = LUT_RGB[lutIndex(values[i], maxAbs)];
    out[4 * i] = r;
    out[4 * i + 1] = g;
    out[4 * i + 2] = b;
    out[4 * i + 3] = 255;
  }
  return out;
}

/** Largest absolute value in a nested array of numbers (1 when empty or all zero). */
export function maxAbsOf(nested) {
  let m = 0;
  const walk = (a) => {
    if (Array.isArray(a)) a.forEach(walk);
    else if (Number.isFinite(a)) m = Math.max(m, Math.abs(a));
  };
  walk(nested);
  return m || 1;
}

/**
 * Draw a horizontal colour bar from -maxAbs to +maxAbs with labelled ends and zero (or, with
 * sequential, a grey bar from 0 to maxAbs).
 * Args: ctx (2D context, CSS-pixel transform already set), x, y, width, height (bar size in
 * CSS px), maxAbs (> 0), format (v -> string, prints the minus sign), font (CSS font).
 */
export function drawLegend(ctx, { x, y, width, height, maxAbs, format = String, font, sequential = false }) {
  const steps = Math.max(2, Math.floor(width));
  for (let i = 0; i < steps; i++) {
    const u = i / (steps - 1);
    const [r, g, b] = sequential ? greyAt(u) : rgbAt(u * 2 - 1);
    ctx.fillStyle = `rgb(${r},${g},${b})`;
    ctx.fillRect(x + (i * width) / steps, y, width / steps + 0.5, height);
  }
  ctx.strokeStyle = "#555";
  ctx.lineWidth = 1;
  ctx.strokeRect(x + 0.5, y + 0.5, width - 1, height - 1);
  ctx.fillStyle = "#111";
  ctx.font = font || "14px system-ui, sans-serif";
  ctx.textBaseline = "top";
  const labels = sequential
    ? [
        [x, "left", 0],
        [x + width, "right", maxAbs],
      ]
    : [
        [x, "left", -maxAbs],
        [x + width / 2, "center", 0],
        [x + width, "right", maxAbs],
      ];
  for (const [lx, align, v] of labels) {
    ctx.textAlign = align;
    ctx.fillText(format(v), lx, y + height + 4);
  }
}

/** Grey at t in [0, 1]: 0 is black, 1 white (the sequential scale of one-signed maps). */
export function greyAt(t) {
  const g = Math.round(255 * Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)));
  return [g, g, g];
}

// Diverging colour -> its LUT index (exact colours first, else the nearest entry).
const LUT_INDEX = new Map(LUT_RGB.map(([r, g, b], i) => [(r << 16) | (g << 8) | b, i]));
function indexOfColour(r, g, b) {
  const key = (r << 16) | (g << 8) | b;
  let i = LUT_INDEX.get(key);
  if (i === undefined) {
    let best = Infinity;
    LUT_RGB.forEach(([R, G, B], j) => {
      const d = (R - r) ** 2 + (G - g) ** 2 + (B - b) ** 2;
      if (d < best) [best, i] = [d, j];
    });
    LUT_INDEX.set(key, i);
  }
  return i;
}

/**
 * Recolour RGBA pixels drawn with the diverging palette (values >= 0, i.e. the upper half)
 * to the grey ramp, in place: the server colours every map the same way, the page decides
 * which scale reads right. Pixels in the lower half (clipped noise) become black.
 */
export function toSequential(rgba) {
  const mid = (LUT_SIZE - 1) / 2;
  for (let p = 0; p < rgba.length; p += 4) {
    const i = indexOfColour(rgba[p], rgba[p + 1], rgba[p + 2]);
    const [g] = greyAt((i - mid) / mid);
    rgba[p] = rgba[p + 1] = rgba[p + 2] = g;
  }
}

/** One distinct colour per index, so the same weight has the same colour wherever it repeats
 * (lessons' conv-as-a-matrix): golden-angle hues, lightness alternating for neighbours. */
export function categoryColor(i) {
  return `hsl(${Math.round((i * 137.508) % 360)}, 62%, ${i % 2 ? 60 : 45}%)`;
}
