/**
 * What single sign-on needs to be configured with (read from the environment by the configuration,
 * used by oidc.ts), kept apart from the sign-in code so that reading the configuration does not load it.
 */

export interface OidcSettings {
  /** The identity provider's issuer; its discovery document is read from `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends people back: this service's `/api/v1/sign-in/oidc/callback`, exactly as registered there. */
  redirectUri: string;
}

export const OIDC_CALLBACK_PATH = '/api/v1/sign-in/oidc/callback';
