/**
 * explorer/api.js: the only module of the explorer that knows the server's URLs (docs/api.md).
 *
 *   fetchPlan(view, params, {signal}) -> Promise<plan>
 *   streamSteps(view, params, start, stop, {onStep, signal}) -> Promise<done>
 *       reads the SSE stream with fetch (so a 4xx body stays readable and an abort really
 *       cancels the request); onStep(step) per `event: step`; resolves with `event: done` data
 *   fetchKernelPresets() -> Promise<[{name, sizes, sized, rectangular}]>   GET /api/kernels
 *   failures are shared/http.js's HttpError
 *
 * view is "forward", "backward" or "transpose"; params are state.params (strings). Each
 * endpoint takes only its own parameters (the server forbids unknown ones).
 */
import { HttpError, getJson, readEvents, request } from "../shared/http.js";

const ENDPOINTS = {
  forward: { plan: "/api/conv/plan", steps: "/api/conv/steps", drop: ["grad", "output_padding"] },
  backward: { plan: "/api/conv/plan", steps: "/api/conv/backward/steps", drop: ["output_padding"] },
  transpose: {
    plan: "/api/conv-transpose/plan",
    steps: "/api/conv-transpose/steps",
    drop: ["grad", "padding_mode"],
  },
};
const PLAN_DROP = ["grad"]; // the plan of the backward view is the forward plan

// A URL past this many characters goes as a POST of the same fields (a form body) to the same
// path instead: the server's request line holds about 64 KB, and input_values of a 3x64x64
// input alone is ~80 KB.
const URL_LIMIT = 8000;

function fields(params, drop, extra = {}) {
  const out = {};
  for (const [key, value] of Object.entries(params)) {
    if (!drop.includes(key) && value !== "" && value !== undefined && value !== null) out[key] = String(value);
  }
  for (const [key, value] of Object.entries(extra)) out[key] = String(value);
  return out;
}

/** request() by GET with a query, or by POST with the same fields when the URL would be long. */
function call(path, values, opts) {
  const url = `${path}?${new URLSearchParams(values)}`;
  if (url.length <= URL_LIMIT) return request(url, opts);
  return request(path, { ...opts, method: "POST", body: new URLSearchParams(values) });
}

export async function fetchPlan(view, params, { signal } = {}) {
  const ep = ENDPOINTS[view];
  const drop = view === "transpose" ? ep.drop : [...PLAN_DROP, "output_padding"];
  return (await call(ep.plan, fields(params, drop), { signal })).json();
}

export async function streamSteps(view, params, start, stop, { onStep, signal } = {}) {
  const ep = ENDPOINTS[view];
  const values = fields(params, ep.drop, { start, stop });
  const res = await call(ep.steps, values, { signal, accept: "text/event-stream" });
  let done = null;
  await readEvents(res, (name, data) => {
    if (name === "step") onStep(data);
    else if (name === "done") done = data;
  });
  if (!done) throw new HttpError({ status: res.status, code: "stream_ended", detail: "the step stream ended early" });
  return done;
}

/** The kernel presets the server knows, [{name, sizes, sized, rectangular}] (docs/api.md). */
export function fetchKernelPresets() {
  return getJson("/api/kernels");
}
