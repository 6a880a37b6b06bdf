/**
 * A load of feed readers for the bench: `clients` connections that fetch `url` one request after
 * another, as brotli-accepting browsers and feed readers do, until SIGTERM; then prints how many
 * requests they completed and how many bytes they read. Runs in a process of its own, so its work
 * does not slow the measurement beside it.
 * Usage: node --import tsx feed-clients.ts <url> <clients>
 */
import http from 'node:http';

const [url = '', clientsArg = '30'] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(clientsArg) });
let requests = 0;
let bytes = 0;
let errors = 0;
let running = true;

function fetchOnce(): Promise<void> {
  return new Promise((resolve) => {
    http
      .get(url, { agent, headers: { 'Accept-Encoding': 'br, gzip' } }, (response) => {
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => {
          requests += 1;
          resolve();
        });
      })
      .on('error', () => {
        errors += 1;
        resolve();
      });
  });
}

async function client(): Promise<void> {
  while (running) await fetchOnce();
}

const clients = Array.from({ length: Number(clientsArg) }, () => client());
process.on('SIGTERM', () => {
  running = false;
  void Promise.all(clients).then(() => {
    process.stdout.write(JSON.stringify({ requests, bytes, errors }));
    process.exit(0);
  });
});
