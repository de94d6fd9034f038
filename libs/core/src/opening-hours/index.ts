export * from './types';
export { validateSchedule } from './validate-schedule';
export { openIntervals, isOpenAt, nextOpenings, MAX_OPEN_INTERVALS_WINDOW_DAYS, MAX_NEXT_OPENINGS_HORIZON_DAYS } from './open-intervals';
