export * from './concierge-http.adapter';
export * from './stores';
export * from './webhook-signature';
export { ConciergeVendorSimulator, VENDOR_SIMULATOR_ROUTES } from './vendor-simulator';
export type { SimulatedCall, SimulatedTicket, WebhookDelivery, VendorSimulatorOptions } from './vendor-simulator';
