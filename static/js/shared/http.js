/**
 * shared/http.js: the one HTTP client of every page, and its one error type.
 *
 *   request(url, {method, body, json, signal, accept}) -> Promise<Response>   an OK answer, or
 *       throws; `json` sends that value as a JSON body
 *   getJson(url, opts) / postForm(url, formData, opts) -> Promise<json>
 *   postJson(url, value, opts) -> Promise<json>   value sent as an application/json body
 *   readEvents(res, onEvent(name, data)) -> Promise<void>   parses a text/event-stream body
 *   HttpError {status, code, args, detail, kind}
 *       kind "server": a 4xx whose JSON body explains itself: {"detail": sentence, "code":
 *         snake_case id, "args": {...}} (docs/api.md); the error view translates by code.
 *       kind "http": any other non-OK answer (a proxy page, a plain-text 413, a 500);
 *         detail is its text, without markup.
 *       kind "network": no answer at all.
 *   An abort is re-thrown as the browser's AbortError, never as an HttpError.
 *
 * A 503 (a classroom keeps every heavy slot of the server busy) is retried after its
 * Retry-After, at most BUSY_TRIES times; each wait fires a "convscope:busy" event on window
 * ({detail: {seconds}}) so the page can say it is waiting, and "convscope:busy-end" after.
 */
export class HttpError extends Error {
  constructor({ status = 0, code = null, args = {}, detail = "", kind = "http" }) {
    super(detail);
    this.name = "HttpError";
    Object.assign(this, { status, code, args, detail, kind });
  }
}

function fromBody(status, text) {
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: a proxy page, a plain-text 413, a 500 */
  }
  if (status >= 400 && status < 500 && body && typeof body.detail === "string") {
    return new HttpError({ status, code: body.code ?? null, args: body.args ?? {}, detail: body.detail, kind: "server" });
  }
  if (status >= 400 && status < 500 && body && Array.isArray(body.detail)) {
    // FastAPI's raw validation list, from a server older than the {detail, code, args} body
    const detail = body.detail.map((e) => `${(e.loc || []).slice(1).join(".")}: ${e.msg}`).join("; ");
    return new HttpError({ status, detail, kind: "server" });
  }
  const plain = text.replace(/<[^>]*>/g, " ").trim().slice(0, 300); // markup out, words kept
  return new HttpError({ status, detail: plain || String(status), kind: "http" });
}

const BUSY_TRIES = 12;

function pause(seconds, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, seconds * 1000);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new DOMException("aborted", "AbortError"));
    });
  });
}

async function send(url, { method, body, signal, headers }) {
  try {
    return await fetch(url, { method, body, signal, headers });
  } catch (err) {
    if (err.name === "AbortError") throw err;
    throw new HttpError({ detail: String(err.message || err), kind: "network" });
  }
}

export async function request(url, { method = "GET", body, signal, accept = "application/json", json } = {}) {
  const headers = { Accept: accept };
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  }
  let res = await send(url, { method, body, signal, headers });
  for (let tries = 1; res.status === 503 && tries < BUSY_TRIES; tries++) {
    const seconds = Math.min(30, Math.max(1, Number(res.headers.get("Retry-After")) || 1));
    window.dispatchEvent(new CustomEvent("convscope:busy", { detail: { seconds } }));
    try {
      await pause(seconds, signal);
    } finally {
      window.dispatchEvent(new CustomEvent("convscope:busy-end"));
    }
    res = await send(url, { method, body, signal, headers });
  }
  if (!res.ok) throw fromBody(res.status, await res.text().catch(() => ""));
  return res;
}

export async function getJson(url, opts = {}) {
  return (await request(url, opts)).json();
}

export async function postForm(url, body, opts = {}) {
  return (await request(url, { ...opts, method: "POST", body })).json();
}

export async function postJson(url, value, opts = {}) {
  return (await request(url, { ...opts, method: "POST", json: value })).json();
}

export async function readEvents(res, onEvent) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  const handle = (block) => {
    let name = "message";
    let data = "";
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data += line.slice(5).trim();
    }
    if (data) onEvent(name, JSON.parse(data));
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    const blocks = buf.split("\n\n");
    buf = blocks.pop(); // an incomplete event waits for the next chunk
    for (const block of blocks) handle(block);
  }
  if (buf.trim()) handle(buf);
}
