// Preloaded into the server (`node --require`) when the benchmark profiles phases: each SIGUSR2 toggles
// the CPU profiler; on stop the profile is written to $POLICY_GLOSS_BENCH_PROFILE_DIR/<phase>.cpuprofile,
// where <phase> is the content of the file `phase` in that directory. The server itself is unchanged.
'use strict';
const { Session } = require('node:inspector');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.POLICY_GLOSS_BENCH_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      session.post('Profiler.enable');
      session.post('Profiler.setSamplingInterval', { interval: 500 });
      session.post('Profiler.start');
      running = true;
      writeFileSync(join(dir, 'started'), String(Date.now()));
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      let phase = 'phase';
      try {
        phase = readFileSync(join(dir, 'phase'), 'utf8').trim() || phase;
      } catch {
        // Unnamed phase.
      }
      writeFileSync(join(dir, `${phase}.cpuprofile`), JSON.stringify(result.profile));
      writeFileSync(join(dir, 'stopped'), String(Date.now()));
    });
  });
}
