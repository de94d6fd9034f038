export * from './conformance';
export * from './test-context';
