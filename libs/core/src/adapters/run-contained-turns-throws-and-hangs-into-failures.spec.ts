import { AdapterFailureError, runContained, unwrapContained } from './contained';

describe('runContained', () => {
  it('returns the value of a call that resolves in time', async () => {
    await expect(runContained(Promise.resolve(42), 100, 'x')).resolves.toMatchObject({ ok: true, value: 42 });
    await expect(runContained(() => 'sync', 100)).resolves.toMatchObject({ ok: true, value: 'sync' });
  });

  it('turns a synchronous throw into an error failure', async () => {
    const result = await runContained(() => {
      throw new Error('boom');
    }, 100, 'adapter.init');
    expect(result).toMatchObject({ ok: false, failure: { kind: 'error', label: 'adapter.init', message: 'adapter.init threw: boom' } });
  });

  it('turns a rejection into an error failure carrying the cause', async () => {
    const cause = new Error('refused');
    const result = await runContained(() => Promise.reject(cause), 100, 'adapter.handle');
    expect(result).toMatchObject({ ok: false, failure: { kind: 'error', message: 'adapter.handle failed: refused', cause } });
  });

  it('abandons a call that never settles after the time-out', async () => {
    const started = Date.now();
    const result = await runContained(new Promise<never>(() => undefined), 50, 'adapter.init');
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout', message: 'adapter.init did not settle within 50 ms' } });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('swallows a rejection that comes after the time-out (no unhandled rejection)', async () => {
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('too late')), 30));
    const result = await runContained(late, 5);
    expect(result.ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 60)); // jest would fail this test on an unhandled rejection
  });

  it('unwraps to the value, or throws the typed failure', async () => {
    expect(unwrapContained(await runContained(Promise.resolve('v'), 10))).toBe('v');
    const failed = await runContained(Promise.reject(new Error('no')), 10);
    expect(() => unwrapContained(failed)).toThrow(AdapterFailureError);
  });
});
