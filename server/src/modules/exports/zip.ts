import { Readable } from 'node:stream';
import zlib from 'node:zlib';

// A minimal streaming ZIP writer: each entry is deflated as its bytes arrive, its CRC and sizes follow it in a
// data descriptor, and the central directory closes the archive. Nothing but the directory (a few dozen bytes per
// entry) is kept. Entries stay below 4 GiB each (no ZIP64): the XLSX writer starts a new sheet well before that.

export interface ZipEntry {
  name: string;
  data: AsyncIterable<Buffer> | Iterable<Buffer>;
}

const UTF8 = 0x0800;
const DESCRIPTOR = 0x0008;
const DEFLATE = 8;
export const ZIP_ENTRY_LIMIT = 0xffffffff;

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export async function* zipChunks(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>, at: Date): AsyncGenerator<Buffer> {
  const { time, date } = dosDateTime(at);
  const directory: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8 | DESCRIPTOR, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    // crc and sizes (14..25) are zero here and follow the data in its descriptor
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.concat([local, name]);
    yield header;

    let crc = 0;
    let size = 0;
    let compressed = 0;
    const source = entry.data;
    async function* counted() {
      for await (const chunk of source) {
        crc = zlib.crc32(chunk, crc);
        size += chunk.length;
        if (size > ZIP_ENTRY_LIMIT) throw new Error(`zip entry ${entry.name} exceeds 4 GiB`);
        yield chunk;
      }
    }
    // pipe keeps the deflater's input in step with what is read from it: back-pressure from the reader to the source
    const deflater = zlib.createDeflateRaw({ level: 6 });
    const input = Readable.from(counted());
    input.on('error', (err) => deflater.destroy(err));
    input.pipe(deflater);
    try {
      for await (const chunk of deflater as AsyncIterable<Buffer>) {
        compressed += chunk.length;
        yield chunk;
      }
    } finally {
      // the reader went away (or the source failed): stop reading the source
      input.destroy();
    }

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc >>> 0, 4);
    descriptor.writeUInt32LE(compressed, 8);
    descriptor.writeUInt32LE(size, 12);
    yield descriptor;

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8 | DESCRIPTOR, 8);
    central.writeUInt16LE(DEFLATE, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += header.length + compressed + descriptor.length;
    if (offset > ZIP_ENTRY_LIMIT) throw new Error('zip archive exceeds 4 GiB');
    count++;
  }
  const dir = Buffer.concat(directory);
  yield dir;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  yield end;
}
