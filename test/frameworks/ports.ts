/** Where the framework apps and their sandboxes listen (this suite's range is 6400–6499). */
export const ports = {
  /** The sandbox the Next.js app is built and served against (started by the test run). */
  nextSandbox: 6401,
  /** `next start`. */
  next: 6402,
  /** `react-router dev`. */
  reactRouter: 6403,
  /** The sandbox the React Router dev server starts through embedkit's Vite plugin. */
  reactRouterSandbox: 6404,
} as const;

export const urlOf = (port: number) => `http://127.0.0.1:${port}`;
