/**
 * Load generator for bench/autosave.bench.ts, in its own process (plain JavaScript, no tsx loader), so the
 * editors' HTTP clients neither share the app's event loop nor count as its CPU. Each editor keeps one
 * keep-alive HTTP/1.1 connection written by hand (bench/http1-connection.mjs; CLIENT=fetch uses undici's fetch
 * instead, for comparison).
 *
 * Protocol (IPC): the parent sends { base, editors, items, parentItems, parentShare, seconds, thinkMs, offset,
 * client }; the child
 * answers { ok, failed, statuses, revisions, cpuMs } and waits for the next phase.
 */
import { connection } from './http1-connection.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
      const conn = client === 'fetch' ? null : connection(Number(url.port), { host: url.hostname, keepBody: true });
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
