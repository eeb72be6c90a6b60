// The attribute playground of the embedding guide: the preview and the snippet follow the form.
import "./pkg/bangfu.js";

const form = document.getElementById("playground");
const preview = document.getElementById("preview");
const snippet = document.getElementById("snippet");

function render() {
  const data = new FormData(form);
  const tag = data.get("widget");
  const el = document.createElement(tag);
  const attrs = [];
  for (const name of ["mode", "year", "date"]) {
    const value = String(data.get(name) || "").trim();
    if (value) {
      el.setAttribute(name, value);
      attrs.push(`${name}="${value.replace(/"/g, "&quot;")}"`);
    }
  }
  if (data.get("large-text")) {
    el.setAttribute("large-text", "");
    attrs.push("large-text");
  }
  preview.textContent = ""; // not replaceChildren(): Chromium < 86 lacks it
  preview.appendChild(el);
  snippet.textContent = `<script type="module" src="/bangfu/pkg/bangfu.js"></script>\n<${tag}${attrs.length ? " " + attrs.join(" ") : ""}></${tag}>`;
}
form.addEventListener("input", render);
form.addEventListener("change", render);
render();
