/**
 * order.js: the order in which the server streams steps (docs/api.md): step k is output
 * element (n, f, i, j) in row-major order over (N, C_out, H_out, W_out) for conv2d, and input
 * element (n, c, h, w) over (N, C_in, H, W) for the transposed conv. This is bookkeeping on
 * the plan's shapes, not convolution geometry: which input cells a step reads always comes
 * from the step's own rows/cols.
 *
 *   unravel(dims, k) -> [a, b, c, d]     stepOf(dims, [a, b, c, d]) -> k
 */
export function unravel(dims, k) {
  const out = new Array(dims.length);
  for (let i = dims.length - 1; i >= 0; i--) {
    out[i] = k % dims[i];
    k = Math.floor(k / dims[i]);
  }
  return out;
}

export function stepOf(dims, idx) {
  return idx.reduce((k, v, i) => k * dims[i] + v, 0);
}
