// A small DevTools-protocol driver over `ws`: the same raw protocol works unchanged from
// Chromium 70 to today, where no puppeteer/playwright release spans that range. Launches a
// headless shell, opens pages, evaluates functions in them, screenshots, and collects errors.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Launches `binary` (with `libDir` on LD_LIBRARY_PATH when given); resolves to a Browser. */
export async function launch({ binary, libDir }) {
  const profile = mkdtempSync(join(tmpdir(), "bangfu-matrix-"));
  const env = { ...process.env };
  if (libDir) env.LD_LIBRARY_PATH = libDir + (env.LD_LIBRARY_PATH ? ":" + env.LD_LIBRARY_PATH : "");
  const child = spawn(binary, [
    "--headless", "--no-sandbox", "--no-zygote", "--disable-gpu", "--disable-dev-shm-usage",
    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-quic", "--hide-scrollbars", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank",
  ], { env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${binary}: no DevTools endpoint in 30 s\n${stderr}`)), 30000);
    child.stderr.on("data", (d) => {
      stderr += d;
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`${binary} exited ${code}\n${stderr}`)); });
  });
  return new Browser(child, port, profile);
}

class Browser {
  constructor(child, port, profile) {
    this.child = child;
    this.port = port;
    this.profile = profile;
  }

  async json(path, method = "GET") {
    const res = await fetch(`http://127.0.0.1:${this.port}/json/${path}`, { method });
    return res.json();
  }

  /** "70.0.3508.0" etc. */
  async version() {
    const v = await this.json("version");
    return v.Browser.replace(/^[^/]*\//, "");
  }

  async newPage({ width = 1000, height = 900 } = {}) {
    // PUT is required by new builds and accepted by old ones.
    const target = await this.json("new?about:blank", "PUT");
    const page = new Page(this, target);
    await page.connect();
    await page.send("Emulation.setDeviceMetricsOverride", { width, height, deviceScaleFactor: 1, mobile: false });
    return page;
  }

  async close() {
    this.child.kill("SIGKILL");
    await sleep(200);
    rmSync(this.profile, { recursive: true, force: true });
  }
}

class Page {
  constructor(browser, target) {
    this.browser = browser;
    this.target = target;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Map();
    /** Console errors, uncaught exceptions and error log entries, as text. */
    this.errors = [];
    /** Every console message (for checks on what the loader logs). */
    this.console = [];
  }

  async connect() {
    this.ws = new WebSocket(this.target.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
    await new Promise((resolve, reject) => { this.ws.once("open", resolve); this.ws.once("error", reject); });
    this.ws.on("message", (data) => {
      const msg = JSON.parse(data);
      if (msg.id && this.pending.has(msg.id)) {
        const { resolve, reject, method } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) reject(new Error(`${method}: ${msg.error.message}`));
        else resolve(msg.result);
      } else if (msg.method) {
        for (const fn of this.listeners.get(msg.method) || []) fn(msg.params);
      }
    });
    this.on("Runtime.consoleAPICalled", (p) => {
      const text = p.args.map((a) => (a.value !== undefined ? String(a.value) : a.description || "")).join(" ");
      this.console.push({ type: p.type, text });
      if (p.type === "error" || p.type === "assert") this.errors.push(`console.${p.type}: ${text}`);
    });
    this.on("Runtime.exceptionThrown", (p) => {
      const d = p.exceptionDetails;
      this.errors.push(`exception: ${(d.exception && d.exception.description) || d.text}`);
    });
    this.on("Log.entryAdded", (p) => {
      this.console.push({ type: `log-${p.entry.level}`, text: p.entry.text });
      if (p.entry.level === "error") this.errors.push(`log: ${p.entry.text} ${p.entry.url || ""}`);
    });
    await this.send("Page.enable");
    await this.send("Runtime.enable");
    await this.send("Log.enable");
  }

  on(method, fn) {
    if (!this.listeners.has(method)) this.listeners.set(method, []);
    this.listeners.get(method).push(fn);
  }

  send(method, params = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Navigates and waits for the load event (at most 30 s). */
  async goto(url) {
    const loaded = new Promise((resolve) => this.on("Page.loadEventFired", resolve));
    await this.send("Page.navigate", { url });
    await Promise.race([loaded, sleep(30000)]);
  }

  async reload() {
    const loaded = new Promise((resolve) => this.on("Page.loadEventFired", resolve));
    await this.send("Page.reload", { ignoreCache: false });
    await Promise.race([loaded, sleep(30000)]);
  }

  /**
   * Runs `fn(...args)` in the page and returns its (awaited) value. `fn` is sent as source,
   * so it must be written in what the oldest browser parses (ES2018).
   */
  async run(fn, ...args) {
    const expression = `(${fn.toString()})(...${JSON.stringify(args)})`;
    const r = await this.send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true, userGesture: true });
    if (r.exceptionDetails) {
      const d = r.exceptionDetails;
      throw new Error(`in page: ${(d.exception && d.exception.description) || d.text}`);
    }
    return r.result.value;
  }

  /** Polls `fn(...args)` until it returns a truthy value (or throws after `ms`). */
  async waitFor(what, fn, args = [], ms = 30000) {
    const end = Date.now() + ms;
    let last;
    for (;;) {
      try {
        last = await this.run(fn, ...args);
        if (last) return last;
      } catch (e) {
        last = e.message;
      }
      if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)}); errors: ${this.errors.join(" | ")}`);
      await sleep(150);
    }
  }

  /** Full-page PNG: the viewport grows to the document's height first (old builds cannot capture beyond it). */
  async screenshot(path, width = 1000) {
    const height = await this.run(() => Math.ceil(document.documentElement.scrollHeight));
    await this.send("Emulation.setDeviceMetricsOverride", { width, height: Math.min(height, 8000), deviceScaleFactor: 1, mobile: false });
    await sleep(300);
    const { data } = await this.send("Page.captureScreenshot", { format: "png" });
    writeFileSync(path, Buffer.from(data, "base64"));
  }

  async close() {
    try { this.ws.close(); } catch (e) { /* already closed */ }
    await this.browser.json(`close/${this.target.id}`).catch(() => null);
  }
}
