/** Writes fixed text over a file in the file's own encoding (UTF-8 with or without BOM, or UTF-16 with BOM). */
import fs from 'node:fs';

export function writeBack(file: string, text: string): void {
  const head = Buffer.alloc(3);
  const fd = fs.openSync(file, 'r');
  let n = 0;
  try {
    n = fs.readSync(fd, head, 0, 3, 0);
  } finally {
    fs.closeSync(fd);
  }
  let bytes: Buffer;
  if (n >= 2 && head[0] === 0xff && head[1] === 0xfe) bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  else if (n >= 2 && head[0] === 0xfe && head[1] === 0xff) bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  else if (n === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) bytes = Buffer.from(`\ufeff${text}`, 'utf8');
  else bytes = Buffer.from(text, 'utf8');
  fs.writeFileSync(file, bytes);
}
