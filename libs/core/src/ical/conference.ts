/**
 * RFC 7986 CONFERENCE: how to join an event's meeting from a calendar (here the meeting's SIP
 * address, for room systems). ical-generator writes no CONFERENCE property (its custom properties
 * must start with X-), so it is added to the VEVENT of a generated document, folded at 75 octets.
 */

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + one space), never inside a UTF-8 character. */
export function foldIcalLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets, the following ones 74 after their leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `ics` with `CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=<label>:<uri>` in its (first) VEVENT. */
export function withConference(ics: string, uri: string, label: string): string {
  const safeLabel = label.replace(/["\r\n;:,]/g, ' ').trim();
  const line = foldIcalLine(`CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL="${safeLabel}":${uri.replace(/[\r\n]/g, '')}`);
  const end = ics.indexOf('END:VEVENT');
  return end < 0 ? ics : `${ics.slice(0, end)}${line}\r\n${ics.slice(end)}`;
}

/** The French line of invitations and join pages giving the meeting's SIP address. */
export const sipAddressLine = (sipUri: string) => `Depuis un système de visioconférence : ${sipUri}`;
