import type { CodegenConfig } from '@graphql-codegen/cli';

// `npm run codegen`: types from the committed API schema.
//  - generated/graphql.ts: the app's operations (typescript-operations, which since v6 emits the enums and
//    inputs the operations use itself: combining it with `typescript` in one file would declare them twice);
//  - generated/schema-types.ts: every schema type (typescript), for the admin editors to come.
const scalars = { DateTime: 'string', JSON: 'unknown' };
const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  // The public pages' operations, the admin console's (src/admin/operations.ts), the booking flow's and the
  // operators' calendar's (src/booking/, src/calendar/), the dashboard's (src/dashboard/), the room systems' (src/admin/endpoints/),
  // the organiser's pages and the console's (src/manage/, src/console/).
  documents: ['apps/admin/src/fragments.ts', 'apps/admin/src/operations.ts', 'apps/admin/src/admin/operations.ts', 'apps/admin/src/booking/operations.ts', 'apps/admin/src/calendar/operations.ts', 'apps/admin/src/dashboard/operations.ts', 'apps/admin/src/admin/endpoints/operations.ts', 'apps/admin/src/manage/operations.ts', 'apps/admin/src/console/operations.ts'],
  generates: {
    'apps/admin/src/generated/graphql.ts': {
      plugins: ['typescript-operations'],
      config: { enumType: 'string-literal', scalars, useTypeImports: true },
    },
    'apps/admin/src/generated/schema-types.ts': {
      plugins: ['typescript'],
      config: { enumsAsTypes: true, scalars, useTypeImports: true },
    },
  },
};
export default config;
