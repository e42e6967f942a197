/**
 * lab/source.js: where the image comes from: the file picker, drag-and-drop onto the drop
 * zone (or anywhere on the page), paste from the clipboard, or a bundled sample.
 *
 *   watchSources({input, zone, sample}, onImage) -> void
 *     onImage(blob, name) for every new image; the type is checked by the server, not here,
 *     so a wrongly named file still works and a non-image gets the server's clear message.
 */

function firstFile(list) {
  return list && list.length ? list[0] : null;
}

export function watchSources({ input, zone, sample }, onImageRaw) {
  let generation = 0; // a sample still loading must not replace an image chosen after it
  const onImage = (blob, name) => {
    generation += 1;
    onImageRaw(blob, name);
  };
  input.addEventListener("change", () => {
    const f = firstFile(input.files);
    if (f) {
      sample.value = "";
      onImage(f, f.name);
    }
  });

  zone.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      input.click();
    }
  });

  // Dropping anywhere works; the zone lights up while something is dragged over the page.
  let depth = 0;
  document.addEventListener("dragenter", (e) => {
    if (![...(e.dataTransfer?.types || [])].includes("Files")) return;
    depth += 1;
    zone.classList.add("dragging");
  });
  document.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (!depth) zone.classList.remove("dragging");
  });
  document.addEventListener("dragover", (e) => e.preventDefault());
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    depth = 0;
    zone.classList.remove("dragging");
    const f = firstFile(e.dataTransfer?.files);
    if (f) {
      sample.value = "";
      onImage(f, f.name);
    }
  });

  document.addEventListener("paste", (e) => {
    const item = [...(e.clipboardData?.items || [])].find((i) => i.kind === "file");
    const f = item?.getAsFile();
    if (f) {
      e.preventDefault();
      sample.value = "";
      onImage(f, f.name || "pasted image");
    }
  });

  sample.addEventListener("change", async () => {
    if (!sample.value) return;
    const asked = ++generation;
    const name = `${sample.value}.png`;
    const res = await fetch(`/static/samples/${name}`);
    const blob = res.ok ? await res.blob() : null;
    if (blob && asked === generation) onImage(blob, name);
  });
}
