/**
 * controls/transport.js: everything that moves the step. Tabs -> store.set({view}); play,
 * step, first/last, speed, scrub and the keyboard -> player; hover and click on the canvases
 * (through the scene's own hit test) -> explorer; all of them end in player.setStep(k).
 * Keys: space plays/pauses, ← → step (shift: 10), Home/End; ignored while typing in a field.
 *
 * createTransport(doc, {store, player, explorer, scene, t}) -> { view(view), step(k, total),
 *   playing(on), relabel() }
 */
import { SPEEDS } from "./state.js";

export function createTransport(doc, { store, player, explorer, scene, t }) {
  const $ = (id) => doc.getElementById(id);

  const tabs = [...doc.querySelectorAll("[role=tab]")];
  for (const tab of tabs) {
    tab.addEventListener("click", () => store.set({ view: tab.dataset.view }));
    tab.addEventListener("keydown", (e) => {
      // a tablist moves with the arrow keys (WAI-ARIA), not the player
      const d = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!d) return;
      e.preventDefault();
      e.stopPropagation();
      const next = tabs[(tabs.indexOf(tab) + d + tabs.length) % tabs.length];
      next.focus();
      store.set({ view: next.dataset.view });
    });
  }
  $("btn-play").addEventListener("click", () => player.toggle());
  $("btn-back").addEventListener("click", () => player.step(-1));
  $("btn-fwd").addEventListener("click", () => player.step(1));
  $("btn-first").addEventListener("click", () => player.first());
  $("btn-last").addEventListener("click", () => player.last());
  $("scrub").addEventListener("input", (e) => player.jump(Number(e.target.value)));
  $("speed").addEventListener("change", (e) => store.set({ speed: Number(e.target.value) }));
  // One path for every source of a speed (the select, a pasted link, an edited hash).
  store.subscribe((s, changed) => {
    if (!changed.has("speed")) return;
    player.setSpeed(SPEEDS[s.speed]);
    $("speed").value = String(s.speed);
  });

  doc.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const tag = e.target.tagName;
    const typing = tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || e.target.isContentEditable;
    if (typing) return;
    const keys = {
      " ": () => tag !== "BUTTON" && player.toggle(),
      ArrowLeft: () => player.step(e.shiftKey ? -10 : -1),
      ArrowRight: () => player.step(e.shiftKey ? 10 : 1),
      Home: () => player.first(),
      End: () => player.last(),
    };
    if (keys[e.key] && !(e.key === " " && tag === "BUTTON")) {
      e.preventDefault();
      keys[e.key]();
    }
  });

  // ---- pointer on the canvases ----
  let lastOut = "";
  const over = (id) => $(id);
  over("output-over").addEventListener("pointermove", (e) => {
    const hit = scene.hit("output", e.offsetX, e.offsetY);
    const key = hit ? `${hit.panel}:${hit.i}:${hit.j}` : "";
    if (key === lastOut) return;
    lastOut = key;
    explorer.hoverOutput(hit);
  });
  over("output-over").addEventListener("pointerleave", () => {
    lastOut = "";
    explorer.hoverOutput(null);
  });
  over("output-over").addEventListener("click", (e) => {
    const hit = scene.hit("output", e.offsetX, e.offsetY);
    if (hit) explorer.clickOutput(hit);
  });
  let lastIn = "";
  over("input-over").addEventListener("pointermove", (e) => {
    const hit = scene.hit("input", e.offsetX, e.offsetY);
    const key = hit ? `${hit.panel}:${hit.i}:${hit.j}` : "";
    if (key === lastIn) return;
    lastIn = key;
    explorer.hoverInput(hit);
  });
  over("input-over").addEventListener("click", (e) => {
    const hit = scene.hit("input", e.offsetX, e.offsetY);
    if (hit) explorer.clickInput(hit);
  });
  over("input-over").addEventListener("pointerleave", () => {
    lastIn = "";
    explorer.hoverInput(null);
  });

  $("share").addEventListener("click", async (e) => {
    e.preventDefault();
    try {
      await navigator.clipboard.writeText(location.href);
      $("share-done").textContent = t("share.done");
    } catch {
      $("share-done").textContent = t("share.manual");
    }
  });

  function relabel() {
    const sel = $("speed");
    const keep = sel.value || String(store.get().speed);
    sel.innerHTML = SPEEDS.map((n, i) => `<option value="${i}">${t("tr.speed.unit", { n })}</option>`).join("");
    sel.value = keep;
  }
  relabel();
  player.setSpeed(SPEEDS[store.get().speed]);

  return {
    view(view) {
      for (const tab of doc.querySelectorAll("[role=tab]")) {
        const on = tab.dataset.view === view;
        tab.setAttribute("aria-selected", String(on));
        tab.tabIndex = on ? 0 : -1;
      }
      $("stage").setAttribute("aria-labelledby", `tab-${view}`);
      $("controls").dataset.view = view;
      doc.body.dataset.view = view; // page-wide: what a view lacks (padding modes) hides
    },
    step(k, total) {
      const scrub = $("scrub");
      scrub.max = String(Math.max(0, total - 1));
      scrub.value = String(k);
      $("counter").textContent = t("tr.counter", { k: k + 1, total });
      $("counter").dataset.k = String(k);
    },
    playing(on) {
      $("btn-play").setAttribute("aria-pressed", String(on));
      $("play-label").dataset.i18n = on ? "tr.pause" : "tr.play";
      $("play-label").textContent = t(on ? "tr.pause" : "tr.play");
    },
    relabel,
  };
}
