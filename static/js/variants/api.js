/**
 * variants/api.js: the only module of this page that knows the server's URLs (docs/api.md).
 * Each endpoint takes only its own parameters (the server forbids unknown ones), so every
 * call names what it drops from the explorer's params.
 *
 *   url(kind, params, extra) -> string       the endpoint's URL for this layer
 *   load(kind, params, extra, {signal}) -> Promise<json>
 *   kind: backward | update | transposed | grouped | im2col | plan | transposePlan |
 *         code | gif.forward | gif.backward | gif.transposed | png.forward | ...
 */
import { getJson, request } from "../shared/http.js";

const FORWARD_DROP = ["grad", "output_padding"];
const TRANSPOSE_DROP = ["grad", "padding_mode"];
const ROUTES = {
  backward: ["/api/variants/backward", ["output_padding"]],
  update: ["/api/variants/update", FORWARD_DROP],
  transposed: ["/api/variants/transposed", TRANSPOSE_DROP],
  grouped: ["/api/variants/grouped", FORWARD_DROP],
  im2col: ["/api/variants/im2col", FORWARD_DROP],
  plan: ["/api/conv/plan", FORWARD_DROP],
  transposePlan: ["/api/conv-transpose/plan", TRANSPOSE_DROP],
  "code.forward": ["/api/conv/code", FORWARD_DROP],
  "code.backward": ["/api/conv/code", ["output_padding"]],
  "code.transposed": ["/api/conv/code", TRANSPOSE_DROP],
  "gif.forward": ["/api/conv/animation.gif", FORWARD_DROP],
  "gif.backward": ["/api/conv/backward/animation.gif", ["output_padding"]],
  "gif.transposed": ["/api/conv-transpose/animation.gif", TRANSPOSE_DROP],
  "png.forward": ["/api/conv/frame.png", FORWARD_DROP],
  "png.backward": ["/api/conv/backward/frame.png", ["output_padding"]],
  "png.transposed": ["/api/conv-transpose/frame.png", TRANSPOSE_DROP],
};

export function url(kind, params, extra = {}) {
  const [path, drop] = ROUTES[kind];
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (!drop.includes(key) && value !== "" && value != null) q.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value !== "" && value != null) q.set(key, String(value));
  return `${path}?${q}`;
}

export function load(kind, params, extra = {}, { signal } = {}) {
  return getJson(url(kind, params, extra), { signal });
}

/** The code view's text (text/x-python). */
export async function loadText(kind, params, extra = {}, { signal } = {}) {
  const res = await request(url(kind, params, extra), { signal, accept: "text/x-python" });
  return res.text();
}
