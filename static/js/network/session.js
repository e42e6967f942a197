/**
 * network/session.js: what the page shows for the current state, asked of the server in order.
 * A newer image makes an older answer stale (a counter, as in receptive/main.js), so a fast
 * pen never shows an old prediction over a new drawing.
 *
 *   createSession({api, views, onError, onShown}) -> session
 *     session.show(image, unit)   predict -> counts, probabilities, maps; then the unit, if any
 *     session.preview(image)      predict while the pen moves (at most one request in flight)
 *     session.last() -> the last prediction shown (or null)
 */
export function createSession({ api, views, onError, onShown }) {
  let shown = 0; // a newer show() makes an older answer stale
  let last = null;
  let flying = false;
  let queued = null;

  function render(answer, unit) {
    last = answer;
    views.answer(answer, unit);
  }

  async function show(image, unit) {
    const mine = ++shown;
    queued = null; // a pen preview waiting to be asked is older than this image
    try {
      const answer = await api.predict(image);
      if (mine !== shown) return;
      render(answer, unit);
      if (unit) {
        const u = await api.getUnit(image, unit);
        if (mine !== shown) return;
        views.unit(u);
      } else views.unit(null);
      onShown(answer);
    } catch (err) {
      if (mine === shown) onError(err);
    }
  }

  async function preview(image) {
    if (flying) {
      queued = image;
      return;
    }
    flying = true;
    const mine = shown;
    try {
      const answer = await api.predict(image);
      if (mine === shown) render(answer, null);
    } catch {
      /* the stroke's end asks again and shows any error */
    } finally {
      flying = false;
      if (queued) {
        const next = queued;
        queued = null;
        preview(next);
      }
    }
  }

  return { show, preview, last: () => last };
}
