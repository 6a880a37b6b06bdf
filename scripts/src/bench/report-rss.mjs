// Preloaded into a measured child process (node --import): on exit, writes its own peak memory
// and the CPU time of it and of its children that have ended (the compile process, Pagefind).
import fs from 'node:fs';

/** CPU seconds of the children this process has waited for (utime and stime of /proc/self/stat). */
function childrenCpuSeconds() {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // The fields after the command's closing parenthesis: cutime and cstime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) {
    const usage = process.resourceUsage();
    const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6 + childrenCpuSeconds();
    fs.writeFileSync(
      process.env.BENCH_RSS_FILE,
      JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, cpuSeconds }),
    );
  }
});
