/**
 * Raw HTTP requests as scanners and broken clients send them to every public server: bad
 * targets, broken encodings, files used as folders, over-long names, abused headers and bodies.
 * The hostile-HTTP test sends them to the hub's servers, and the `npm start` smoke test to the
 * running product. None may get a 5xx or stop a server.
 */
export const long = (length: number) => 'a'.repeat(length);
const request = (line: string, headers = 'Host: x\r\n') =>
  `${line}\r\n${headers}Connection: close\r\n\r\n`;

/** Each request with what it tries. */
export const HOSTILE_REQUESTS: [string, string | Buffer][] = [
  ['a target that is no URL', request('GET //[ HTTP/1.1')],
  ['a bracket target', request('GET /[ HTTP/1.1')],
  ['broken percent-encoding', request('GET /%zz HTTP/1.1')],
  ['a half percent-escape', request('GET /nieuws/%e HTTP/1.1')],
  ['overlong UTF-8 dots', request('GET /%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd HTTP/1.1')],
  ['encoded dot segments', request('GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1')],
  ['double-encoded dot segments', request('GET /%252e%252e/%252e%252e/etc/passwd HTTP/1.1')],
  ['raw dot segments', request('GET /../../../etc/passwd HTTP/1.1')],
  ['an encoded slash', request('GET /..%2f..%2fetc%2fpasswd HTTP/1.1')],
  ['backslashes', request('GET /..\\..\\windows\\win.ini HTTP/1.1')],
  ['a NUL byte, encoded', request('GET /index.html%00.css HTTP/1.1')],
  ['a file used as a folder', request('GET /index.html/x HTTP/1.1')],
  ['a file used as a folder, deeper', request('GET /nieuws/index.html/../../x HTTP/1.1')],
  ['a name of 300 characters', request(`GET /${long(300)} HTTP/1.1`)],
  ['a name of 300 characters in a folder', request(`GET /nieuws/${long(300)}/ HTTP/1.1`)],
  ['a target of 10,000 characters', request(`GET /${'a/'.repeat(5000)} HTTP/1.1`)],
  ['a target of 60 KB', request(`GET /?${long(60_000)} HTTP/1.1`)],
  ['an absolute-form target', request('GET http://evil.example/ HTTP/1.1')],
  ['an asterisk target', request('OPTIONS * HTTP/1.1')],
  ['CONNECT', request('CONNECT evil.example:443 HTTP/1.1')],
  ['an unknown method', request('BREW / HTTP/1.1')],
  ['TRACE', request('TRACE / HTTP/1.1')],
  ['a broken query', request('GET /?a=%zz&b=%%% HTTP/1.1')],
  [
    'raw bytes above ASCII',
    Buffer.from('GET /\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'latin1'),
  ],
  [
    'a NUL byte, raw',
    Buffer.from('GET /\x00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'latin1'),
  ],
  ['HTTP/0.9', 'GET /\r\n'],
  ['an unknown HTTP version', request('GET / HTTP/9.9')],
  ['garbage', Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x01, 0x00, 0x00, 0xfb, 0x03, 0x03])],
  ['no Host header', 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n'],
  ['two Host headers', request('GET / HTTP/1.1', 'Host: a\r\nHost: b\r\n')],
  ['a header of 20 KB', request('GET / HTTP/1.1', `Host: x\r\nX-Big: ${long(20_000)}\r\n`)],
  [
    '300 headers',
    request(
      'GET / HTTP/1.1',
      `Host: x\r\n${Array.from({ length: 300 }, (_, n) => `X-H${n}: 1\r\n`).join('')}`,
    ),
  ],
  ['a header name with spaces', request('GET / HTTP/1.1', 'Host: x\r\nBad Header: 1\r\n')],
  ['a header value with a bare CR', request('GET / HTTP/1.1', 'Host: x\r\nX-A: a\rb\r\n')],
  ['a folded header', request('GET / HTTP/1.1', 'Host: x\r\nX-A: a\r\n b\r\n')],
  [
    'both Content-Length and chunked (smuggling)',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n',
  ],
  [
    'a negative Content-Length',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\nConnection: close\r\n\r\n',
  ],
  [
    'a Content-Length that is no number',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n',
  ],
  [
    'two different Content-Lengths',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nab',
  ],
  [
    'a broken chunk size',
    'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n',
  ],
  [
    'a body cut off early',
    'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\nConnection: close\r\n\r\nabc',
  ],
  [
    'a JSON body that does not parse',
    'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"a":',
  ],
  ['a huge Range', request('GET / HTTP/1.1', 'Host: x\r\nRange: bytes=999999999-\r\n')],
  [
    'many Ranges',
    request(
      'GET / HTTP/1.1',
      `Host: x\r\nRange: bytes=${Array.from({ length: 500 }, (_, n) => `${n}-${n}`).join(',')}\r\n`,
    ),
  ],
  [
    'a date that is no date',
    request('GET / HTTP/1.1', 'Host: x\r\nIf-Modified-Since: gisteren\r\n'),
  ],
  [
    'a strange Accept-Encoding',
    request('GET / HTTP/1.1', `Host: x\r\nAccept-Encoding: ${'br;q=x, '.repeat(500)}\r\n`),
  ],
  [
    'a preview secret as an array',
    request('GET /?secret=a&secret=b&type=article&id=abcdefghijkl HTTP/1.1'),
  ],
  ['a preview with a secret of 50 KB', request(`GET /?secret=${long(50_000)} HTTP/1.1`)],
  [
    'a webhook without its secret',
    request('POST /webhook HTTP/1.1', 'Host: x\r\nContent-Length: 0\r\n'),
  ],
  [
    'pipelined requests',
    `GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /%zz HTTP/1.1\r\nHost: x\r\n\r\nGET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
  ],
];
