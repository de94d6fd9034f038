/** Nest token of the SecuritySettings (security-settings.ts) built from the configuration. */
export const SECURITY_SETTINGS = Symbol('SECURITY_SETTINGS');
