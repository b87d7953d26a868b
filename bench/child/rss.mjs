// Preloaded into a child process of bench/whole-process.ts (`node --import`): writes the process's peak resident
// memory, CPU seconds and minor page faults (worker threads included) as JSON to the file named by BENCH_RSS_FILE
// when it exits.
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Peak resident memory in bytes. Linux keeps `ru_maxrss` across exec, so a child forked from a large bench process
 * reports at least the parent's size there; the high-water mark of the process's own memory map (`VmHWM`, worker
 * threads included) is its own peak.
 */
function peakRss(u) {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: fall back to getrusage
  }
  return u.maxRSS * 1024;
}

process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return;
  const u = process.resourceUsage();
  writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ rss: peakRss(u), cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, faults: u.minorPageFault }));
});
