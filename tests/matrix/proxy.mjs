// A pass-through HTTP proxy in front of the test server, one per browser: it counts the bytes
// of every response by path (what the browser really downloaded, service worker included) and
// can cut the network (`offline = true`: every request is dropped) for the offline check.
import http from "node:http";

export async function startProxy(upstream) {
  const target = new URL(upstream);
  const state = { offline: false, fetched: new Map(), port: 0, origin: "", server: null };
  state.server = http.createServer((req, res) => {
    if (state.offline) {
      req.socket.destroy();
      return;
    }
    const path = new URL(req.url, "http://x").pathname;
    const headers = { ...req.headers, host: target.host };
    const up = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (upRes) => {
      res.writeHead(upRes.statusCode, upRes.headers);
      let bytes = 0;
      upRes.on("data", (chunk) => { bytes += chunk.length; });
      upRes.on("end", () => {
        const seen = state.fetched.get(path) || { requests: 0, bytes: 0 };
        state.fetched.set(path, { requests: seen.requests + 1, bytes: seen.bytes + bytes });
      });
      upRes.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  await new Promise((resolve) => state.server.listen(0, "127.0.0.1", resolve));
  state.port = state.server.address().port;
  state.origin = `http://127.0.0.1:${state.port}`;
  /** Paths of .wasm files downloaded with a body (not 304s), with their bytes. */
  state.wasm = () => [...state.fetched].filter(([p, v]) => p.endsWith(".wasm") && v.bytes > 0).map(([p, v]) => ({ path: p, bytes: v.bytes }));
  state.close = () => new Promise((resolve) => { state.server.closeAllConnections(); state.server.close(resolve); });
  return state;
}
