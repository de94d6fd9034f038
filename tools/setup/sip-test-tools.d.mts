/** Installs sipp, baresip and ffmpeg from Debian when missing; throws when that fails. */
export function ensureSipTestTools(): void;
