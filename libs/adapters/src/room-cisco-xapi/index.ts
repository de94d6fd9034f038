export * from './room-cisco-xapi.adapter';
export * from './cisco-xapi-simulator';
