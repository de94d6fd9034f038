import type { Logger } from '@nestjs/common';

/**
 * A pass run every `everyMs` and on `kick()`, never two at once (a kick during a pass is dropped: the
 * next tick comes), errors logged; `stop()` waits for the pass under way. The schedulers' loop
 * (reminders, pre-call tests).
 */
export class Poller {
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly what: string,
    private readonly everyMs: number,
    private readonly pass: () => Promise<unknown>,
    private readonly log: Pick<Logger, 'error'>,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), this.everyMs);
    this.timer.unref();
    this.kick();
  }

  kick(): void {
    if (this.stopped || this.running) return;
    this.running = this.pass()
      .catch((error: unknown) => this.log.error(`${this.what} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.running = null));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
