import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';

/** Past this many bytes of a body that was already refused, the connection is cut. */
const DISCARD_AT_MOST = 1024 * 1024;

/**
 * Reads a request body as it arrives, counting the bytes actually received, whether the client
 * announced a Content-Length or sends chunks without one. Returns 'too-large' as soon as it
 * passes `limit`: the rest is read and thrown away (so the answer reaches the client in
 * order), and past another megabyte the connection is cut. Rejects when the client goes away.
 */
export function readBodyAtMost(
  request: IncomingMessage,
  limit: number,
): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let refused = false;
    const stop = () => {
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (refused) {
        if (received > limit + DISCARD_AT_MOST) {
          request.off('data', onData);
          request.destroy();
        }
        return;
      }
      if (received <= limit) {
        chunks.push(chunk);
        return;
      }
      refused = true;
      chunks.length = 0;
      stop();
      resolve('too-large');
    };
    const onEnd = () => {
      stop();
      request.off('data', onData);
      resolve(Buffer.concat(chunks, received));
    };
    const onError = (error: Error) => {
      stop();
      request.off('data', onData);
      reject(error);
    };
    const onClose = () => onError(new Error('The client went away before the body was read.'));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

/**
 * A request whose body was read already, for a body parser that reads `req` again: the same
 * headers and socket, and the bytes that were read, with their real length.
 */
export function replayedRequest(request: IncomingMessage, body: Buffer): IncomingMessage {
  const headers = { ...request.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  return Object.assign(Readable.from([body], { objectMode: false }), {
    headers,
    rawHeaders: request.rawHeaders,
    method: request.method,
    url: request.url,
    httpVersion: request.httpVersion,
    socket: request.socket,
    connection: request.socket,
  }) as unknown as IncomingMessage;
}
