/**
 * Code signing and notarization from electron-builder's standard environment variables. Nothing is
 * configured in files: with the variables present the build signs (and fails if it cannot); without
 * them it skips signing cleanly and says so, and the README explains the SmartScreen / Gatekeeper
 * prompts of an unsigned build.
 *   macOS:   CSC_LINK + CSC_KEY_PASSWORD (a .p12), or CSC_NAME (a keychain identity);
 *            notarization: APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or
 *            APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_KEYCHAIN_PROFILE.
 *   Windows: WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD, else CSC_LINK + CSC_KEY_PASSWORD.
 */
export interface Signing {
  mac: { identity?: null; notarize: boolean; forceCodeSigning: boolean; hardenedRuntime: boolean };
  win: { forceCodeSigning: boolean };
  /** One line for the build log: what will be signed, and what is skipped. */
  summary: string;
}

const present = (env: NodeJS.ProcessEnv, ...names: string[]): boolean => names.every((n) => (env[n] ?? '').trim() !== '');

export function signingFrom(env: NodeJS.ProcessEnv): Signing {
  const macCert = present(env, 'CSC_LINK') || present(env, 'CSC_NAME');
  const notarize =
    macCert &&
    (present(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
      present(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
      present(env, 'APPLE_KEYCHAIN_PROFILE'));
  const winCert = present(env, 'WIN_CSC_LINK') || present(env, 'CSC_LINK');
  return {
    // identity null: do not even look in the keychain; no identity given: electron-builder uses the certificate.
    mac: { ...(macCert ? {} : { identity: null }), notarize, forceCodeSigning: macCert, hardenedRuntime: true },
    win: { forceCodeSigning: winCert },
    summary: [
      macCert ? `macOS: signed${notarize ? ' and notarized' : ', NOT notarized (no APPLE_* credentials)'}` : 'macOS: unsigned (no CSC_LINK/CSC_NAME)',
      winCert ? 'Windows: signed' : 'Windows: unsigned (no WIN_CSC_LINK/CSC_LINK)',
    ].join('; '),
  };
}
