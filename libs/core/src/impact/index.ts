export * from './factors';
export * from './islands';
export * from './calculator';
export * from './meeting-outcome';
