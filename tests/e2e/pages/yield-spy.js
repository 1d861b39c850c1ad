// Counts how embed.js yields to the browser while it starts: `scheduler.yield()` where the engine
// has it, else its fallback, a message through a MessageChannel (window.yields). Loaded before
// embed.js, so the bundle sees the counting versions.
const yields = { scheduler: 0, channel: 0 };
window.yields = yields;
if (typeof globalThis.scheduler?.yield === 'function') {
  const original = globalThis.scheduler.yield.bind(globalThis.scheduler);
  globalThis.scheduler.yield = () => {
    yields.scheduler += 1;
    return original();
  };
}
const Channel = window.MessageChannel;
window.MessageChannel = class extends Channel {
  constructor() {
    super();
    yields.channel += 1;
  }
};
