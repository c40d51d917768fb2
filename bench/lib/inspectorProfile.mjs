// CPU profiles of one phase of a benchmark (the timed passes only), with the inspector of this process.
import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Starts profiling; the returned function stops it and writes `name`.cpuprofile to `dir`. */
export function startPhaseProfile(dir, name) {
  if (!dir) return () => undefined;
  const session = new Session();
  session.connect();
  // A same-thread session answers synchronously: profiling has started when post returns.
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 200 });
  session.post('Profiler.start');
  return () => {
    let file;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(dir, { recursive: true });
      file = join(dir, `${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(result.profile));
    });
    session.disconnect();
    return file;
  };
}
