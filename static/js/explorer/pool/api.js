/**
 * explorer/pool/api.js: the pooling tab's only module that knows URLs (docs/api.md).
 *
 *   fetchPoolPlan(params, signal) -> Promise<plan>   GET /api/pool/plan
 *   streamPoolSteps(params, onStep, signal) -> Promise<done>   GET /api/pool/steps (SSE)
 */
import { getJson, readEvents, request } from "../../shared/http.js";

const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== null)).toString();

export const fetchPoolPlan = (params, signal) => getJson(`/api/pool/plan?${query(params)}`, { signal });

export async function streamPoolSteps(params, onStep, signal) {
  const res = await request(`/api/pool/steps?${query(params)}`, { signal, accept: "text/event-stream" });
  let done = null;
  await readEvents(res, (name, data) => (name === "step" ? onStep(data) : (done = data)));
  return done;
}
