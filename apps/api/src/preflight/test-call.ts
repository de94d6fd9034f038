import { Injectable } from '@nestjs/common';
import { driverCallFailureCause, type EndpointAdapter, type EndpointCheck, runContained } from '@maillage/core';
import { PreflightSettings } from './preflight-settings';

/** The room system under test, as the test-call step sees it. */
export interface TestCallSubject {
  endpointId: string;
  /** Its driver's adapter id ('room-cisco-xapi', 'endpoint-sip', …). */
  adapterId: string;
  sipUri: string | null;
  driver: EndpointAdapter;
  /** The reservation being prepared (absent for "test now"). */
  reservationId?: string;
}

/**
 * The "short test call" step of the pre-call test, behind a port: the SIP gateway (issue 11) can
 * provide one that calls a test meeting and measures media both ways. Nest token: TEST_CALL.
 */
export interface TestCall {
  run(subject: TestCallSubject): Promise<EndpointCheck>;
}

export const TEST_CALL = Symbol('TEST_CALL');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The default test call: the room system dials PREFLIGHT_TEST_URI through its own driver, the call
 * must reach `in-call` within PREFLIGHT_CALL_CONNECT_MS (measured), then it is hung up. Without a
 * test address the step is skipped (and says so).
 */
@Injectable()
export class DriverDialTestCall implements TestCall {
  constructor(private readonly settings: PreflightSettings) {}

  async run({ driver }: TestCallSubject): Promise<EndpointCheck> {
    const uri = this.settings.testUri;
    if (!uri) return { id: 'test-call', outcome: 'skipped', cause: 'no-test-address', detail: 'PREFLIGHT_TEST_URI is not set' };
    const limit = this.settings.callConnectMs;
    const started = Date.now();
    const dialled = await runContained(() => driver.dial(uri), limit, 'dial');
    if (!dialled.ok) return { id: 'test-call', outcome: 'failed', cause: driverCallFailureCause(dialled.failure), detail: dialled.failure.message };
    try {
      for (;;) {
        const status = await runContained(() => driver.status(), limit, 'status');
        if (status.ok && status.value.state === 'in-call') return { id: 'test-call', outcome: 'ok', detail: `connected to ${uri}`, measures: { connectMs: Date.now() - started } };
        if (status.ok && status.value.state !== 'connecting' && Date.now() - started > 200) {
          return { id: 'test-call', outcome: 'failed', cause: 'call-failed', detail: `the call to ${uri} ended (${status.value.state}${status.value.detail ? `: ${status.value.detail}` : ''})` };
        }
        if (Date.now() - started > limit) return { id: 'test-call', outcome: 'failed', cause: 'call-failed', detail: `the call to ${uri} did not connect within ${limit} ms` };
        await sleep(50);
      }
    } finally {
      await runContained(() => driver.hangUp(), limit, 'hangUp');
    }
  }
}
