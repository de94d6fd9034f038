export { DrachtioServer, drachtioConfig, freeSipPort, freeTcpPort, type DrachtioConnection, type DrachtioServerOptions } from './drachtio-server';
export { SIP_DRACHTIO_MANIFEST, SipDrachtioAdapter, sipDrachtioAdapter, sipDrachtioConfigFromUrl, type SipDrachtioConfig } from './sip-drachtio.adapter';
export { PCMU_H264_OFFER, runSipp, SIPP_SCENARIOS, withDirection, type SippRun } from './testing/sipp';
export { startBaresip, type Baresip, type BaresipOptions } from './testing/baresip';
export { SIPP_UAS_SCENARIOS, startSippUas } from './testing/sipp';
