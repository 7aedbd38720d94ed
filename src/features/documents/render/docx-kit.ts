/**
 * Building blocks shared by the Word outputs (full SOP, school-guide chapter): status cells
 * with words, and the ZIP container (written with Node's native zlib).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { STATUS_COLORS, type ItemRow } from './profile-view.js';
import type { CellSpec } from './wordml.js';

const MUTED = '555555';
const hex = (color: string) => color.replace('#', '').toUpperCase();

export function statusCell(row: Pick<ItemRow, 'status' | 'statusText'>): CellSpec {
  if (row.status === 'no-norm') return { text: '—', color: MUTED };
  const colors = STATUS_COLORS[row.status];
  return { text: row.statusText, fill: hex(colors.bg), color: hex(colors.fg), bold: true, size: 18 };
}

export function mutedCell(text: string): CellSpec {
  return { text, color: MUTED, size: 18 };
}

type DocxParts = Map<string, string | Uint8Array>;

/** A plain ZIP (DEFLATE, UTF-8 names, no extra fields) of the given parts, in order. */
export function zipParts(parts: DocxParts): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01: documents are reproducible byte for byte
  for (const [path, content] of parts) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const name = Buffer.from(path, 'utf8');
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    local.push(header, name, packed);
    offset += header.length + name.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}
