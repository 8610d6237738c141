/**
 * Files the commands write that hold personal data (`backup FILE`, `export
 * --out FILE`): mode 0600 whatever the umask, also when FILE was there before
 * with a wider mode (the docs' example writes to /tmp). The mode is set before
 * any content is written, so the data is never readable by others.
 */
import {closeSync, fchmodSync, openSync, writeFileSync} from 'node:fs';

/** Creates `file` empty (or truncates it) with mode 0600. */
export function createPrivateFile(file: string): void {
  closeSync(openPrivate(file));
}

/** Writes `data` to `file`, mode 0600. */
export function writePrivateFile(file: string, data: string | Buffer): void {
  const fd = openPrivate(file);
  try {
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
}

function openPrivate(file: string): number {
  const fd = openSync(file, 'w', 0o600);
  try {
    fchmodSync(fd, 0o600); // an existing file keeps its mode on open
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return fd;
}
