export * from './gcra';
