/**
 * receptive/ramp.js: the colour of a path count, derived from the one palette.
 *
 * Path counts are never negative, so this page uses the POSITIVE HALF of the shared diverging
 * palette (render/colors.js reading static/colormap.json, Paul Tol's BuRd): near-white to dark
 * red, ordered by lightness, so it stays readable for the common colour-vision deficiencies
 * and in greyscale. The ramp starts at T0, not at 0: one path must never look like no path.
 * Zero is off the ramp entirely: a cell with no path is drawn *empty* (grid.js drawEmpty, the
 * grey the explorer uses for "nothing here"), so a dilation hole reads as a hole. Colour is
 * never the only cue: big cells print their count, and the readout and bar chart give numbers.
 *
 * Exports (pure):
 *   EMPTY                          the fill of a cell with 0 paths (as grid.js drawEmpty)
 *   countScale(max) -> fn(n)       n >= 1 -> CSS colour, linear in n / max on [T0, 1]
 *   countInk(max) -> fn(n)         black or white text that reads on that colour
 *   rampGradient() -> string       a CSS linear-gradient of the same ramp, for the legend
 */
import { inkFor, makeScale } from "../render/colors.js";

export const EMPTY = "#eef0f3";
const T0 = 0.2;
const onPalette = makeScale(1); // t in [-1, 1] -> the palette's colour at t

const tOf = (n, max) => T0 + ((1 - T0) * Math.min(n, max)) / Math.max(1, max);

export function countScale(max) {
  return (n) => (n > 0 ? onPalette(tOf(n, max)) : EMPTY);
}

export function countInk(max) {
  return (n) => (n > 0 ? inkFor(tOf(n, max), 1) : "#111");
}

export function rampGradient() {
  const stops = Array.from({ length: 9 }, (_, i) => onPalette(T0 + ((1 - T0) * i) / 8));
  return `linear-gradient(to right, ${stops.join(", ")})`;
}
