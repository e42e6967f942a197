/**
 * variants/section.js: what every section shares: load its data when its URL changes (an
 * older answer never overwrites a newer one), show a server refusal in the section's own
 * words box, and mark the section ready for tests (data-ready = the URL it shows).
 *
 *   createSection(root, {t, has, fetch(state, {signal}) -> Promise<data>, key(state) -> string,
 *                        render(body, data, state)}) -> {update(state), rerender()}
 */
import { showError } from "../shared/error-view.js";

export function createSection(root, { t, has, fetch, key, render }) {
  const body = root.querySelector(".vr-body");
  const box = root.querySelector(".vr-error");
  let shown = null;
  let controller = null;
  let last = null; // {data, state} of the answer on screen

  async function update(state) {
    const k = key(state);
    if (k === shown) return;
    shown = k;
    controller?.abort();
    controller = new AbortController();
    root.setAttribute("aria-busy", "true");
    try {
      const data = await fetch(state, { signal: controller.signal });
      if (k !== shown) return;
      box.hidden = true;
      last = { data, state };
      body.replaceChildren();
      render(body, data, state);
      root.classList.remove("stale");
    } catch (err) {
      if (err.name === "AbortError" || k !== shown) return;
      showError(box, err, { t, has });
      box.hidden = false;
      root.classList.add("stale");
    } finally {
      if (k === shown) {
        root.removeAttribute("aria-busy");
        root.dataset.ready = k;
      }
    }
  }

  return {
    update,
    rerender() {
      if (!last) return;
      body.replaceChildren();
      render(body, last.data, last.state);
    },
  };
}
