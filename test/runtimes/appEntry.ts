// The bundle's entry: exposes createApp to the runtime glue that follows it (see bundle.ts).
import { createApp } from './app.js';

(globalThis as { createEmbedkitApp?: typeof createApp }).createEmbedkitApp = createApp;
