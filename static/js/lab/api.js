/**
 * lab/api.js: the only module of the lab that knows the server's URLs.
 *
 *   filterImage(blob, name, settings, {signal}) -> Promise<FilterOut>   POST /api/images/filter
 *   inspectWindow(blob, settings, target, {signal}) -> Promise<WindowOut>  POST /api/images/window
 *       target {filter, channel, row, col}; blob is the answer's input.image, i.e. the image
 *       exactly as filtered, so the window's numbers are the map's numbers.
 *   presetKernels(size) -> Promise<[{name, kernel, sized}]>                GET /api/images/kernels
 *   dataUrlToBlob(url) -> Promise<Blob>
 *   failures are shared/http.js's HttpError (kind "http" for a plain-text 413)
 *
 * settings (from controls.js): {filters: string[], kernel: number[][] | null, mode, stride,
 * padding, padding_mode, dilation, size, relu, magnitude, contrast}.
 */

import { getJson, postForm } from "../shared/http.js";

const COMMON = ["mode", "stride", "padding", "padding_mode", "dilation", "size", "relu"];

function form(blob, name, settings, keys) {
  const f = new FormData();
  f.append("file", blob, name);
  for (const k of keys) f.append(k, String(settings[k]));
  const custom = settings.filters.includes("custom") || settings.filter === "custom";
  if (custom && settings.kernel) f.append("kernel", JSON.stringify(settings.kernel));
  return f;
}

const send = (url, body, signal) => postForm(url, body, { signal });

export function filterImage(blob, name, settings, { signal } = {}) {
  const f = form(blob, name, settings, [...COMMON, "magnitude", "contrast", "resolution"]);
  for (const n of settings.filters) f.append("filters", n);
  return send("/api/images/filter", f, signal);
}

export function inspectWindow(blob, settings, target, { signal } = {}) {
  const s = { ...settings, filter: target.filter };
  const f = form(blob, "input.webp", s, COMMON);
  f.append("filter", target.filter);
  f.append("channel", String(target.channel));
  f.append("row", String(target.row));
  f.append("col", String(target.col));
  return send("/api/images/window", f, signal);
}

export function presetKernels(size) {
  return getJson(`/api/images/kernels?size=${encodeURIComponent(size)}`);
}

export async function dataUrlToBlob(url) {
  return (await fetch(url)).blob();
}
