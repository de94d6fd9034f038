import { brokenExampleAdapter } from './broken-example.adapter';
import { checkConformance, describeAdapterConformance } from './conformance';
import { minimalExampleAdapter, type SentMessage } from './minimal-example.adapter';
import { sampleEvent, sampleReservationPayload } from './test-context';

const TIMEOUT_MS = 200;

describe('the testkit', () => {
  it('passes a minimal correct adapter, every check', async () => {
    const outbox: SentMessage[] = [];
    const report = await checkConformance(minimalExampleAdapter(outbox), {
      validConfig: { recipientDomain: 'maillage.test' },
      invalidConfig: { recipientDomain: 'not a host name' },
      invalidConfigField: ['config', 'recipientDomain'],
      duplicates: { event: sampleEvent('reservation.confirmed', sampleReservationPayload()), effects: () => outbox.length },
      timeoutMs: TIMEOUT_MS,
    });
    expect(report.failed).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.checks.filter((c) => !c.id.startsWith('endpoint-')).map((c) => c.status)).not.toContain('skip');
    expect(report.checks.filter((c) => c.id.startsWith('endpoint-')).map((c) => c.reason)).toEqual(Array(5).fill('kind notification'));
    expect(outbox).toHaveLength(1);
  });

  it('fails the broken example on its manifest, its hanging init and its lack of idempotency', async () => {
    const sent: string[] = [];
    const report = await checkConformance(brokenExampleAdapter(sent), {
      validConfig: {},
      invalidConfig: { hangInInit: 'yes' },
      duplicates: { event: sampleEvent('reservation.confirmed', sampleReservationPayload()), effects: () => sent.length },
      timeoutMs: TIMEOUT_MS,
    });
    expect(report.passed).toBe(false);
    expect(report.failed).toEqual(expect.arrayContaining(['manifest', 'init', 'duplicate-events-once']));
    const reason = (id: string) => report.checks.find((c) => c.id === id)?.reason ?? '';
    expect(reason('manifest')).toMatch(/id "Broken_Example" is not lowercase kebab-case/);
    expect(reason('manifest')).toMatch(/version "1.0" is not semver/);
    expect(reason('manifest')).toMatch(/unknown event "reservation.teleported"/);
    expect(reason('init')).toMatch(/did not settle within 200 ms/);
    // What the broken adapter gets right is not reported as broken.
    expect(report.failed).not.toContain('config-invalid-rejected');
    expect(report.failed).not.toContain('handles-subscribed-events');
  });

  it('fails the broken example on duplicates, with the count, once its init is allowed to complete', async () => {
    const sent: string[] = [];
    const event = sampleEvent('reservation.confirmed', sampleReservationPayload());
    const report = await checkConformance(brokenExampleAdapter(sent), {
      validConfig: { hangInInit: false },
      invalidConfig: { hangInInit: 'yes' },
      duplicates: { event, effects: () => sent.length },
      timeoutMs: TIMEOUT_MS,
    });
    expect(report.failed).toEqual(expect.arrayContaining(['manifest', 'duplicate-events-once']));
    expect(report.failed).not.toContain('init');
    expect(report.checks.find((c) => c.id === 'duplicate-events-once')?.reason).toBe(`the same event (idempotency key ${event.idempotencyKey}) was handled 4 times`);
  });

  it('fails an adapter whose schema accepts the invalid configuration', async () => {
    const outbox: SentMessage[] = [];
    const report = await checkConformance(minimalExampleAdapter(outbox), {
      validConfig: { recipientDomain: 'maillage.test' },
      invalidConfig: { recipientDomain: 'other.test' },
      duplicates: { event: sampleEvent('reservation.confirmed', sampleReservationPayload()), effects: () => outbox.length },
      timeoutMs: TIMEOUT_MS,
    });
    expect(report.failed).toEqual(['config-invalid-rejected']);
    expect(report.checks.find((c) => c.id === 'config-invalid-rejected')?.reason).toBe('the invalid configuration was accepted');
  });

  it('fails an adapter that swallows an unreachable vendor (the effect would be lost)', async () => {
    const outbox: SentMessage[] = [];
    const report = await checkConformance(minimalExampleAdapter(outbox), {
      validConfig: { recipientDomain: 'maillage.test' },
      invalidConfig: {},
      // The minimal example has no vendor: "unreachable" still sends, so handle resolves.
      unreachableConfig: { recipientDomain: 'unreachable.invalid' },
      duplicates: { event: sampleEvent('reservation.confirmed', sampleReservationPayload()), effects: () => outbox.length },
      timeoutMs: TIMEOUT_MS,
    });
    expect(report.failed).toEqual(['errors-contained']);
    expect(report.checks.find((c) => c.id === 'errors-contained')?.reason).toMatch(/health is up although the vendor is unreachable/);
  });
});

// The jest form, over the minimal example: one `it` per check.
const outbox: SentMessage[] = [];
describeAdapterConformance(minimalExampleAdapter(outbox), () => ({
  validConfig: { recipientDomain: 'maillage.test' },
  invalidConfig: { recipientDomain: 42 },
  duplicates: { event: sampleEvent('reservation.confirmed', sampleReservationPayload()), effects: () => outbox.length },
  timeoutMs: TIMEOUT_MS,
}));
