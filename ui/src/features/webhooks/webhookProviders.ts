import type { Schemas } from '../../api/client';

export type WebhookListener = Schemas['WebhookListener'];
export type WebhookProvider = WebhookListener['provider'];

/** Each provider as the form offers it, with where its signing secret comes from. */
export const PROVIDERS: { value: WebhookProvider; label: string; secretHint: string }[] = [
  {
    value: 'STRIPE',
    label: 'Stripe',
    secretHint: 'Stripe Dashboard → Developers → Webhooks → your endpoint → Signing secret (whsec_…).',
  },
  {
    value: 'SHOPIFY',
    label: 'Shopify',
    secretHint: 'Shopify admin → Settings → Notifications → Webhooks: the key shown under the webhooks list.',
  },
  {
    value: 'WOOCOMMERCE',
    label: 'WooCommerce',
    secretHint: 'WooCommerce → Settings → Advanced → Webhooks → your webhook → Secret.',
  },
  {
    value: 'GITHUB',
    label: 'GitHub',
    secretHint: 'Repository or organization → Settings → Webhooks → your webhook → Secret.',
  },
  {
    value: 'HMAC_SHA256',
    label: 'Any sender signing with HMAC-SHA256',
    secretHint: 'The shared secret the sender signs the body with.',
  },
  { value: 'BEARER', label: 'Any sender with a bearer token', secretHint: 'The token the sender puts in Authorization.' },
];

export function providerLabel(provider: WebhookProvider): string {
  return PROVIDERS.find((candidate) => candidate.value === provider)?.label ?? provider;
}

/** Event types as the form's text box holds them: one per line or separated by commas. */
export function parseEventTypes(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((type) => type.trim())
    .filter((type) => type.length > 0);
}
