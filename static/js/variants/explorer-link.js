/**
 * variants/explorer-link.js: loaded by the explorer; its "explained on the variants page"
 * link carries the explorer's current layer (location.hash) and the matching section.
 */
const link = document.getElementById("variants-link");
if (link) {
  link.addEventListener("click", () => {
    const q = new URLSearchParams(location.hash.replace(/^#/, ""));
    const section = q.get("view") === "transpose" ? "transposed" : "backward";
    q.delete("view");
    q.delete("k");
    q.delete("speed");
    q.set("section", section);
    link.href = `/variants#${q}`;
  });
}
