/**
 * api.js: the only module that knows the server's URLs (docs/api.md).
 *
 *   fetchPlan(view, params, {signal}) -> Promise<plan>
 *   streamSteps(view, params, start, stop, {onStep, signal}) -> Promise<done>
 *       reads the SSE stream with fetch (so a 4xx body stays readable and an abort really
 *       cancels the request); onStep(step) per `event: step`; resolves with `event: done` data
 *   ApiError {status, detail, kind}: kind "server" (a 4xx with the server's sentence in
 *       detail), "http" (any other non-OK answer, detail is its text), "network"
 *
 * view is "forward", "backward" or "transpose"; params are state.params (strings). Each
 * endpoint takes only its own parameters (the server forbids unknown ones).
 */
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

export class ApiError extends Error {
  constructor(status, detail, kind) {
    super(detail);
    this.status = status;
    this.detail = detail;
    this.kind = kind;
  }
}

function query(view, params, drop, extra = {}) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (!drop.includes(key) && value !== "" && value !== undefined && value !== null) q.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) q.set(key, String(value));
  return q.toString();
}

async function errorOf(res) {
  const text = await res.text().catch(() => "");
  let detail = null;
  try {
    const body = JSON.parse(text);
    if (typeof body.detail === "string") detail = body.detail;
    else if (Array.isArray(body.detail)) {
      detail = body.detail.map((e) => `${(e.loc || []).slice(1).join(".")}: ${e.msg}`).join("; ");
    }
  } catch {
    /* not JSON: a proxy page, a 413 "Content Too Large", a 500 */
  }
  if (detail && res.status >= 400 && res.status < 500) return new ApiError(res.status, detail, "server");
  const short = (detail || text || res.statusText || "").replace(/<[^>]*>/g, " ").trim().slice(0, 200);
  return new ApiError(res.status, short || String(res.status), "http");
}

async function get(url, signal) {
  let res;
  try {
    res = await fetch(url, { signal, headers: { Accept: "application/json, text/event-stream" } });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new ApiError(0, err.message || String(err), "network");
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

export async function fetchPlan(view, params, { signal } = {}) {
  const ep = ENDPOINTS[view];
  const drop = view === "transpose" ? ep.drop : [...PLAN_DROP, "output_padding"];
  const res = await get(`${ep.plan}?${query(view, params, drop)}`, signal);
  return res.json();
}

export async function streamSteps(view, params, start, stop, { onStep, signal } = {}) {
  const ep = ENDPOINTS[view];
  const res = await get(`${ep.steps}?${query(view, params, ep.drop, { start, stop })}`, signal);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  let done = null;
  const handle = (block) => {
    let name = "message";
    let data = "";
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data += line.slice(5).trim();
    }
    if (!data) return;
    const obj = JSON.parse(data);
    if (name === "step") onStep(obj);
    else if (name === "done") done = obj;
  };
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    buf += decoder.decode(value, { stream: true });
    const blocks = buf.split("\n\n");
    buf = blocks.pop(); // an incomplete event waits for the next chunk
    for (const block of blocks) handle(block);
  }
  if (buf.trim()) handle(buf);
  if (!done) throw new ApiError(res.status, "the step stream ended early", "http");
  return done;
}
