import { configOf, fieldsOf, initialValues } from './schema-form';

// The notification-smtp adapter's configuration schema (libs/adapters).
const smtp = {
  type: 'object',
  properties: {
    host: { type: 'string', format: 'hostname', title: 'Serveur SMTP' },
    port: { type: 'integer', minimum: 1, maximum: 65535, title: 'Port', default: 587 },
    secure: { type: 'boolean', title: 'TLS implicite (port 465)', default: false },
    from: { type: 'string', minLength: 3, title: 'Expéditeur' },
    password: { type: 'string', title: 'Mot de passe', secret: true },
    tags: { type: 'array', items: { type: 'string' } },
  },
  required: ['host', 'port', 'from'],
};

describe('forms generated from an adapter’s configSchema', () => {
  it('one field per editable property, typed, with required and secret marks; arrays are left out', () => {
    const fields = fieldsOf(smtp);
    expect(fields.map((f) => [f.name, f.type, f.required, f.secret])).toEqual([
      ['host', 'string', true, false],
      ['port', 'integer', true, false],
      ['secure', 'boolean', false, false],
      ['from', 'string', true, false],
      ['password', 'string', false, true],
    ]);
    expect(fields[1]).toMatchObject({ minimum: 1, maximum: 65535, default: 587 });
  });

  it('starts from the defaults; a secret is never filled in, even from a binding’s config', () => {
    const fields = fieldsOf(smtp);
    expect(initialValues(fields)).toEqual({ host: '', port: '587', secure: false, from: '', password: '' });
    expect(initialValues(fields, { host: 'smtp.lannion.test', port: 25, password: 'leaked?' })).toMatchObject({ host: 'smtp.lannion.test', port: '25', password: '' });
  });

  it('puts secrets apart, parses numbers, leaves empty inputs out and names what does not parse', () => {
    const fields = fieldsOf(smtp);
    expect(configOf(fields, { host: ' smtp.lannion.test ', port: '2525', secure: true, from: '', password: 's3cret' })).toEqual({
      config: { host: 'smtp.lannion.test', port: 2525, secure: true },
      secrets: { password: 's3cret' },
      invalid: [],
    });
    expect(configOf(fields, { host: 'x', port: '25.5', secure: false, from: 'a@b.c', password: '' }).invalid).toEqual(['port']);
  });
});
