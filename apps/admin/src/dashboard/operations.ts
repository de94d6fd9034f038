// The evaluation dashboard's and the survey page's GraphQL operations (issue 12); `npm run codegen` types them.
import type {
  EvaluationMetricsQuery,
  EvaluationMetricsQueryVariables,
  SubmitSurveyMutation,
  SubmitSurveyMutationVariables,
  SurveyLinkForMeetingQuery,
  SurveyLinkForMeetingQueryVariables,
  SurveyQuery,
  SurveyQueryVariables,
  TerritoryCoverageQuery,
  TerritoryCoverageQueryVariables,
} from '../generated/graphql';
import type { Operation } from '../operations';

// The same figures are selected on each list (the plucker of codegen reads the documents literally).
export const EVALUATION_METRICS: Operation<EvaluationMetricsQuery, EvaluationMetricsQueryVariables> = /* GraphQL */ `
  query EvaluationMetrics($filter: EvaluationFilter!) {
    evaluationMetrics(filter: $filter) {
      from
      to
      organisationId
      totals { records completed noShows failed cancelledLate uses bookedHours kmAvoided co2eGrossKg co2eNetKg timeSavedHours moneySavedEuros satisfaction surveyAnswers participantsInRoom browserGuests sipSystems }
      byMonth { month categories records completed noShows failed cancelledLate uses bookedHours kmAvoided co2eGrossKg co2eNetKg timeSavedHours moneySavedEuros satisfaction surveyAnswers participantsInRoom browserGuests sipSystems }
      byPoint { pointId pointName town latitude longitude occupancyRate records completed noShows failed cancelledLate uses bookedHours kmAvoided co2eGrossKg co2eNetKg timeSavedHours moneySavedEuros satisfaction surveyAnswers participantsInRoom browserGuests sipSystems }
      byCategory { key records completed noShows failed cancelledLate uses bookedHours kmAvoided co2eGrossKg co2eNetKg timeSavedHours moneySavedEuros satisfaction surveyAnswers participantsInRoom browserGuests sipSystems }
      byPurpose { key records completed noShows failed cancelledLate uses bookedHours kmAvoided co2eGrossKg co2eNetKg timeSavedHours moneySavedEuros satisfaction surveyAnswers participantsInRoom browserGuests sipSystems }
      byDestination { key records completed noShows failed cancelledLate uses bookedHours kmAvoided co2eGrossKg co2eNetKg timeSavedHours moneySavedEuros satisfaction surveyAnswers participantsInRoom browserGuests sipSystems }
      internalVsExternal { key records completed noShows failed cancelledLate uses bookedHours kmAvoided co2eGrossKg co2eNetKg timeSavedHours moneySavedEuros satisfaction surveyAnswers participantsInRoom browserGuests sipSystems }
      failuresByCause { key count }
      unmetDemand { searchesWithoutSlot rejected conflicts }
      occupancyRate
      operatingCostEuros
      costPerUseEuros
      factorTableVersion
    }
  }
`;

export const TERRITORY_COVERAGE: Operation<TerritoryCoverageQuery, TerritoryCoverageQueryVariables> = /* GraphQL */ `
  query TerritoryCoverage($radiusKm: Float!) {
    territoryCoverage(radiusKm: $radiusKm, uncoveredLimit: 15, openings: 5) {
      radiusKm
      communes
      population
      coveredPopulation
      share
      activePoints
      approximateCentres
      uncoveredCount
      uncovered { code name population nearestKm latitude longitude }
      bestOpenings { code name addedPopulation shareAfter }
    }
  }
`;

export const SURVEY: Operation<SurveyQuery, SurveyQueryVariables> = /* GraphQL */ `
  query Survey($token: String!) {
    survey(token: $token) { reference title start pointName respondent answered }
  }
`;

export const SUBMIT_SURVEY: Operation<SubmitSurveyMutation, SubmitSurveyMutationVariables> = /* GraphQL */ `
  mutation SubmitSurvey($token: String!, $input: SurveyAnswerInput!) {
    submitSurvey(token: $token, input: $input) { answered }
  }
`;

export const SURVEY_LINK_FOR_MEETING: Operation<SurveyLinkForMeetingQuery, SurveyLinkForMeetingQueryVariables> = /* GraphQL */ `
  query SurveyLinkForMeeting($joinToken: String!) {
    surveyLinkForMeeting(joinToken: $joinToken) { path }
  }
`;
