import type { ChildProcess } from 'node:child_process';
import { stopProcess } from './processes';

/** One long-running part of the product, as `npm start` runs it. */
export interface Service {
  name: string;
  /** Starts the service; `ready` resolves once it can be used (rejects if it cannot start). */
  start: () => Promise<{ child: ChildProcess; ready: Promise<void> }>;
  /** What to tell the user once it is ready. */
  readyMessage: string;
}

/** How the supervisor reacts to services that stop. */
export interface SupervisorOptions {
  log: (line: string) => void;
  /** Called once when a service keeps failing; the caller stops everything. */
  onGiveUp: (reason: string) => void;
  /** This many unexpected stops of one service within `failureWindowMs` make it give up. */
  maxFailures?: number;
  failureWindowMs?: number;
  /** Wait before the n-th restart within the window (n from 1). */
  backoffMs?: (attempt: number) => number;
}

/** 1, 2, 4, 8 ... seconds, at most 30. */
const doubling = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 30_000);

/**
 * Runs the services of `npm start` and keeps them running: a service that stops unexpectedly
 * is started again after a back-off, with a log line, while the others keep running. One that
 * stops 5 times within 5 minutes is not going to recover by itself: the supervisor gives up
 * (the caller then stops everything and says why).
 */
export class Supervisor {
  private readonly running = new Map<string, ChildProcess>();
  private readonly failures = new Map<string, number[]>();
  private stopping = false;
  private readonly maxFailures: number;
  private readonly failureWindowMs: number;
  private readonly backoffMs: (attempt: number) => number;

  constructor(private readonly options: SupervisorOptions) {
    this.maxFailures = options.maxFailures ?? 5;
    this.failureWindowMs = options.failureWindowMs ?? 5 * 60_000;
    this.backoffMs = options.backoffMs ?? doubling;
  }

  /**
   * Starts the services one after another, each once the one before is ready; a group (an
   * array) is started at the same moment, and the next step waits until all of it is ready.
   * Rejects when one cannot start at all (then nothing is restarted: the cause is a setting or
   * a port, and the caller stops what runs).
   */
  async startAll(steps: readonly (Service | readonly Service[])[]): Promise<void> {
    for (const step of steps) {
      const group: readonly Service[] = Array.isArray(step) ? step : [step as Service];
      await Promise.all(group.map((service) => this.startOne(service)));
    }
  }

  private async startOne(service: Service): Promise<void> {
    this.options.log(`Starting ${service.name} ...`);
    const { child, ready } = await service.start();
    // Tracked before it is ready, so a failed or interrupted start still stops it.
    this.running.set(service.name, child);
    await ready;
    this.watch(service, child);
    this.options.log(service.readyMessage);
  }

  /** The process of a running service (for tests and operators). */
  pidOf(name: string): number | undefined {
    return this.running.get(name)?.pid;
  }

  /** Stops every service (SIGTERM, then SIGKILL after a grace period); no more restarts. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.running.values()].map((child) => stopProcess(child)));
  }

  private watch(service: Service, child: ChildProcess): void {
    const exited = (code: number | null, signal: NodeJS.Signals | null) =>
      this.exited(service, child, signal ?? `exit code ${code}`);
    if (child.exitCode !== null || child.signalCode !== null)
      exited(child.exitCode, child.signalCode);
    else child.once('exit', exited);
  }

  private exited(service: Service, child: ChildProcess, how: string): void {
    if (this.stopping || this.running.get(service.name) !== child) return;
    this.running.delete(service.name);
    this.failed(service, how);
  }

  /** Counts a failure of the service and starts it again after a back-off, or gives up. */
  private failed(service: Service, how: string): void {
    const now = Date.now();
    const recent = [
      ...(this.failures.get(service.name) ?? []).filter(
        (time) => now - time < this.failureWindowMs,
      ),
      now,
    ];
    this.failures.set(service.name, recent);
    if (recent.length >= this.maxFailures) {
      // Once: no more restarts of anything; the caller stops what still runs.
      this.stopping = true;
      const minutes = Math.round(this.failureWindowMs / 60_000);
      this.options.onGiveUp(
        `${service.name} stopped ${recent.length} times within ${minutes} minutes (last: ${how}).`,
      );
      return;
    }
    const delay = this.backoffMs(recent.length);
    this.options.log(
      `${service.name} stopped unexpectedly (${how}); starting it again in ${delay / 1000} s.`,
    );
    setTimeout(() => void this.restart(service), delay);
  }

  private async restart(service: Service): Promise<void> {
    if (this.stopping) return;
    let started: Awaited<ReturnType<Service['start']>>;
    try {
      started = await service.start();
    } catch (error) {
      this.failed(service, `could not start: ${error instanceof Error ? error.message : error}`);
      return;
    }
    this.running.set(service.name, started.child);
    // Watched at once: a restart that stops before it is ready counts as a failure too.
    this.watch(service, started.child);
    try {
      await started.ready;
      this.options.log(`${service.name} runs again. ${service.readyMessage}`);
    } catch (error) {
      // It stopped (counted above), or it runs but is not ready in time: said, and left running.
      this.options.log(
        `${service.name} is not ready: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/**
 * The life of a launcher (`npm start`, `npm run start:scale`): runs `start` with a supervisor,
 * and stops everything, then `cleanup`, on Ctrl-C or SIGTERM (exit 0), when `start` fails or
 * when a service keeps failing (exit 1, with the reason).
 */
export function runSupervised(options: {
  log: (line: string) => void;
  start: (supervisor: Supervisor) => Promise<void>;
  /** What the launcher runs itself (not a child process), stopped after the services. */
  cleanup?: () => Promise<void>;
}): void {
  const { log } = options;
  let stopping = false;
  const stopAll = async (exitCode: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      log('Stopping ...');
      await supervisor.stopAll();
      await options.cleanup?.();
    }
    process.exit(exitCode);
  };
  const supervisor = new Supervisor({
    log,
    onGiveUp: (reason) => {
      log(`${reason} Stopping everything: see the lines above for the cause.`);
      void stopAll(1);
    },
  });
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  options.start(supervisor).catch((error: unknown) => {
    log(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
    void stopAll(1);
  });
}
