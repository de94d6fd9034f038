/**
 * The address the platform's own links start with (e-mail links, the widget): PUBLIC_URL, or the
 * address the API listens on once it does (set by startApi).
 */
export class PublicUrl {
  private value: string | undefined;

  constructor(configured?: string) {
    this.value = configured?.replace(/\/+$/, '');
  }

  /** Called once listening, unless PUBLIC_URL was given. */
  listening(url: string): void {
    this.value ??= url.replace(/\/+$/, '');
  }

  get(): string {
    return this.value ?? 'http://127.0.0.1:3000';
  }
}
