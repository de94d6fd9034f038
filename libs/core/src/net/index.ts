export * from './ip-address';
export * from './outbound-policy';
