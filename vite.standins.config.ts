import { defineConfig, type EnvironmentOptions } from 'vite';

/**
 * The browser stand-ins, each bundled into one self-contained classic script
 * (dist/sandbox/browser/<name>.js) that the sandbox serves in place of Stripe's CDN scripts.
 * One Vite environment per stand-in, because an IIFE build takes exactly one entry.
 */
export const standins = {
  connect: 'src/sandbox/browser/connect.ts',
  stripe: 'src/sandbox/browser/stripe.ts',
  pricingTable: 'src/sandbox/browser/pricingTable.ts',
  buyButton: 'src/sandbox/browser/buyButton.ts',
} as const;

const standinEnvironment = (name: string, entry: string): EnvironmentOptions => ({
  consumer: 'client',
  build: {
    outDir: 'dist/sandbox/browser',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      input: { [name]: entry },
      output: { format: 'iife', entryFileNames: '[name].js' },
    },
  },
});

export default defineConfig({
  publicDir: false,
  environments: Object.fromEntries(Object.entries(standins).map(([name, entry]) => [name, standinEnvironment(name, entry)])),
  builder: {
    async buildApp(builder) {
      for (const environment of Object.values(builder.environments)) {
        if (environment.name in standins) await builder.build(environment);
      }
    },
  },
});
