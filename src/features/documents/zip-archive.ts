/**
 * A ZIP built one school at a time: each school's files are pushed into fflate's streaming
 * Zip and only the compressed chunks are kept, so a batch never holds more than one school's
 * rendered documents at once. PDFs and .docx files are already compressed: stored as they are.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export class StreamingZip {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private error: Error | null = null;
  private readonly zip: Zip;
  private isFinished = false;

  constructor() {
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.error = err;
        return;
      }
      this.chunks.push(chunk);
      this.size += chunk.length;
      if (final) this.isFinished = true;
    });
  }

  /** Adds files under `folder/` (a safe folder name is made from it). */
  addFolder(folder: string, documents: Array<{ fileName: string; mimeType: string; bytes: Uint8Array }>): void {
    const dir = safeName(folder);
    for (const doc of documents) this.addFile(`${dir}/${safeName(doc.fileName)}`, doc.bytes, doc.mimeType.startsWith('text/'));
  }

  addFile(path: string, bytes: Uint8Array, compress: boolean): void {
    const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    this.zip.add(entry);
    entry.push(bytes, true);
    if (this.error) throw this.error;
  }

  /** Bytes written so far (compressed). */
  get byteLength(): number {
    return this.size;
  }

  finish(): Buffer {
    this.zip.end();
    if (this.error) throw this.error;
    if (!this.isFinished) throw new Error('ZIP niet afgerond');
    const result = Buffer.concat(this.chunks, this.size);
    this.chunks.length = 0;
    return result;
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
