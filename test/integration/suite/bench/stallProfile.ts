// Finds what blocks the extension host: a 10 ms ticker records every stall of its event loop, and the V8 sampling
// profiler of the host's own thread says which functions ran during the longest ones.
import * as inspector from 'inspector';

export interface Stall {
  /** When the stall ended, in µs of the monotonic clock the profiler's timestamps use. */
  endUs: number;
  ms: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const TICK_MS = 10;

function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** Records stalls longer than `minMs` of the event loop (the gap between 10 ms ticks, minus the tick). */
export function stallMonitor(minMs = 20): { stop: () => Stall[] } {
  const stalls: Stall[] = [];
  let last = nowUs();
  const timer = setInterval(() => {
    const now = nowUs();
    const ms = (now - last) / 1000 - TICK_MS;
    if (ms > minMs) stalls.push({ endUs: now, ms });
    last = now;
  }, TICK_MS);
  return { stop: () => (clearInterval(timer), stalls) };
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))),
  );
}

/** Starts the sampling profiler of this thread; `stop` returns its profile (undefined when the inspector fails). */
export async function startProfiler(): Promise<{ stop: () => Promise<Profile | undefined> }> {
  const session = new inspector.Session();
  try {
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 1000 });
    await post(session, 'Profiler.start');
  } catch {
    return { stop: async () => undefined };
  }
  return {
    stop: async () => {
      try {
        return (await post<{ profile: Profile }>(session, 'Profiler.stop')).profile;
      } catch {
        return undefined;
      } finally {
        session.disconnect();
      }
    },
  };
}

function frameName(n: ProfileNode): string {
  const f = n.callFrame;
  const file = f.url.split('/').slice(-1)[0] || '';
  return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
}

/** Whose code it was matters more than Node's internals under it (a zlib write says little without its caller): the
 *  two innermost frames, then the first three frames outside node: and the host's own internals. */
function stackKey(leaf: ProfileNode | undefined, parents: Map<number, ProfileNode>): string {
  const frames: string[] = [];
  let callers = 0;
  for (let n = leaf; n && frames.length < 5 && callers < 3; n = parents.get(n.id)) {
    if (n.callFrame.functionName === '(root)') continue;
    const internal = /^node:|^$/.test(n.callFrame.url) || /extensionHostProcess/.test(n.callFrame.url);
    if (frames.length < 2) frames.push(frameName(n));
    else if (!internal) {
      frames.push(frameName(n));
      callers++;
    }
  }
  return frames.join(' < ');
}

/** For one stall: the stacks sampled during it (innermost frame first, at most 4 frames), with their ms. */
function stacksDuring(profile: Profile, stall: Stall, parents: Map<number, ProfileNode>): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const from = stall.endUs - (stall.ms + TICK_MS) * 1000;
  const counts = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < from || t > stall.endUs) continue;
    const key = stackKey(byId.get(profile.samples[i]), parents) || '(idle)';
    const dt = Math.min(profile.timeDeltas[i + 1] ?? 1000, stall.endUs - t) / 1000;
    counts.set(key, (counts.get(key) ?? 0) + dt);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 4);
}

/** Of a stall: ms the thread was sampled running (the rest it waited for a core), and ms with this extension's
 *  bundle (dist/extension.js) on the stack. */
function shareOf(profile: Profile, stall: Stall, parents: Map<number, ProfileNode>): { ran: number; ours: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const from = stall.endUs - (stall.ms + TICK_MS) * 1000;
  let ran = 0;
  let ours = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < from || t > stall.endUs) continue;
    const dt = Math.min(profile.timeDeltas[i + 1] ?? 1000, stall.endUs - t) / 1000;
    const leaf = byId.get(profile.samples[i]);
    if (!leaf || leaf.callFrame.functionName === '(idle)') continue;
    ran += dt;
    for (let n: ProfileNode | undefined = leaf; n; n = parents.get(n.id)) {
      if (/\/dist\/extension\.js$/.test(n.callFrame.url)) {
        ours += dt;
        break;
      }
    }
  }
  return { ran, ours };
}

/** Lines naming the `top` longest stalls and what ran during each. */
export function explainStalls(stalls: Stall[], profile: Profile | undefined, top = 3): string[] {
  const worst = [...stalls].sort((a, b) => b.ms - a.ms).slice(0, top);
  const lines = [
    `  host stalls > 20 ms: ${stalls.length}; longest: ${worst.map((s) => s.ms.toFixed(0)).join(', ')} ms`,
  ];
  if (!profile) return [...lines, '  (no CPU profile: the inspector was not available)'];
  const parents = new Map<number, ProfileNode>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n);
  const shares = stalls.map((s) => shareOf(profile, s, parents));
  const oursMax = Math.max(0, ...shares.map((x) => x.ours));
  lines.push(
    `  this extension's code in any one stall: at most ${oursMax.toFixed(0)} ms ` +
      `(stalls where it ran > 20 ms: ${shares.filter((x) => x.ours > 20).length})`,
  );
  // The stall where this extension's code ran longest is explained too: that one is ours to shorten.
  const oursMost = stalls[shares.findIndex((x) => x.ours === oursMax)];
  const explained = oursMost && oursMax > 20 && !worst.includes(oursMost) ? [...worst, oursMost] : worst;
  for (const s of explained) {
    const at = ((s.endUs - profile.startTime) / 1e6).toFixed(1);
    const { ran, ours } = shareOf(profile, s, parents);
    const share = `running ${ran.toFixed(0)} ms, this extension ${ours.toFixed(0)} ms`;
    lines.push(`  stall of ${s.ms.toFixed(0)} ms, ${at} s into the hovers (${share}):`);
    for (const [stack, ms] of stacksDuring(profile, s, parents)) lines.push(`    ${ms.toFixed(0)} ms  ${stack}`);
  }
  return lines;
}
