export * from './types';
export { mulDivHalfUp, vatOnExcl, exclFromIncl, formatEuros } from './money';
export { localDateOf } from './calendar';
export { validatePriceList, validateVersionHistory, selectVersion, unitMinutes, MAX_PRICE_CENTS } from './price-list';
export { quote, quoteWithHistory, MAX_BOOKING_MINUTES, CATEGORY_NOT_ALLOWED } from './quote';
export * from './operating-costs';
