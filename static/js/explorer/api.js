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

function query(view, params, drop, extra = {}) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (!drop.includes(key) && value !== "" && value !== undefined && value !== null) q.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) q.set(key, String(value));
  return q.toString();
}

export async function fetchPlan(view, params, { signal } = {}) {
  const ep = ENDPOINTS[view];
  const drop = view === "transpose" ? ep.drop : [...PLAN_DROP, "output_padding"];
  return getJson(`${ep.plan}?${query(view, params, drop)}`, { signal });
}

export async function streamSteps(view, params, start, stop, { onStep, signal } = {}) {
  const ep = ENDPOINTS[view];
  const url = `${ep.steps}?${query(view, params, ep.drop, { start, stop })}`;
  const res = await request(url, { signal, accept: "text/event-stream" });
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
