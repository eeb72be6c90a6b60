// For the host page of an iframe embed: resizes each <iframe data-bangfu> to its content.
window.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "bangfu-resize" || typeof data.height !== "number") return;
  for (const frame of document.querySelectorAll("iframe[data-bangfu]")) {
    if (frame.contentWindow === event.source) frame.style.height = Math.min(Math.max(data.height, 100), 20000) + "px";
  }
});
