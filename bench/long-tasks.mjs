#!/usr/bin/env node
/**
 * Long tasks of one thread from a V8 CPU profile (.cpuprofile, e.g. from `CPU_PROFILE=/tmp/p npm run bench:autosave`):
 * every stretch of consecutive samples that are not "(idle)" is one task of the event loop. Prints the longest ones with
 * the functions they spent their samples in (inclusive), and a summary over all tasks above the threshold.
 *
 * Two times per task: `wall` (the sum of the sample intervals; includes waiting for a core on a loaded machine) and
 * `cpu` (samples × the sampling interval: a thread that is not running takes no samples, so this is close to CPU time).
 *
 *   node bench/long-tasks.mjs <file.cpuprofile> [thresholdMs=5] [top=15]
 */
import { readFileSync } from 'node:fs';

const [file, thresholdArg = '5', topArg = '15'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/long-tasks.mjs <file.cpuprofile> [thresholdMs] [top]');
  process.exit(2);
}
const threshold = Number(thresholdArg);
const top = Number(topArg);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

// The sampling interval: the median of the deltas (a descheduled thread's deltas are longer, not more numerous).
const deltas = profile.timeDeltas.slice(1).filter((d) => d > 0).sort((a, b) => a - b);
const intervalUs = deltas[Math.floor(deltas.length / 2)] ?? 250;

function label(node) {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url ? url.replace(/^.*\/(node_modules\/(?:@[^/]+\/)?[^/]+|src|bench)\//, '$1/').replace(/^file:\/\//, '') : '';
  return `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
}
const ignored = new Set(['(root)', '(program)', '(garbage collector)', '(idle)']);

/** Frames of one sample, leaf first, as labels (each once). */
function stack(nodeId) {
  const frames = new Set();
  for (let id = nodeId; id !== undefined; id = parent.get(id)) {
    const node = byId.get(id);
    if (!ignored.has(node.callFrame.functionName)) frames.add(label(node));
  }
  return frames;
}

const tasks = [];
let current = null;
let time = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) {
  time += profile.timeDeltas[i];
  const node = byId.get(profile.samples[i]);
  const idle = node.callFrame.functionName === '(idle)';
  if (idle) {
    if (current) tasks.push(current);
    current = null;
    continue;
  }
  current ??= { start: time, wallUs: 0, samples: 0, frames: new Map(), leaf: new Map(), gc: 0 };
  current.wallUs += i > 0 ? profile.timeDeltas[i] : 0;
  current.samples += 1;
  if (node.callFrame.functionName === '(garbage collector)') current.gc += 1;
  for (const frame of stack(node.id)) current.frames.set(frame, (current.frames.get(frame) ?? 0) + 1);
  const leaf = label(node);
  current.leaf.set(leaf, (current.leaf.get(leaf) ?? 0) + 1);
}
if (current) tasks.push(current);

const cpuMs = (task) => (task.samples * intervalUs) / 1000;
const long = tasks.filter((task) => cpuMs(task) >= threshold).sort((a, b) => cpuMs(b) - cpuMs(a));
const totalCpu = tasks.reduce((sum, task) => sum + cpuMs(task), 0);
console.log(`${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, interval ${intervalUs} µs, ${tasks.length} tasks, ${totalCpu.toFixed(0)} ms busy (cpu); ${long.length} tasks ≥ ${threshold} ms cpu`);
const hist = [1, 2, 5, 10, 20, 50, 100].map((limit) => `≥${limit} ms: ${tasks.filter((task) => cpuMs(task) >= limit).length}`);
console.log(`  tasks by cpu: ${hist.join(', ')}`);

const interesting = (frame) => /src\/|node_modules\//.test(frame) && !/processTicksAndRejections|runMicrotasks/.test(frame);
for (const task of long.slice(0, top)) {
  const frames = [...task.frames].filter(([frame]) => interesting(frame)).sort((a, b) => b[1] - a[1]);
  // The deepest project frames that still hold most of the task: drop a frame whose count equals its caller's.
  console.log(`\n+${((task.start - profile.startTime) / 1000).toFixed(0)} ms: cpu ${cpuMs(task).toFixed(1)} ms, wall ${(task.wallUs / 1000).toFixed(1)} ms, gc ${((task.gc * intervalUs) / 1000).toFixed(1)} ms`);
  for (const [frame, count] of frames.slice(0, 14)) console.log(`   ${((count * intervalUs) / 1000).toFixed(1).padStart(6)} ms  ${frame}`);
}

// Summary: over every task ≥ threshold, the frames by cpu (inclusive).
const summary = new Map();
for (const task of long) for (const [frame, count] of task.frames) if (interesting(frame)) summary.set(frame, (summary.get(frame) ?? 0) + count);
console.log(`\nover all ${long.length} tasks ≥ ${threshold} ms (${long.reduce((s, t) => s + cpuMs(t), 0).toFixed(0)} ms cpu): frames by inclusive cpu`);
for (const [frame, count] of [...summary].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`   ${((count * intervalUs) / 1000).toFixed(1).padStart(7)} ms  ${frame}`);
