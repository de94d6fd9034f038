import type Srf from 'drachtio-srf';
import type { Socket } from 'node:net';

interface WireProtocol {
  closing?: boolean;
  socket?: Socket;
  reconnectVars?: { retryTimer?: NodeJS.Timeout | null };
}

/**
 * Closes drachtio-srf's connection for good, also while it is still (re)connecting: drachtio-srf's
 * own `disconnect()` throws without a connected socket and leaves its retry timer running.
 */
export function closeSrf(srf: Srf): void {
  const wp = (srf as unknown as { app?: { wp?: WireProtocol } }).app?.wp;
  if (wp) {
    wp.closing = true;
    if (wp.reconnectVars?.retryTimer) clearTimeout(wp.reconnectVars.retryTimer);
    if (wp.reconnectVars) wp.reconnectVars.retryTimer = null;
  }
  try {
    srf.disconnect();
  } catch {
    // Not connected: nothing to end.
  }
  wp?.socket?.destroy();
}
