export { type Occurrence, type ExpandRecurrenceInput, DEFAULT_MAX_OCCURRENCES, expandRecurrence, parseRecurrenceRule } from './expand';
export { type RecurringBookingMode, type RecurringBookingPlan, planRecurringBooking } from './plan';
