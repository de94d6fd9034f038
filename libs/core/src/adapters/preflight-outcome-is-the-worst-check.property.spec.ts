import fc from 'fast-check';
import { endpointDiagnosticsProblems, endpointStatusProblems, type EndpointCheck, worstOutcome } from './endpoint-kind';

const outcomes = ['ok', 'warning', 'failed', 'skipped'] as const;
const check = fc.record({ id: fc.constantFrom('reachable', 'wake', 'diagnostics', 'camera', 'test-call'), outcome: fc.constantFrom(...outcomes), cause: fc.option(fc.constantFrom('offline', 'diagnostics-warning', 'call-failed'), { nil: undefined }) });

describe('the outcome of a pre-call test', () => {
  it('is failed as soon as one check failed, warning when one warned, ok otherwise', () => {
    fc.assert(
      fc.property(fc.array(check, { maxLength: 8 }), (checks: EndpointCheck[]) => {
        const { outcome, cause } = worstOutcome(checks);
        const has = (o: string) => checks.some((c) => c.outcome === o);
        expect(outcome).toBe(has('failed') ? 'failed' : has('warning') ? 'warning' : 'ok');
        if (outcome === 'ok') expect(cause).toBeNull();
        else {
          const first = checks.find((c) => c.outcome === outcome)!;
          expect(cause).toBe(first.cause ?? first.id);
        }
      }),
    );
  });

  it('does not depend on skipped checks', () => {
    fc.assert(
      fc.property(fc.array(check, { maxLength: 8 }), fc.array(check.map((c) => ({ ...c, outcome: 'skipped' as const })), { maxLength: 4 }), (checks, skipped) => {
        expect(worstOutcome([...skipped, ...checks]).outcome).toBe(worstOutcome(checks).outcome);
      }),
    );
  });

  it('names a camera warning and an offline device by their cause', () => {
    expect(worstOutcome([{ id: 'wake', outcome: 'ok' }, { id: 'camera', outcome: 'warning', cause: 'camera-disconnected' }])).toEqual({ outcome: 'warning', cause: 'camera-disconnected' });
    expect(worstOutcome([{ id: 'camera', outcome: 'warning' }, { id: 'reachable', outcome: 'failed', cause: 'offline' }])).toEqual({ outcome: 'failed', cause: 'offline' });
  });
});

describe('endpoint shapes', () => {
  it('accepts a well-formed status and diagnostics, and says what is wrong with others', () => {
    expect(endpointStatusProblems({ state: 'standby', callRemote: null, cameraOn: true, microphoneMuted: false, peripherals: [{ name: 'Room Navigator', type: 'touchpanel', connected: true }] })).toEqual([]);
    expect(endpointStatusProblems({ state: 'Standby', callRemote: null, cameraOn: 'yes', microphoneMuted: null, peripherals: {} })).toEqual([
      expect.stringMatching(/state "Standby" is not one of/),
      'cameraOn must be a boolean or null',
      'peripherals must be an array',
    ]);
    expect(endpointDiagnosticsProblems({ outcome: 'ok', checks: [{ id: 'camera', outcome: 'ok' }] })).toEqual([]);
    expect(endpointDiagnosticsProblems({ outcome: 'ok', checks: [{ id: 'camera', outcome: 'warning' }] })).toEqual(['outcome ok does not match its checks (warning)']);
    expect(endpointDiagnosticsProblems({ outcome: 'fine', checks: [{ id: 'Camera Check', outcome: 'good' }] })).toHaveLength(3);
  });
});
