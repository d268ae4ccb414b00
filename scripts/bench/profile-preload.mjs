// Preloaded (node --import) into a `next start` under `npm run bench:profile`: SIGUSR2 starts the V8 CPU
// profiler in this process, the next SIGUSR2 stops it and writes the profile to $MODELGATE_PROFILE_DIR, so a
// profile holds exactly the requests between the two signals (no start-up, no warm-up).
import inspector from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const session = new inspector.Session();
session.connect();
let running = false;
let n = 0;
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 100 }, () => session.post('Profiler.start')));
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    if (error) return console.error('[profile]', error);
    const file = join(process.env.MODELGATE_PROFILE_DIR || '.', `profile-${process.pid}-${++n}.cpuprofile`);
    writeFileSync(file, JSON.stringify(result.profile));
    console.error(`[profile] wrote ${file}`);
  });
});
