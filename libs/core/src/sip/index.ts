export * from './sdp-negotiation';
