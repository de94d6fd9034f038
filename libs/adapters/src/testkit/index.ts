export * from './conformance';
export * from './test-context';
export * from './endpoint-checks';
