// One `npm start` per state folder: a second one on the same embedded database would stop the first one's
// server (it cannot tell a live app from a killed one by the database alone), so the app holds a lock file.
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/** Whether `pid` is still a Modelgate start (after a reboot the number may belong to anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes('start');
}

/** Takes the lock, or throws naming the PID that holds it. A lock left by a killed process is taken over. */
export function acquireInstanceLock(file: string): { release: () => void } {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return {
        release: () => {
          // Only our own lock: a successor may have taken over a lock we were too slow to release.
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new Error(`the database in this folder is already in use by another Modelgate (PID ${holder}). Stop that one first (Ctrl-C in its terminal, or kill ${holder}), or start this one elsewhere with MODELGATE_HOME=<folder> and other PORT/MODELGATE_DB_PORT values.`);
      }
      rmSync(file, { force: true }); // Stale: its process is gone.
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
