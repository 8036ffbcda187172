/**
 * Profiles the calls of a contender with V8's sampling profiler and prints where the CPU time
 * went, self time only: by owner (the project, openapi-fetch, Node's fetch, V8...) and by
 * function. With `--against`, a second contender is profiled in the same process, the two
 * taking turns, and a third table gives the functions where the first spends the most more per
 * call: where the client's extra time over bare openapi-fetch goes.
 *
 * Each profile starts after a warm-up, so that it shows calls and not start-up and compilation.
 * The first profile of each contender is written to a `.cpuprofile` file for Chrome DevTools.
 *
 * Usage: tsx bench/profile.ts [--contender client] [--against openapi-fetch] [--calls 10000]
 *          [--rounds 2] [--concurrency 1] [--top 25]
 */
import { writeFileSync } from 'node:fs';
import type { Profiler } from 'node:inspector';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { compiledClient, ROOT } from './bundle.ts';
import {
  CONTENDER_NAMES,
  type Contender,
  type ContenderName,
  createContender,
} from './contenders.ts';
import { callConcurrently, rotate } from './load.ts';
import { startServer } from './server.ts';
import { formatNumber, printTable } from './table.ts';

// Finer than V8's default of 1 ms: a call takes less than that, and its functions would be seen
// too few times to rank.
const SAMPLING_INTERVAL_US = 50;

/** Self time of one function (its name and where it is), summed over profiles. */
interface SelfTime {
  name: string;
  where: string;
  us: number;
}

/** What the profiles of one contender add up to. */
interface Profiled {
  contender: Contender;
  calls: number;
  ms: number;
  /** By `name where`. */
  functions: Map<string, SelfTime>;
  file: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      contender: { type: 'string', default: 'client' },
      against: { type: 'string' },
      calls: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '2' },
      concurrency: { type: 'string', default: '1' },
      top: { type: 'string', default: '25' },
    },
  });
  const names = [values.contender, values.against].filter((name) => name !== undefined);
  for (const name of names) {
    if (!CONTENDER_NAMES.includes(name as ContenderName)) {
      throw new Error(`a contender is one of ${CONTENDER_NAMES.join(', ')}, not ${name}`);
    }
  }
  const calls = Number(values.calls);
  const concurrency = Number(values.concurrency);
  const top = Number(values.top);

  const { url: compiledUrl, sourceAt } = await compiledClient();
  const locate = (url: string, line: number): string => {
    if (url === compiledUrl) {
      return `${sourceAt(line) ?? '(glue)'} (compiled line ${line})`;
    }
    if (url.startsWith('file:')) {
      const path = relative(ROOT, fileURLToPath(url));
      // tsx's output keeps no line of the source: the file says enough
      return path.endsWith('.ts') ? path : `${path}:${line}`;
    }
    return `${url}:${line}`;
  };

  const server = await startServer();
  const session = new Session();
  session.connect();
  let profiled: Profiled[];
  try {
    profiled = await Promise.all(
      names.map(async (name) => ({
        contender: await createContender(name as ContenderName, server.baseUrl),
        calls: 0,
        ms: 0,
        functions: new Map<string, SelfTime>(),
        file: join(tmpdir(), `d1-accounts-${name}-${process.pid}.cpuprofile`),
      })),
    );
    for (const { contender } of profiled) {
      await callConcurrently(contender.call, 2_000, concurrency);
    }

    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const entry of rotate(profiled, round)) {
        await session.post('Profiler.start');
        entry.ms += await callConcurrently(entry.contender.call, calls, concurrency);
        const { profile } = await session.post('Profiler.stop');
        entry.calls += calls;
        addSelfTimes(entry.functions, profile, locate);
        if (round === 0) {
          writeFileSync(entry.file, JSON.stringify(profile));
        }
      }
    }
  } finally {
    session.disconnect();
    await server.close();
  }

  for (const entry of profiled) {
    printProfile(entry, top);
  }
  if (profiled.length === 2) {
    printDifference(profiled[0]!, profiled[1]!, top);
  }
}

function printProfile(entry: Profiled, top: number): void {
  const { contender, calls, ms, functions } = entry;
  const all = [...functions.values()];
  const idle = all.filter(isIdle).reduce((sum, { us }) => sum + us, 0);
  const busy = all.reduce((sum, { us }) => sum + us, 0) - idle;
  const perCall = (us: number) => formatNumber(us / calls, 2);
  const share = (us: number) => `${((100 * us) / busy).toFixed(1)}%`;

  printTable({
    title:
      `${contender.label}: self time by owner (${formatNumber(calls)} calls, ` +
      `${formatNumber((ms * 1000) / calls, 1)} µs a call while profiled)`,
    head: ['owner', 'µs a call', 'share of busy'],
    rows: [...byOwner(all)]
      .sort(([, a], [, b]) => b - a)
      .map(([owner, us]) => [owner, perCall(us), share(us)]),
    notes: [
      `busy ${perCall(busy)} µs a call; idle ${perCall(idle)} µs a call, waiting for the ` +
        'server or for a core',
    ],
  });

  printTable({
    title: `${contender.label}: top ${top} functions by self time`,
    head: ['function', 'where', 'µs a call', 'share of busy'],
    nameColumns: 2,
    rows: all
      .filter((fn) => !isIdle(fn))
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map(({ name, where, us }) => [name, where, perCall(us), share(us)]),
    notes: [
      'where: the source file; the client ran as src/ compiled by esbuild (see bench/bundle.ts)',
      `first profile written to ${entry.file}`,
    ],
  });
}

