/**
 * variants/export.js: slides and code. GIF and PNG links for a pass and a step range (drawn
 * by the server with Pillow, at most max_frames frames), and the layer as runnable Python
 * (PyTorch, NumPy loops, convcore) with a copy button. Text from /api/conv/code.
 */
import { loadText, url } from "./api.js";
import { el } from "./matrix.js";
import { createSection } from "./section.js";

const LANGS = [["pytorch", "PyTorch"], ["numpy", "NumPy"], ["convcore", "convcore"]];
const VIEWS = ["forward", "backward", "transposed", "direct"];

export function createExport(root, { t, has, store, limits }) {
  let view = "forward";
  let start = 0;
  let stop = "";
  const section = createSection(root, {
    t,
    has,
    key: (s) => `${JSON.stringify(s.params)}|${s.lang}|${s.kind}`,
    fetch: (s, opts) => loadText(`code.${s.kind}`, s.params, { kind: s.kind, lang: s.lang }, opts),
    render,
  });

  function links(s) {
    const kind = view === "direct" ? "transposed" : view;
    const extra = view === "direct" ? { view: "direct" } : view === "transposed" ? { view: "scatter" } : {};
    const step = (view === "forward" ? s.steps.im2col : view === "backward" ? s.steps.backward : s.steps.transposed) || 0;
    const gif = el("a", { cls: "vr-button", text: t("variants.ex.gif"), attrs: { id: "ex-gif", href: url(`gif.${kind}`, s.params, { ...extra, start, stop }), download: `convscope-${view}.gif` } });
    const png = el("a", { cls: "vr-button", text: t("variants.ex.png", { k: step + 1 }), attrs: { id: "ex-png", href: url(`png.${kind}`, s.params, { ...extra, step }), download: `convscope-${view}-${step + 1}.png` } });
    return el("div", { cls: "vr-controls" }, [gif, png]);
  }

  function render(body, code, s) {
    const pick = el("select", { attrs: { id: "ex-view" } }, VIEWS.map((v) => el("option", { text: t(`variants.ex.${v}`), attrs: { value: v } })));
    pick.value = view;
    const from = el("input", { attrs: { id: "ex-start", type: "number", min: "0", value: String(start), inputmode: "numeric" } });
    const to = el("input", { attrs: { id: "ex-stop", type: "number", min: "1", value: String(stop), inputmode: "numeric" } });
    let box = links(s);
    const refresh = () => {
      view = pick.value;
      start = Number(from.value) || 0;
      stop = to.value;
      const next = links(s);
      box.replaceWith(next);
      box = next;
    };
    for (const node of [pick, from, to]) node.addEventListener("change", refresh);
    body.append(
      el("h3", { text: t("variants.ex.slides") }),
      el("div", { cls: "vr-controls" }, [
        el("label", { cls: "vr-field" }, [el("span", { text: t("variants.ex.view") }), pick]),
        el("label", { cls: "vr-field" }, [el("span", { text: t("variants.ex.start") }), from]),
        el("label", { cls: "vr-field" }, [el("span", { text: t("variants.ex.stop") }), to]),
      ]),
      el("p", { cls: "small", text: t("variants.ex.limit", { n: limits.max_frames }) }),
      box,
      el("h3", { text: t("variants.ex.code") }),
      codeView(code, s),
    );
  }

  function codeView(code, s) {
    const tabs = el("div", { cls: "vr-tabs", attrs: { role: "tablist" } }, LANGS.map(([lang, name]) => {
      const b = el("button", { text: name, attrs: { type: "button", role: "tab", "aria-selected": String(lang === s.lang), "data-lang": lang } });
      b.addEventListener("click", () => store.set({ lang }));
      return b;
    }));
    const kind = el("select", { attrs: { id: "ex-kind" } }, ["forward", "backward", "transposed"].map((k) => el("option", { text: t(`variants.ex.${k}`), attrs: { value: k } })));
    kind.value = s.kind;
    kind.addEventListener("change", () => store.set({ kind: kind.value }));
    const pre = el("pre", { cls: "vr-code", attrs: { id: "ex-code", tabindex: "0" } }, [el("code", { text: code })]);
    const done = el("span", { cls: "small", attrs: { "aria-live": "polite" } });
    const copy = el("button", { cls: "vr-button", text: t("variants.ex.copy"), attrs: { type: "button", id: "ex-copy" } });
    copy.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(code);
        done.textContent = t("variants.ex.copied");
      } catch {
        getSelection().selectAllChildren(pre); // no clipboard permission: select it for Ctrl+C
        done.textContent = t("variants.ex.selected");
      }
    });
    return el("div", {}, [
      el("div", { cls: "vr-controls" }, [tabs, el("label", { cls: "vr-field" }, [el("span", { text: t("variants.ex.kind") }), kind])]),
      el("p", { cls: "small", text: t("variants.ex.prints") }),
      pre,
      el("div", { cls: "vr-controls" }, [copy, done]),
    ]);
  }

  return section;
}
