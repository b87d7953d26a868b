// Preloaded into a child process of bench/whole-process.ts (`node --import`): writes the process's peak resident
// memory, CPU seconds and minor page faults (worker threads included) as JSON to the file named by BENCH_RSS_FILE
// when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return;
  const u = process.resourceUsage();
  writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ rss: u.maxRSS * 1024, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, faults: u.minorPageFault }));
});
