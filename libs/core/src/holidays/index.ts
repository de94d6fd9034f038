export * from './french-public-holidays';
