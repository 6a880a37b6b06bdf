/**
 * Turns a stream of "something changed" notices into as few builds as possible, never losing
 * one, and without making the first one wait: by default a notice starts a build at once
 * (leading edge); only one build runs at a time; notices that arrive during a build queue
 * exactly one follow-up build, which starts as soon as the running one ends and sees all their
 * changes. A build already reads the CMS after it starts, so waiting for quiet first would only
 * add its length to every publish; bursts are folded by the follow-up instead.
 *
 * With a quiet time (`debounceMs` > 0, PUBLISH_DEBOUNCE_MS) a build starts only once no notice
 * came for that long: for a CMS that sends many notices for one change, where a second build
 * costs more than the wait.
 *
 * It also remembers when the first notice of the coming build arrived and hands that time to
 * the build: how long an editor waits from "publish" to "live" starts there, not when the build
 * starts after the quiet time (or after the build before it).
 */
export class BuildQueue {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private followUp = false;
  private idleWaiters: (() => void)[] = [];
  /** When the first notice of the build about to start (or waiting for quiet) arrived (ms). */
  private waitingSince: number | undefined;
  /** When the first notice of the queued follow-up arrived. */
  private followUpSince: number | undefined;

  /**
   * @param build runs one build; `firstNoticeAt` is when the first notice that led to it
   *   arrived (ms since epoch). With the publisher this includes what belongs to the build
   *   after it went live (the search index), so no other build starts in between.
   * @param debounceMs quiet time before a build starts; 0 (the default) starts it at once
   */
  constructor(
    private readonly build: (firstNoticeAt: number) => Promise<void>,
    private readonly debounceMs = 0,
    private readonly now: () => number = Date.now,
  ) {}

  /** Something changed in the CMS. */
  notify(): void {
    const at = this.now();
    if (this.running) {
      this.followUp = true;
      this.followUpSince ??= at;
      return;
    }
    this.schedule(at);
  }

  private schedule(firstNoticeAt: number): void {
    this.waitingSince ??= firstNoticeAt;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.debounceMs <= 0) {
      void this.run();
      return;
    }
    this.timer = setTimeout(() => void this.run(), this.debounceMs);
  }

  /** True while a build runs or one is waiting for its quiet time to end. */
  get busy(): boolean {
    return this.running !== undefined || this.timer !== undefined;
  }

  /** True when a follow-up build is queued behind the running one. */
  get queued(): boolean {
    return this.followUp;
  }

  /**
   * True when a build will start without a new notice: one waits for its quiet time, or a
   * follow-up is queued behind the running build.
   */
  get pending(): boolean {
    return this.timer !== undefined || this.followUp;
  }

  /**
   * Resolves once nothing is running or waiting: the last build and everything it does after
   * going live (the publisher's search index) are done (tests, benchmarks, shutdown).
   */
  idle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  /** Stops waiting builds (the running one finishes). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.followUp = false;
    this.waitingSince = undefined;
    this.followUpSince = undefined;
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    const firstNoticeAt = this.waitingSince ?? this.now();
    this.waitingSince = undefined;
    this.running = this.build(firstNoticeAt).catch(() => {
      // The build records its own failure; the queue only keeps order.
    });
    await this.running;
    this.running = undefined;
    if (this.followUp) {
      const since = this.followUpSince ?? this.now();
      this.followUp = false;
      this.followUpSince = undefined;
      this.schedule(since);
      return;
    }
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
