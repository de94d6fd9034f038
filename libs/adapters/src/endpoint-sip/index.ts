export * from './endpoint-sip.adapter';
