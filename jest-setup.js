// Jest setup provided by Grafana scaffolding; it touches DOM globals, so only load it under jsdom.
// Pure tests (src/stats, simulator, cli) declare `@jest-environment node` and skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
