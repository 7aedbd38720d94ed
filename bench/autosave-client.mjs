/**
 * Load generator for bench/autosave.bench.ts, in its own process (plain JavaScript, no tsx loader), so the
 * editors' HTTP clients neither share the app's event loop nor count as its CPU. Each editor keeps one
 * keep-alive HTTP/1.1 connection and writes its requests by hand: a generator should cost far less CPU than
 * the server it measures (undici's fetch costs about as much per request as the app itself; CLIENT=fetch
 * uses it anyway, for comparison).
 *
 * Protocol (IPC): the parent sends { base, editors, items, parentItems, parentShare, seconds, thinkMs, offset,
 * client }; the child
 * answers { ok, failed, statuses, revisions, cpuMs } and waits for the next phase.
 */
import net from 'node:net';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One keep-alive connection that sends a request and resolves with { status, body } of its response. */
function connection(host, port) {
  let socket = null;
  let buffer = Buffer.alloc(0);
  let pending = null;
  const open = () => {
    socket = net.connect({ host, port, noDelay: true });
    socket.on('data', (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      tryParse();
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
  function tryParse() {
    if (!pending) return;
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const head = buffer.subarray(0, headerEnd).toString('latin1');
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    let body;
    let rest;
    if (length) {
      const end = headerEnd + 4 + Number(length[1]);
      if (buffer.length < end) return;
      body = buffer.subarray(headerEnd + 4, end).toString('utf8');
      rest = buffer.subarray(end);
    } else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      const parts = [];
      let at = headerEnd + 4;
      for (;;) {
        const lineEnd = buffer.indexOf('\r\n', at);
        if (lineEnd < 0) return;
        const size = parseInt(buffer.subarray(at, lineEnd).toString('latin1'), 16);
        if (buffer.length < lineEnd + 2 + size + 2) return;
        if (size === 0) {
          at = lineEnd + 4;
          break;
        }
        parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts).toString('utf8');
      rest = buffer.subarray(at);
    } else {
      return; // no body framing we know: wait for close
    }
    buffer = rest;
    const { resolve } = pending;
    pending = null;
    resolve({ status, body });
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

async function runPhase({ base, editors, items, parentItems = [], parentShare = 0, seconds, thinkMs, offset, client }) {
  const url = new URL(base);
  const cpuStart = process.cpuUsage();
  const end = Date.now() + seconds * 1000;
  let ok = 0;
  let failed = 0;
  let firstError = null;
  const statuses = {};
  await Promise.all(
    editors.map(async (editor, index) => {
      const conn = client === 'fetch' ? null : connection(url.hostname, Number(url.port));
      // Each phase continues where the last one stopped, so no save repeats the stored value.
      let step = index + offset;
      if (thinkMs) await sleep(Math.random() * thinkMs * 2);
      while (Date.now() < end) {
        step += 1;
        // A share of the saves are parent texts (the poster-fit check), marked for the server timing.
        const isParent = parentItems.length > 0 && Math.random() < parentShare;
        const item = isParent ? parentItems[step % parentItems.length] : items[step % items.length];
        const value = item.values[Math.floor(step / items.length) % item.values.length];
        const field = isParent ? 'parentText' : 'value';
        const body = JSON.stringify({ itemKey: item.key, field, value, baseRevision: editor.revisions[item.key] || 0 });
        const path = `/profielen/${editor.profileId}/antwoorden`;
        let status;
        let text;
        if (conn) {
          ({ status, body: text } = await conn.request(
            `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nX-CSRF-Token: ${editor.csrf}\r\nX-Bench-Kind: ${field}\r\nCookie: ${editor.cookie}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
          ));
        } else {
          const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': editor.csrf, 'x-bench-kind': field, cookie: editor.cookie }, body });
          status = response.status;
          text = await response.text();
        }
        const answer = JSON.parse(text);
        statuses[status] = (statuses[status] || 0) + 1;
        if (answer.ok) {
          ok += 1;
          editor.revisions[item.key] = answer.revision;
        } else {
          failed += 1;
          if (!firstError) firstError = `${status} ${field}: ${text.slice(0, 300)}`;
        }
        if (thinkMs) await sleep(thinkMs * (0.5 + Math.random()));
      }
      conn?.close();
    }),
  );
  const cpu = process.cpuUsage(cpuStart);
  return { ok, failed, firstError, statuses, revisions: editors.map((e) => e.revisions), cpuMs: (cpu.user + cpu.system) / 1000 };
}

process.on('message', (message) => {
  runPhase(message).then(
    (result) => process.send(result),
    (error) => process.send({ error: String(error?.stack ?? error) }),
  );
});
