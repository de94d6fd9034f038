import { useEffect, useState } from 'react';
import { request } from '../api';
import { useDashboardI18n } from '../dashboard/messages';
import { SURVEY_LINK_FOR_MEETING } from '../dashboard/operations';
import { Link } from '../router';

/** At the end of a meeting, the participant's own survey link (from their join token). Nothing when the API refuses. */
export function SurveyLinkForMeeting({ joinToken }: { joinToken: string }) {
  const { t } = useDashboardI18n();
  const [path, setPath] = useState<string | null>(null);
  useEffect(() => {
    request(SURVEY_LINK_FOR_MEETING, { joinToken })
      .then((d) => setPath(d.surveyLinkForMeeting.path))
      .catch(() => setPath(null));
  }, [joinToken]);
  return path ? (
    <p>
      <Link href={path}>{t('survey.give')}</Link>
    </p>
  ) : null;
}
