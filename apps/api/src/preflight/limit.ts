/** At most `n` tasks at once, the others queued in order: the pre-call tests' bound on room systems in flight. */
export class ConcurrencyLimit {
  private running = 0;
  private readonly queue: (() => void)[] = [];
  /** The highest number of tasks seen running at once (the benchmark reports it). */
  peak = 0;

  constructor(public size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    this.peak = Math.max(this.peak, this.running);
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}