/** The owners and functions where `a` spends more per call than `b`. */
function printDifference(a: Profiled, b: Profiled, top: number): void {
  const perCallOf = (entry: Profiled, key: string) =>
    (entry.functions.get(key)?.us ?? 0) / entry.calls;
  const keys = new Set([...a.functions.keys(), ...b.functions.keys()]);
  const rows = [...keys]
    .map((key) => {
      const fn = (a.functions.get(key) ?? b.functions.get(key))!;
      return { ...fn, extra: perCallOf(a, key) - perCallOf(b, key) };
    })
    .filter((fn) => !isIdle(fn));

  const ownersA = byOwner([...a.functions.values()].filter((fn) => !isIdle(fn)));
  const ownersB = byOwner([...b.functions.values()].filter((fn) => !isIdle(fn)));
  const owners = new Set([...ownersA.keys(), ...ownersB.keys()]);
  const ownerRows = [...owners]
    .map((owner) => ({
      owner,
      a: (ownersA.get(owner) ?? 0) / a.calls,
      b: (ownersB.get(owner) ?? 0) / b.calls,
    }))
    .sort((x, y) => y.a - y.b - (x.a - x.b));
  const total = ownerRows.reduce((sum, { a: x, b: y }) => sum + x - y, 0);
  const signed = (us: number) => `${us >= 0 ? '+' : ''}${formatNumber(us, 2)}`;

  printTable({
    title: `${a.contender.label} over ${b.contender.label}: busy µs a call by owner`,
    head: ['owner', a.contender.label, b.contender.label, 'difference'],
    rows: [
      ...ownerRows.map(({ owner, a: x, b: y }) => [
        owner,
        formatNumber(x, 2),
        formatNumber(y, 2),
        signed(x - y),
      ]),
      ['all', '', '', signed(total)],
    ],
  });

  printTable({
    title: `${a.contender.label} over ${b.contender.label}: top ${top} functions by extra time`,
    head: ['function', 'where', 'extra µs a call'],
    nameColumns: 2,
    rows: rows
      .sort((x, y) => y.extra - x.extra)
      .slice(0, top)
      .map(({ name, where, extra }) => [name, where, signed(extra)]),
    notes: ['a sampling profile on a shared machine: differences under about 1 µs are noise'],
  });
}

/**
 * Adds the self time of every function of `profile` to `into`, in µs; `locate` names the place
 * of a script's URL and 1-based line.
 */
function addSelfTimes(
  into: Map<string, SelfTime>,
  profile: Profiler.Profile,
  locate: (url: string, line: number) => string,
): void {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byNode = new Map<number, number>();
  for (let i = 0; i < samples.length; i++) {
    // a sample stands for the time until the next one
    const us = deltas[i + 1] ?? 0;
    byNode.set(samples[i]!, (byNode.get(samples[i]!) ?? 0) + us);
  }

  for (const { id, callFrame } of profile.nodes) {
    const us = byNode.get(id) ?? 0;
    if (us === 0) {
      continue;
    }
    const name = callFrame.functionName || '(anonymous)';
    const where = callFrame.url ? locate(callFrame.url, callFrame.lineNumber + 1) : '(native)';
    const key = `${name} ${where}`;
    const entry = into.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    into.set(key, entry);
  }
}

function byOwner(functions: SelfTime[]): Map<string, number> {
  const owners = new Map<string, number>();
  for (const fn of functions) {
    if (!isIdle(fn)) {
      owners.set(ownerOf(fn), (owners.get(ownerOf(fn)) ?? 0) + fn.us);
    }
  }
  return owners;
}

function isIdle({ name }: SelfTime): boolean {
  return name === '(idle)';
}

/** Who a function belongs to, from its name and where it is. */
function ownerOf({ name, where }: SelfTime): string {
  if (name === '(garbage collector)') {
    return 'V8: garbage collector';
  }
  if (where.startsWith('src/') || where.startsWith('generated/')) {
    return `project ${where.split('/')[0]}/`;
  }
  if (where.startsWith('bench/')) {
    return 'bench harness';
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(where)?.[1];
  if (pkg !== undefined) {
    return pkg;
  }
  if (where.startsWith('node:internal/deps/undici')) {
    return "undici (Node's fetch)";
  }
  if (where.startsWith('node:')) {
    return 'Node internals';
  }
  return 'V8 and native: builtins, I/O';
}

await main();
