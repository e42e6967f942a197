/**
 * learn/api.js: the only module of this page that knows the server's URLs.
 *
 *   fetchPlan(state) -> Promise<Plan>    GET /api/learn/plan (docs/api.md): image, target,
 *       target_map, eigenvalues, lambda_max, lambda_min, lr_max, condition, lr, iterations
 *   streamSteps(state, onStep(step), signal) -> Promise<Done>   GET /api/learn/steps (SSE):
 *       step = {iteration, loss, kernel, dW, update, output?}; Done = {kernel, loss,
 *       iteration, diverged, lr, lr_max}
 *   failures are shared/http.js's HttpError
 */
import { getJson, readEvents, request } from "../shared/http.js";
import { query } from "./state.js";

export const fetchPlan = (state, signal) => getJson(`/api/learn/plan?${query(state)}`, { signal });

export async function streamSteps(state, onStep, signal) {
  const res = await request(`/api/learn/steps?${query(state)}`, { signal, accept: "text/event-stream" });
  let done = null;
  await readEvents(res, (name, data) => {
    if (name === "step") onStep(data);
    else if (name === "done") done = data;
  });
  return done;
}
