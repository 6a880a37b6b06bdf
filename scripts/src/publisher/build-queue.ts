/**
 * Turns a stream of "something changed" notices into as few builds as possible, never losing
 * one: notices within `debounceMs` become one build; only one build runs at a time; notices that
 * arrive during a build queue exactly one follow-up build, which then sees all their changes.
 */
export class BuildQueue {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private followUp = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly build: () => Promise<void>,
    private readonly debounceMs: number,
  ) {}

  /** Something changed in the CMS. */
  notify(): void {
    if (this.running) {
      this.followUp = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), this.debounceMs);
  }

  /** True while a build runs or one is waiting for its debounce to end. */
  get busy(): boolean {
    return this.running !== undefined || this.timer !== undefined;
  }

  /** True when a follow-up build is queued behind the running one. */
  get queued(): boolean {
    return this.followUp;
  }

  /** Resolves once nothing is running or waiting (tests, shutdown). */
  idle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  /** Stops waiting builds (the running one finishes). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.followUp = false;
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.running = this.build().catch(() => {
      // The build records its own failure; the queue only keeps order.
    });
    await this.running;
    this.running = undefined;
    if (this.followUp) {
      this.followUp = false;
      this.notify();
      return;
    }
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
