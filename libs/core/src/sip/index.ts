export * from './sdp-negotiation';
export * from './dial-out-policy';
