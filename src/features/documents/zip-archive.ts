/**
 * A ZIP built one file at a time and written out in fixed-size chunks as it grows: each file is pushed
 * into fflate's streaming Zip, and every full chunk of compressed output goes to an async sink (the
 * batch job: one row of document_export_chunks) before the next file is added. So the writer never
 * holds more than one chunk plus one file's output, however big the ZIP gets.
 * PDFs and .docx files are already compressed: stored as they are.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/** 4 MiB: few enough rows for a GB-sized ZIP, small enough to hold one in memory while writing or downloading. */
export const DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;

/** Receives chunk `seq` (0, 1, 2, …); every chunk but the last is exactly the chunk size. */
export type ChunkSink = (chunk: Uint8Array, seq: number) => Promise<void>;

export class StreamingZip {
  /** Output not yet written to the sink, in order. */
  private readonly pending: Uint8Array[] = [];
  private pendingSize = 0;
  private maxPending = 0;
  private written = 0;
  private chunks = 0;
  private error: Error | null = null;
  private readonly zip: Zip;
  private isFinished = false;

  constructor(
    private readonly sink: ChunkSink,
    private readonly chunkSize = DEFAULT_CHUNK_SIZE,
  ) {
    if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new Error(`chunk size must be a positive integer, got ${chunkSize}`);
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.error = err;
        return;
      }
      if (chunk.length > 0) {
        this.pending.push(chunk);
        this.pendingSize += chunk.length;
        this.maxPending = Math.max(this.maxPending, this.pendingSize);
      }
      if (final) this.isFinished = true;
    });
  }

  /** Adds files under `folder/` (a safe folder name is made from it). */
  async addFolder(folder: string, documents: Array<{ fileName: string; mimeType: string; bytes: Uint8Array }>): Promise<void> {
    const dir = safeName(folder);
    for (const doc of documents) await this.addFile(`${dir}/${safeName(doc.fileName)}`, doc.bytes, doc.mimeType.startsWith('text/'));
  }

  async addFile(path: string, bytes: Uint8Array, compress: boolean): Promise<void> {
    const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    this.zip.add(entry);
    entry.push(bytes, true);
    if (this.error) throw this.error;
    await this.flush(false);
  }

  /** Writes the central directory and the last (short) chunk. */
  async finish(): Promise<{ size: number; chunks: number }> {
    this.zip.end();
    if (this.error) throw this.error;
    if (!this.isFinished) throw new Error('ZIP niet afgerond');
    await this.flush(true);
    return { size: this.written, chunks: this.chunks };
  }

  /** Bytes handed to the sink so far. */
  get byteLength(): number {
    return this.written;
  }

  /** The most output ever held at once (not yet written): at most one chunk plus one file's output. */
  get maxBufferedBytes(): number {
    return this.maxPending;
  }

  private async flush(isFinal: boolean): Promise<void> {
    while (this.pendingSize >= this.chunkSize || (isFinal && this.pendingSize > 0)) {
      const chunk = this.take(Math.min(this.chunkSize, this.pendingSize));
      await this.sink(chunk, this.chunks);
      this.chunks += 1;
      this.written += chunk.length;
    }
  }

  /** The first `size` pending bytes as one new array. */
  private take(size: number): Uint8Array {
    const out = new Uint8Array(size);
    let offset = 0;
    while (offset < size) {
      const head = this.pending[0]!;
      const wanted = size - offset;
      if (head.length <= wanted) {
        out.set(head, offset);
        offset += head.length;
        this.pending.shift();
      } else {
        out.set(head.subarray(0, wanted), offset);
        this.pending[0] = head.subarray(wanted);
        offset = size;
      }
    }
    this.pendingSize -= size;
    return out;
  }
}

/** A file or folder name without path separators or control characters. */
export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return cleaned.slice(0, 120) || 'bestand';
}
