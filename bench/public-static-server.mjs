/**
 * The baseline of bench/public.bench.ts: a plain Node static file server (node:http) in its own process, answering
 * every request with the exact bytes the app sent for the school page — already compressed, as a static server
 * serves pre-compressed files — with the same response headers (so the same header size), Content-Length instead
 * of chunked. IPC: receives { headers: [[name, value]…], body: base64 }, answers { port } when listening.
 */
import http from 'node:http';

process.once('message', ({ headers, body }) => {
  const bytes = Buffer.from(body, 'base64');
  const head = headers.filter(([name]) => !['transfer-encoding', 'content-length', 'connection', 'keep-alive', 'date'].includes(name.toLowerCase()));
  head.push(['Content-Length', String(bytes.length)]);
  const flat = head.flat();
  const server = http.createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
    response.writeHead(200, flat);
    response.end(bytes);
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
});
