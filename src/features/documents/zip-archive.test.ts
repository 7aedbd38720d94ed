import { strFromU8, unzipSync } from 'fflate';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StreamingZip } from './zip-archive.js';

/** A "school": a few incompressible files (like PDFs) and an HTML page. */
function schoolFiles(i: number) {
  return [
    { fileName: `SOP-${i}.pdf`, mimeType: 'application/pdf', bytes: new Uint8Array(randomBytes(90_000 + i * 1000)) },
    { fileName: `SOP-${i}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: new Uint8Array(randomBytes(40_000)) },
    { fileName: `Ouderposter-${i}.html`, mimeType: 'text/html; charset=utf-8', bytes: new TextEncoder().encode(`<!doctype html><p>School ${i}</p>`.repeat(200)) },
  ];
}

describe('StreamingZip', () => {
  it('writes the ZIP in chunks of the chunk size as it grows, never holding more than one chunk plus one file', async () => {
    const chunkSize = 64 * 1024;
    const chunks: Uint8Array[] = [];
    // The sink sees each chunk once it is full, while the ZIP is still being made.
    const zip = new StreamingZip(async (chunk, seq) => {
      expect(seq).toBe(chunks.length);
      chunks.push(chunk);
    }, chunkSize);
    const schools = Array.from({ length: 20 }, (_, i) => schoolFiles(i));
    let largestFile = 0;
    for (const [i, files] of schools.entries()) {
      await zip.addFolder(`${10 + i}AB00 School ${i}`, files);
      largestFile = Math.max(largestFile, ...files.map((f) => f.bytes.length));
      // Everything but the last partial chunk has gone to the sink.
      expect(zip.byteLength).toBeGreaterThan(0);
    }
    await zip.addFile('Niet gelukt.txt', new TextEncoder().encode('niets'), true);
    const { size, chunks: count } = await zip.finish();

    expect(count).toBe(chunks.length);
    expect(count).toBeGreaterThan(20);
    expect(chunks.slice(0, -1).every((c) => c.length === chunkSize)).toBe(true);
    expect(chunks.at(-1)!.length).toBeLessThanOrEqual(chunkSize);
    expect(chunks.reduce((n, c) => n + c.length, 0)).toBe(size);
    // Memory: never the whole ZIP (~2.7 MB), at most one chunk plus one file (and its ZIP header).
    expect(zip.maxBufferedBytes).toBeLessThan(chunkSize + largestFile + 1024);
    expect(zip.maxBufferedBytes).toBeLessThan(size / 10);

    const all = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk, offset);
      offset += chunk.length;
    }
    const entries = unzipSync(all);
    expect(Object.keys(entries)).toHaveLength(20 * 3 + 1);
    expect(entries['15AB00 School 5/SOP-5.pdf']).toEqual(schools[5]![0]!.bytes);
    expect(strFromU8(entries['15AB00 School 5/Ouderposter-5.html']!)).toContain('<p>School 5</p>');
    expect(strFromU8(entries['Niet gelukt.txt']!)).toBe('niets');
  });

  it('writes one short chunk for a small ZIP, and stops when the sink fails', async () => {
    const chunks: Uint8Array[] = [];
    const small = new StreamingZip(async (chunk) => void chunks.push(chunk));
    await small.addFile('a.txt', new TextEncoder().encode('a'), true);
    expect(chunks).toHaveLength(0);
    expect(await small.finish()).toEqual({ size: chunks[0]!.length, chunks: 1 });

    const failing = new StreamingZip(async () => {
      throw new Error('database weg');
    }, 1024);
    await expect(failing.addFile('b.pdf', new Uint8Array(randomBytes(4096)), false)).rejects.toThrow('database weg');
  });
});
