/**
 * lab/api.js: the only module of the lab that knows the server's URLs.
 *
 *   filterImage(blob, name, settings, {signal}) -> Promise<FilterOut>   POST /api/images/filter
 *   inspectWindow(blob, settings, target, {signal}) -> Promise<WindowOut>  POST /api/images/window
 *       target {filter, channel, row, col}; blob is the answer's input.image, i.e. the image
 *       exactly as filtered, so the window's numbers are the map's numbers.
 *   presetKernels(size) -> Promise<[{name, kernel, sized}]>                GET /api/images/kernels
 *   dataUrlToBlob(url) -> Promise<Blob>
 *   LabError {status, detail, json}: json = the server explained itself ({"detail": ...});
 *       false for a network failure or FastAPI's plain-text 413 for an oversized body
 *
 * settings (from controls.js): {filters: string[], kernel: number[][] | null, mode, stride,
 * padding, padding_mode, dilation, size, relu, magnitude, contrast}.
 */

export class LabError extends Error {
  constructor(status, detail, json = false) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.json = json;
  }
}

const COMMON = ["mode", "stride", "padding", "padding_mode", "dilation", "size", "relu"];

function form(blob, name, settings, keys) {
  const f = new FormData();
  f.append("file", blob, name);
  for (const k of keys) f.append(k, String(settings[k]));
  const custom = settings.filters.includes("custom") || settings.filter === "custom";
  if (custom && settings.kernel) f.append("kernel", JSON.stringify(settings.kernel));
  return f;
}

async function send(url, body, signal) {
  let res;
  try {
    res = await fetch(url, { method: "POST", body, signal });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new LabError(0, String(err.message || err));
  }
  if (res.ok) return res.json();
  const text = await res.text().catch(() => "");
  try {
    const body = JSON.parse(text);
    if (typeof body.detail === "string") throw new LabError(res.status, body.detail, true);
  } catch (err) {
    if (err instanceof LabError) throw err;
    /* FastAPI's own 413 for an oversized body is text/plain "Content Too Large" */
  }
  throw new LabError(res.status, text.replace(/<[^>]*>/g, " ").trim().slice(0, 300) || res.statusText);
}

export function filterImage(blob, name, settings, { signal } = {}) {
  const f = form(blob, name, settings, [...COMMON, "magnitude", "contrast"]);
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

export async function presetKernels(size) {
  const res = await fetch(`/api/images/kernels?size=${encodeURIComponent(size)}`);
  if (!res.ok) throw new LabError(res.status, await res.text());
  return res.json();
}

export async function dataUrlToBlob(url) {
  return (await fetch(url)).blob();
}
