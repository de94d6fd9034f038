// The signalling protocol shared with the API (libs/media/src/protocol): plain TypeScript, no mediasoup,
// no Node, allowed to the web app by the lint's module boundaries. The app imports it through this file.
export * from '@maillage/media/protocol';
