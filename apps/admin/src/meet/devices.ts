// Camera and microphone: the preview stream, the device lists, and why they may be unavailable.

export interface DeviceOption {
  deviceId: string;
  label: string;
}

export interface DeviceLists {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
}

/** Why there is no (full) preview: refused by the user, no such device, or anything else. */
export type MediaProblem = 'denied' | 'missing' | 'failed';

export interface PreviewResult {
  stream: MediaStream | null;
  problem?: MediaProblem;
  message?: string;
}

/** Camera up to 720p, 30 fps: the top simulcast layer; the two others are scaled down from it. */
function constraints(cameraId?: string, microphoneId?: string, want = { audio: true, video: true }): MediaStreamConstraints {
  return {
    audio: want.audio ? { ...(microphoneId ? { deviceId: { exact: microphoneId } } : {}), echoCancellation: true, noiseSuppression: true, autoGainControl: true } : false,
    video: want.video ? { ...(cameraId ? { deviceId: { exact: cameraId } } : {}), width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30, max: 30 } } : false,
  };
}

const problemOf = (error: unknown): MediaProblem => {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  return 'failed';
};

/**
 * Opens the camera and the microphone; when both together fail because one is missing, tries each
 * alone, so a participant without a camera can still talk (and one without either can still watch).
 */
export async function openPreview(cameraId?: string, microphoneId?: string): Promise<PreviewResult> {
  if (!navigator.mediaDevices?.getUserMedia) return { stream: null, problem: 'failed', message: 'getUserMedia' };
  try {
    return { stream: await navigator.mediaDevices.getUserMedia(constraints(cameraId, microphoneId)) };
  } catch (error) {
    const problem = problemOf(error);
    if (problem === 'denied') return { stream: null, problem };
    for (const want of [{ audio: true, video: false }, { audio: false, video: true }]) {
      try {
        return { stream: await navigator.mediaDevices.getUserMedia(constraints(cameraId, microphoneId, want)), problem: 'missing' };
      } catch {
        // try the other one
      }
    }
    return { stream: null, problem, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Cameras and microphones; labels are only known once the user has allowed access. */
export async function listDevices(): Promise<DeviceLists> {
  if (!navigator.mediaDevices?.enumerateDevices) return { cameras: [], microphones: [] };
  const devices = await navigator.mediaDevices.enumerateDevices();
  const of = (kind: MediaDeviceKind) => devices.filter((d) => d.kind === kind && d.deviceId).map((d) => ({ deviceId: d.deviceId, label: d.label }));
  return { cameras: of('videoinput'), microphones: of('audioinput') };
}

export function stopStream(stream: MediaStream | null | undefined): void {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/** performance.mark once per page: `maillage:<name>` (the join-latency benchmark reads them). */
export function markOnce(name: string): void {
  const mark = `maillage:${name}`;
  if (typeof performance === 'undefined' || performance.getEntriesByName(mark).length > 0) return;
  performance.mark(mark);
}
