// GraphQL fragments shared by the public pages' and the console's operations (interpolated into their
// documents; \`npm run codegen\` reads this file too). Not exported as operations: alone, a fragment is not
// a document the API runs.

/** A point's opening hours as the point page shows them and the opening-hours editor edits them. */
export const OPENING_SCHEDULE_FIELDS = /* GraphQL */ `
  fragment OpeningScheduleFields on OpeningSchedule {
    timeZone
    closedOnPublicHolidays
    weekly {
      weekday
      opens
      closes
      onRequest
    }
    exceptions {
      date
      kind
      reason
      ranges {
        opens
        closes
        onRequest
      }
    }
  }
`;
