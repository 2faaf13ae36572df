// The resident memory of the browsers a Node process started: VmRSS summed over every process
// that descends from this one, read from /proc (Linux). The hostile suite and the benchmark use
// it to see a worker's memory, which `performance.measureUserAgentSpecificMemory` does not.
import { readdirSync, readFileSync } from 'node:fs';

/** `{ bytes, processes }`: VmRSS in bytes over every process below this one, and how many. */
export function residentMemory() {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch { /* the process ended meanwhile */ }
  }
  let bytes = 0, processes = 0;
  const todo = [...(children.get(process.pid) ?? [])];
  while (todo.length) {
    const pid = todo.pop();
    todo.push(...(children.get(pid) ?? []));
    try {
      const kb = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
      if (kb) { bytes += Number(kb[1]) * 1024; processes++; }
    } catch { /* ended */ }
  }
  return { bytes, processes };
}
