import http from 'node:http';

/** Request headers the CMS needs to read a submission; nothing else is passed on. */
const FORWARDED_REQUEST = ['content-type', 'content-length', 'accept'];
/** Response headers of the CMS that the browser needs. */
const FORWARDED_RESPONSE = [
  'content-type',
  'content-length',
  'location',
  'retry-after',
  'cache-control',
];

/**
 * Passes a request for the submission endpoints (at `url`, as the server resolved it) on to the
 * CMS, so that the site's forms post to their own origin: the Content-Security-Policy stays
 * 'self', and nothing reaches another origin.
 * The client's address is appended to X-Forwarded-For: the CMS believes it only from a trusted
 * proxy (SUBMISSION_TRUSTED_PROXIES) and takes the last address, the one this server saw.
 */
export function forwardSubmission(
  upstream: string,
  url: URL,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  securityHeaders: Record<string, string>,
): void {
  const headers: http.OutgoingHttpHeaders = {};
  for (const name of FORWARDED_REQUEST) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const client = request.socket.remoteAddress ?? '';
  const earlier = request.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = earlier ? `${String(earlier)}, ${client}` : client;

  const unavailable = () => {
    if (response.headersSent) return response.destroy();
    response
      .writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders })
      .end('Het formulier kan nu niet worden verstuurd. Probeer het later nog eens.');
  };
  const outgoing = http.request(
    new URL(`${url.pathname}${url.search}`, upstream),
    { method: request.method, headers, timeout: 15_000 },
    (answer) => {
      const passed: http.OutgoingHttpHeaders = {};
      for (const name of FORWARDED_RESPONSE) {
        const value = answer.headers[name];
        if (value !== undefined) passed[name] = value;
      }
      response.writeHead(answer.statusCode ?? 502, { ...passed, ...securityHeaders });
      answer.pipe(response);
    },
  );
  outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
  outgoing.on('error', unavailable);
  request.pipe(outgoing);
}
