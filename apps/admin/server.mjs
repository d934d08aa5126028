// Serves the built Next app (like `next start`) and stamps every request, WebSocket upgrades
// included, with the client's real address in X-Forwarded-For before Next proxies /api to the
// API: a client's own X-Forwarded-For never reaches the API's rate limits (see client-address.ts).
import { createServer } from 'node:http';
import next from 'next';
import { forwardedClientAddress, readTrustedProxies } from './lib/client-address.ts';

const hostname = process.env.UI_HOST ?? '127.0.0.1';
const port = Number(process.env.ADMIN_PORT ?? 3001);
const trustedProxies = readTrustedProxies(process.env.UI_TRUSTED_PROXIES);

const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = app.getUpgradeHandler();

function stamp(request) {
  request.headers['x-forwarded-for'] = forwardedClientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trustedProxies);
}

createServer((request, response) => {
  stamp(request);
  void handle(request, response);
})
  .on('upgrade', (request, socket, head) => {
    stamp(request);
    void upgrade(request, socket, head);
  })
  .listen(port, hostname, () => process.stdout.write(`ready on http://${hostname}:${port}\n`));
