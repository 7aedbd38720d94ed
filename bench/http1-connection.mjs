/**
 * One keep-alive HTTP/1.1 connection whose requests are written by hand, shared by the load generators
 * (bench/autosave-client.mjs, bench/public-client.mjs): a generator must cost far less CPU than the server it
 * measures, and undici's fetch costs about as much per request as the app itself. Responses are framed
 * (Content-Length or chunked; 204 and 304 have no body) and, unless `keepBody`, counted rather than decoded.
 * Plain JavaScript, so the generators run without the tsx loader.
 */
import net from 'node:net';

/**
 * `request(text)` writes one request and resolves with { status, head, bytes, body } of its response (`body` is the
 * UTF-8 text with `keepBody`, else null). One request at a time; the socket opens on the first and again after a close.
 */
export function connection(port, { host = '127.0.0.1', keepBody = false } = {}) {
  let socket = null;
  let buffer = Buffer.alloc(0);
  let pending = null;
  const open = () => {
    socket = net.connect({ host, port, noDelay: true });
    socket.on('data', (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      parse();
    });
    const fail = (error) => {
      socket = null;
      buffer = Buffer.alloc(0);
      if (pending) {
        const { reject } = pending;
        pending = null;
        reject(error ?? new Error('connection closed'));
      }
    };
    socket.on('error', fail);
    socket.on('close', () => fail());
  };
  function parse() {
    if (!pending) return;
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const head = buffer.subarray(0, headerEnd).toString('latin1');
    const status = Number(head.slice(9, 12));
    let end;
    let bytes = 0;
    const parts = [];
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (length) {
      bytes = Number(length[1]);
      end = headerEnd + 4 + bytes;
      if (buffer.length < end) return;
      if (keepBody) parts.push(buffer.subarray(headerEnd + 4, end));
    } else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      let at = headerEnd + 4;
      for (;;) {
        const lineEnd = buffer.indexOf('\r\n', at);
        if (lineEnd < 0) return;
        const size = parseInt(buffer.subarray(at, lineEnd).toString('latin1'), 16);
        if (buffer.length < lineEnd + 2 + size + 2) return;
        if (keepBody && size > 0) parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
        bytes += size;
        if (size === 0) break;
      }
      end = at;
    } else if (status === 304 || status === 204) {
      end = headerEnd + 4;
    } else {
      return; // no framing we know: wait for more
    }
    buffer = buffer.subarray(end);
    const { resolve } = pending;
    pending = null;
    resolve({ status, head, bytes, body: keepBody ? Buffer.concat(parts).toString('utf8') : null });
  }
  return {
    request(text) {
      if (!socket) open();
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        socket.write(text);
      });
    },
    close() {
      socket?.destroy();
    },
  };
}
