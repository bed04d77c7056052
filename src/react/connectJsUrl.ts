/** Where the official loader fetches Connect.js from (its `V1_URL`); a preload must name it exactly. */
export const CONNECT_JS_URL = 'https://connect-js.stripe.com/v1.0/connect.js';
