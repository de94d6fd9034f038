export type { Slot, FreeWindow } from './types';
export { type BookingPolicy, validateBookingPolicy, POLICY_LIMITS } from './policy';
export {
  type BookingRequest,
  type BookingCheck,
  type ApprovalReason,
  APPROVAL_REASONS,
  CLOSED_MESSAGE_FR,
  checkBookingRequest,
} from './check-booking';
export {
  type RoomAvailability,
  type AvailabilityQuery,
  type FreeSlotsQuery,
  type FreeWindowsQuery,
  DEFAULT_SLOT_LIMIT,
  MAX_SLOT_LIMIT,
  freeSlots,
  freeWindows,
} from './free-slots';
export { isAlignedInZone } from './zone';
