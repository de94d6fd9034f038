export * from './errors/domain-error';
export * from './time/interval';
export * from './geo/distance';
export * from './holidays';
export * from './opening-hours';
