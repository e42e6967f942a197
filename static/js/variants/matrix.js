/**
 * variants/matrix.js: a matrix of the engine's numbers as an HTML table (it reflows on a phone
 * and scales with large type; canvas would need its own layout per size). Pure DOM building.
 *
 *   matrix(rows, {title, cls(i, j) -> "class names", note(i, j) -> string, colour, id}) -> <figure>
 *     rows: number[][] (null cells are drawn empty); each <td> carries data-r, data-c, data-v
 *   el(tag, {class, text, attrs}, children) -> element     a tiny builder used by every section
 *   list(items) -> <ul>
 */
import { fmt } from "../shared/format.js";
import { inkFor, makeScale, maxAbsOf } from "../render/colors.js";

export function el(tag, { cls = "", text = null, attrs = {} } = {}, children = []) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== null) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(child);
  return node;
}

export function matrix(rows, { title = "", cls = () => "", note = () => "", colour = true, id = "" } = {}) {
  const max = maxAbsOf(rows.map((r) => r.map((v) => (v == null ? 0 : v))));
  const scale = makeScale(max);
  const body = el("tbody");
  rows.forEach((row, i) => {
    const tr = el("tr");
    row.forEach((v, j) => {
      const extra = note(i, j);
      const td = el("td", { cls: cls(i, j), attrs: { "data-r": i, "data-c": j } });
      if (v != null) {
        td.dataset.v = String(v);
        td.textContent = fmt(v);
        if (colour && !td.classList.contains("pad")) {
          td.style.background = scale(v);
          td.style.color = inkFor(v, max);
        }
      }
      if (extra) td.append(el("small", { text: extra }));
      tr.append(td);
    });
    body.append(tr);
  });
  const attrs = id ? { id } : {};
  return el("figure", { cls: "vm", attrs }, [
    title ? el("figcaption", { text: title }) : null,
    el("div", { cls: "vm-scroll" }, [el("table", {}, [body])]),
  ]);
}

export function list(items, cls = "") {
  return el("ul", { cls }, items.map((text) => el("li", { text })));
}

/** Rows i, cols j of a window as a Set of "i,j" keys. */
export function cells(rows, cols) {
  const out = new Set();
  for (const r of rows) for (const c of cols) out.add(`${r},${c}`);
  return out;
}
