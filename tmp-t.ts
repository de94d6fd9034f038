import { RRule } from 'rrule';
const d = new Date(Date.UTC(2026,2,19,14));
for (const r of ['FREQ=HOURLY;INTERVAL=2;BYHOUR=1;COUNT=2','FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6;COUNT=2','FREQ=WEEKLY;BYDAY=TH;BYSETPOS=2;COUNT=2','FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6;COUNT=2']) {
  const t0=Date.now(); const o = new RRule({...RRule.parseString(r), dtstart: d}).all(); console.log(r, o.length, Date.now()-t0);
}
