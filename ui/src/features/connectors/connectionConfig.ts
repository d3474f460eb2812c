import type { Schemas } from '../../api/client';

export type Connection = Schemas['Connection'];
export type ConnectorType = Schemas['ConnectorType'];
export type ConfigField = Schemas['Field'];

/**
 * The control each kind of field (ConnectionField.Kind of the workers' catalog) is entered with:
 * an input of that type, a checkbox or a select. A kind the app does not know is entered as text.
 */
export const CONTROL_OF_KIND = {
  TEXT: 'text',
  SECRET: 'password',
  URL: 'url',
  SELECT: 'select',
  NUMBER: 'number',
  BOOLEAN: 'checkbox',
} as const;

export type Control = (typeof CONTROL_OF_KIND)[keyof typeof CONTROL_OF_KIND];

export function controlOf(field: ConfigField): Control {
  return CONTROL_OF_KIND[field.kind as keyof typeof CONTROL_OF_KIND] ?? 'text';
}

/** What the form holds for each field: a checkbox's state, else the text typed or chosen. */
export type ConfigValues = Record<string, string | boolean>;

/** The api's name for a config field in problem+json (`config.siteUrl`), which the form's messages use too. */
export function errorKey(field: ConfigField): string {
  return `config.${field.name}`;
}

/** The form's values for a new connection, or for an existing one: its config, and secrets left empty. */
export function initialValues(fields: ConfigField[], connection?: Connection): ConfigValues {
  const values: ConfigValues = {};
  for (const field of fields) {
    const stored = controlOf(field) === 'password' ? undefined : connection?.config[field.name];
    values[field.name] = controlOf(field) === 'checkbox' ? stored === true : stored == null ? '' : String(stored);
  }
  return values;
}

/** The values after a save: the secrets typed are stored now, so their inputs are empty again. */
export function withoutSecrets(fields: ConfigField[], values: ConfigValues): ConfigValues {
  const next = { ...values };
  for (const field of fields) if (controlOf(field) === 'password') next[field.name] = '';
  return next;
}

/**
 * The `config` to send, and the messages (by `errorKey`) about what is missing or not a number.
 * Empty fields are left out, so a secret already stored (`secretsSet`) keeps its value and only a
 * newly typed one is sent; the api checks the rest (URL, pattern, options).
 */
export function toConfig(
  fields: ConfigField[],
  values: ConfigValues,
  secretsSet: Record<string, boolean> = {},
): { config: Record<string, unknown>; errors: Record<string, string> } {
  const config: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const control = controlOf(field);
    const value = values[field.name];
    if (control === 'checkbox') {
      config[field.name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (!text) {
      if (field.required && !(control === 'password' && secretsSet[field.name])) {
        errors[errorKey(field)] = `${field.label} is required.`;
      }
    } else if (control === 'number') {
      const number = Number(text);
      if (Number.isFinite(number)) config[field.name] = number;
      else errors[errorKey(field)] = `${field.label} must be a number.`;
    } else {
      // A secret is sent as typed; the other values without surrounding spaces.
      config[field.name] = control === 'password' ? value : text;
    }
  }
  return { config, errors };
}
