/**
 * Throw this from `authorize` when the user is signed in but may not have what they asked for
 * (e.g. the proposed connected account is not theirs). The handler answers 403 with a fixed
 * message; this error's own message stays on the server and is never sent to the browser.
 */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';

  constructor(message = 'The signed-in user may not create this session.') {
    super(message);
  }
}
