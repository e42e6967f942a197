/**
 * shared/canvas.js: the one hi-DPI canvas helper. A canvas sized w x h CSS px gets a backing
 * store of w*dpr x h*dpr device pixels, so lines and numbers stay sharp on a projector or a
 * phone, and drawing code keeps working in CSS px.
 *
 *   fitCanvas(canvas, w, h) -> ctx   sized, cleared, transform set to dpr; the backing store
 *                                    is only reallocated when its size changes (cheap per frame)
 */
export function fitCanvas(canvas, w, h) {
  const dpr = window.devicePixelRatio || 1;
  const W = Math.max(1, Math.ceil(w));
  const H = Math.max(1, Math.ceil(h));
  if (canvas.width !== Math.round(W * dpr) || canvas.height !== Math.round(H * dpr)) {
    canvas.width = Math.round(W * dpr);
    canvas.height = Math.round(H * dpr);
  }
  canvas.style.width = `${W}px`;
  canvas.style.height = `${H}px`;
  const ctx = canvas.getContext("2d");
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, W, H); // as a reallocation would: every caller draws a whole frame
  return ctx;
}
