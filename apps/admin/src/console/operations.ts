// The console's screens of issue 14 (organisations, users and roles, API keys). `npm run codegen` generates
// their types into ../generated/graphql.ts; `npm run persisted` lists them in the API's manifest.
import type {
  ConsoleApiKeysQuery,
  ConsoleApiKeysQueryVariables,
  ConsoleCreateApiKeyMutation,
  ConsoleCreateApiKeyMutationVariables,
  ConsoleCreateOrganisationMutation,
  ConsoleCreatePointMutation,
  ConsoleCreatePointMutationVariables,
  ConsoleCreateOrganisationMutationVariables,
  ConsoleCreateUserMutation,
  ConsoleCreateUserMutationVariables,
  ConsoleOrganisationsQuery,
  ConsoleOrganisationsQueryVariables,
  ConsoleRevokeApiKeyMutation,
  ConsoleRevokeApiKeyMutationVariables,
  ConsoleUpdateApiKeyMutation,
  ConsoleUpdateApiKeyMutationVariables,
  ConsoleUpdateOrganisationMutation,
  ConsoleUpdateOrganisationMutationVariables,
  ConsoleUpdateUserMutation,
  ConsoleUpdateUserMutationVariables,
  ConsoleUsersQuery,
  ConsoleUsersQueryVariables,
} from '../generated/graphql';
import type { Operation } from '../operations';

const API_KEY_FIELDS = /* GraphQL */ `
  fragment ConsoleApiKeyFields on ApiKey {
    id
    name
    prefix
    role
    createdAt
    revokedAt
    quotaPerHour
    allowedOrigins
  }
`;

export const CONSOLE_API_KEYS: Operation<ConsoleApiKeysQuery, ConsoleApiKeysQueryVariables> = /* GraphQL */ `
  query ConsoleApiKeys($organisationId: ID!) {
    apiKeys(organisationId: $organisationId) {
      ...ConsoleApiKeyFields
    }
  }
  ${API_KEY_FIELDS}
`;

export const CONSOLE_CREATE_API_KEY: Operation<ConsoleCreateApiKeyMutation, ConsoleCreateApiKeyMutationVariables> = /* GraphQL */ `
  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        ...ConsoleApiKeyFields
      }
    }
  }
  ${API_KEY_FIELDS}
`;

export const CONSOLE_UPDATE_API_KEY: Operation<ConsoleUpdateApiKeyMutation, ConsoleUpdateApiKeyMutationVariables> = /* GraphQL */ `
  mutation ConsoleUpdateApiKey($id: ID!, $input: UpdateApiKeyInput!) {
    updateApiKey(id: $id, input: $input) {
      ...ConsoleApiKeyFields
    }
  }
  ${API_KEY_FIELDS}
`;

export const CONSOLE_REVOKE_API_KEY: Operation<ConsoleRevokeApiKeyMutation, ConsoleRevokeApiKeyMutationVariables> = /* GraphQL */ `
  mutation ConsoleRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ConsoleApiKeyFields
    }
  }
  ${API_KEY_FIELDS}
`;

const USER_FIELDS = /* GraphQL */ `
  fragment ConsoleUserFields on User {
    id
    email
    displayName
    role
    organisationId
  }
`;

export const CONSOLE_USERS: Operation<ConsoleUsersQuery, ConsoleUsersQueryVariables> = /* GraphQL */ `
  query ConsoleUsers($organisationId: ID) {
    users(organisationId: $organisationId) {
      ...ConsoleUserFields
    }
  }
  ${USER_FIELDS}
`;

export const CONSOLE_CREATE_USER: Operation<ConsoleCreateUserMutation, ConsoleCreateUserMutationVariables> = /* GraphQL */ `
  mutation ConsoleCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...ConsoleUserFields
    }
  }
  ${USER_FIELDS}
`;

export const CONSOLE_UPDATE_USER: Operation<ConsoleUpdateUserMutation, ConsoleUpdateUserMutationVariables> = /* GraphQL */ `
  mutation ConsoleUpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...ConsoleUserFields
    }
  }
  ${USER_FIELDS}
`;

const ORGANISATION_FIELDS = /* GraphQL */ `
  fragment ConsoleOrganisationFields on Organisation {
    id
    slug
    name
    kind
    address
    postcode
    town
    siret
    contactEmail
    contactPhone
    territoryPostcodes
  }
`;

export const CONSOLE_ORGANISATIONS: Operation<ConsoleOrganisationsQuery, ConsoleOrganisationsQueryVariables> = /* GraphQL */ `
  query ConsoleOrganisations {
    organisations {
      ...ConsoleOrganisationFields
    }
  }
  ${ORGANISATION_FIELDS}
`;

export const CONSOLE_CREATE_ORGANISATION: Operation<ConsoleCreateOrganisationMutation, ConsoleCreateOrganisationMutationVariables> = /* GraphQL */ `
  mutation ConsoleCreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      ...ConsoleOrganisationFields
    }
  }
  ${ORGANISATION_FIELDS}
`;

export const CONSOLE_UPDATE_ORGANISATION: Operation<ConsoleUpdateOrganisationMutation, ConsoleUpdateOrganisationMutationVariables> = /* GraphQL */ `
  mutation ConsoleUpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, input: $input) {
      ...ConsoleOrganisationFields
    }
  }
  ${ORGANISATION_FIELDS}
`;

export const CONSOLE_CREATE_POINT: Operation<ConsoleCreatePointMutation, ConsoleCreatePointMutationVariables> = /* GraphQL */ `
  mutation ConsoleCreatePoint($input: CreatePointInput!) {
    createPoint(input: $input) {
      id
      name
    }
  }
`;
