import { SignallingError } from './protocol';

/**
 * A mediasoup failure as the typed error a client receives. mediasoup throws TypeError for
 * parameters it rejects (bad RTP parameters or capabilities) and UnsupportedError for codecs it
 * cannot route: both are the client's fault. Anything else is ours.
 */
export function toSignallingError(error: unknown, action: string): SignallingError {
  if (error instanceof SignallingError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TypeError' || name === 'UnsupportedError') return new SignallingError('BAD_REQUEST', `${action}: ${message}`);
  if (name === 'InvalidStateError') return new SignallingError('NOT_FOUND', `${action}: it was closed meanwhile`);
  return new SignallingError('INTERNAL', `${action} failed`);
}
