/**
 * receptive/api.js: the only module of this page that knows the server's URL.
 *
 *   fetchField(layers, size, y) -> Promise<Field>     GET /api/receptive-field (docs/api.md)
 *       Field = {size, stride, padding, region, center, visible, maps, paths, layers}; answers
 *       are cached by query, so hovering back and forth over the output strip asks once.
 *   resolveField(layers, size, y) -> Promise<{field, y}>
 *       y may be null (the middle of the last map) or beyond the last map after an edit
 *       shrank it. Only the server knows the last map's length, so ask it with y = 0 first
 *       and then for the y that fits: the middle, or the last position.
 *   fetchErf(layers, size, {weights, relu, seeds}) -> Promise<Erf>   GET /api/receptive-field/erf
 *       Erf = {erf, std, mean, center, out_size, rf, region, visible, linear_std, depth}
 *   failures are shared/http.js's HttpError
 */
import { getJson } from "../shared/http.js";
import { layersText } from "./state.js";

const URL_PATH = "/api/receptive-field";
const CACHE_SIZE = 256;
const cache = new Map(); // query -> Promise<Field>, oldest first

const get = (query) => getJson(`${URL_PATH}?${query}`);

export function fetchField(layers, size, y) {
  const query = `layers=${layersText(layers)}&size=${size}&y=${y}`;
  let answer = cache.get(query);
  if (!answer) {
    answer = get(query);
    // A failed or network answer is not kept: the next try asks again.
    answer.catch(() => cache.delete(query));
    cache.set(query, answer);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
  }
  return answer;
}

export function fetchErf(layers, size, { weights, relu, seeds }) {
  return getJson(`${URL_PATH}/erf?layers=${layersText(layers)}&size=${size}&weights=${weights}&relu=${relu}&seeds=${seeds}`);
}

export async function resolveField(layers, size, y) {
  if (y !== null) {
    try {
      return { field: await fetchField(layers, size, y), y };
    } catch (err) {
      if (err.kind !== "server" || y === 0) throw err;
      // Perhaps only y no longer fits; the probe below says whether the stack itself does.
    }
  }
  const probe = await fetchField(layers, size, 0); // throws the stack's own sentence
  const last = probe.maps[probe.maps.length - 1];
  const fit = y === null ? Math.floor((last - 1) / 2) : last - 1;
  return fit === 0 ? { field: probe, y: 0 } : { field: await fetchField(layers, size, fit), y: fit };
}
