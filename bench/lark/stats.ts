/** Answers the load generator's `{ stats: true }` with this process's CPU time and memory. */
export function answerStats(): void {
  process.on('message', (m: { stats?: boolean }) => {
    if (!m.stats) return;
    const cpu = process.cpuUsage();
    process.send?.({ stats: { cpuMs: (cpu.user + cpu.system) / 1000, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) } });
  });
}

export interface ProcessStats {
  cpuMs: number;
  rssMb: number;
  maxRssMb: number;
}
