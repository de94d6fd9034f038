export { DrachtioServer, drachtioConfig, freeSipPort, freeTcpPort, type DrachtioConnection, type DrachtioServerOptions } from './drachtio-server';
