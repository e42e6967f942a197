/**
 * receptive/views-layout.js: where the three drawings go (last-map strip, input grid, bar
 * chart), one above the other at the same x. Pure arithmetic on sizes.
 *
 *   viewSizes(large, innerHeight) -> sizes    type and cell sizes (projector or screen); the
 *       grid and the strip fit one screen of innerHeight CSS px
 *   layoutViews(field, sizes, room) -> {geom, strip, bars}
 *       room: the figure's width in CSS px; geom (field.js) frames the input with enough
 *       padding cells for the region of any output, strip (strip.js) and bars (bars.js) line
 *       up with its columns
 */
import { SIZES } from "../render/layout.js";
import { barsLayout } from "./bars.js";
import { fieldLayout } from "./field.js";
import { stripLayout } from "./strip.js";

export function viewSizes(large, innerHeight) {
  const s = SIZES(large);
  const tall = Math.max(320, innerHeight - 120); // grid and strip fit one screen
  return { ...s, maxCell: large ? 60 : 42, stripCell: large ? 52 : 34, plotH: large ? 140 : 90, maxHeight: Math.min(large ? 900 : 640, tall) };
}

export function layoutViews(field, s, room) {
  const [u, v] = field.region;
  // padding frame: wide enough for any output's region (P0), or this one's overhang
  const margin = Math.max(0, field.padding, -u, v - (field.paths.length - 1));
  const width = Math.max(240, room);
  const gutter = Math.round(s.font * 2.4);
  const geom = fieldLayout({ size: field.paths.length, margin, width, maxCell: s.maxCell, maxHeight: s.maxHeight, gutter });
  const strip = stripLayout(geom, field.maps[field.maps.length - 1], { maxCell: s.stripCell, font: s.font, width });
  const bars = barsLayout(geom, { font: s.font, plotH: s.plotH });
  return { geom, strip, bars };
}
