/**
 * network/api.js: the only module of this page that knows the server's URLs (docs/api.md).
 *
 *   getModel() -> Promise<{layers, weights, accuracy, split}>       GET /api/network/model
 *   predict(image, signal) -> Promise<{image, activations, logits, probabilities, prediction}>
 *   getUnit(image, {layer, channel, row, col}, signal) -> Promise<Unit>   POST /api/network/unit
 *   getTestImage(k) -> Promise<{index, dataset_index, image, label}>
 *   train(params, onEvent(name, data), signal) -> Promise<void>     GET /api/network/train (SSE)
 *   failures are shared/http.js's HttpError
 */
import { getJson, postJson, readEvents, request } from "../shared/http.js";

const BASE = "/api/network";

export const getModel = () => getJson(`${BASE}/model`);

export const predict = (image, signal) => postJson(`${BASE}/predict`, { image }, { signal });

export const getUnit = (image, unit, signal) => postJson(`${BASE}/unit`, { image, ...unit }, { signal });

export const getTestImage = (k) => getJson(`${BASE}/test-image?index=${k}`);

export async function train(params, onEvent, signal) {
  const query = new URLSearchParams(params).toString();
  const res = await request(`${BASE}/train?${query}`, { signal, accept: "text/event-stream" });
  await readEvents(res, onEvent);
}
