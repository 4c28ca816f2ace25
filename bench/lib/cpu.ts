/**
 * CPU time of processes, from /proc (Linux): what each contender's server and Neo4j spend
 * per request. On a machine where they share a few cores, CPU per request is what bounds
 * throughput (req/s <= cores * 1000 / (server + Neo4j ms per request)). Elsewhere (no
 * /proc) every reading is null and the report prints "-".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond: number | null | undefined;

function clockTicks(): number | null {
  if (ticksPerSecond === undefined) {
    const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    const n = Number(r.stdout?.trim());
    ticksPerSecond = r.status === 0 && n > 0 ? n : fs.existsSync('/proc/self/stat') ? 100 : null;
  }
  return ticksPerSecond;
}

/** [pgrp, utime + stime in ticks] of one /proc/<pid>/stat line; the command name may hold spaces. */
function parseStat(text: string): [number, number] | null {
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state): pgrp is field 5, utime 14, stime 15.
  const pgrp = Number(rest[2]);
  const ticks = Number(rest[11]) + Number(rest[12]);
  return Number.isFinite(pgrp) && Number.isFinite(ticks) ? [pgrp, ticks] : null;
}

/**
 * Milliseconds of CPU used so far by every live process of process group `pgid` (a bench
 * child and what it spawned: tsx starts node under it), or null where /proc is missing.
 */
export function groupCpuMs(pgid: number): number | null {
  const hz = clockTicks();
  if (hz === null) return null;
  let ticks = 0;
  let found = false;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let text: string;
    try {
      text = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const s = parseStat(text);
    if (s && s[0] === pgid) {
      ticks += s[1];
      found = true;
    }
  }
  return found ? (ticks * 1000) / hz : null;
}

/** Milliseconds of CPU used so far by one process, or null. */
export function pidCpuMs(pid: number): number | null {
  const hz = clockTicks();
  if (hz === null) return null;
  try {
    const s = parseStat(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return s ? (s[1] * 1000) / hz : null;
  } catch {
    return null;
  }
}
