/** The survey links' signing key (HKDF of MAILLAGE_SECRET_KEY), provided by the app module. */
export const SURVEY_KEY = Symbol('SURVEY_KEY');
