import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

/** Options for a child process of `npm start`. */
export interface ProcessOptions {
  /** Working directory. */
  cwd: string;
  /** Extra environment variables (added to the current environment). */
  env?: Record<string, string>;
  /** Label put before every line of output, e.g. "cms". */
  prefix: string;
}

const colours = [36, 35, 33, 32, 34];
const prefixColour = new Map<string, number>();

/** Writes a line with a fixed-width, coloured prefix, so interleaved logs stay readable. */
export function logLine(prefix: string, line: string): void {
  if (!prefixColour.has(prefix))
    prefixColour.set(prefix, colours[prefixColour.size % colours.length] ?? 36);
  const label = `[${prefix}]`.padEnd(14);
  const coloured = process.stdout.isTTY
    ? `\x1b[${prefixColour.get(prefix)}m${label}\x1b[0m`
    : label;
  process.stdout.write(`${coloured}${line}\n`);
}

function pipeLines(child: ChildProcess, prefix: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream)
      readline.createInterface({ input: stream }).on('line', (line) => logLine(prefix, line));
  }
}

/** Starts a long-running child process with prefixed output. */
export function startProcess(
  command: string,
  args: string[],
  options: ProcessOptions,
): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeLines(child, options.prefix);
  return child;
}

/**
 * Starts a TypeScript file with this Node.js and the tsx loader: one process per service, so a
 * signal sent to it reaches the program itself and not a launcher in between.
 */
export function startTypeScript(
  script: string,
  args: string[],
  options: ProcessOptions,
): ChildProcess {
  return startProcess(process.execPath, ['--import', 'tsx', script, ...args], options);
}

/** Runs a command to completion; rejects with its exit code when it fails. */
export function run(command: string, args: string[], options: ProcessOptions): Promise<void> {
  return waitForSuccess(startProcess(command, args, options), `${command} ${args.join(' ')}`);
}

/** Resolves when the child exits with code 0; rejects otherwise, naming `what`. */
export function waitForSuccess(child: ChildProcess, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${what} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** Asks a child to stop (SIGTERM) and waits for it; kills it after `graceMs`. */
export function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
