// What a page's own module does after importing from embed.js: its own work, which must run
// even when WebAssembly cannot start. Records what mount() and assess() did in window.hostModule.
const outcome = (fn) => {
  try {
    fn();
    return { threw: false };
  } catch (error) {
    return { threw: true, isError: error instanceof Error, code: error.code ?? null, message: error.message };
  }
};

export function run({ mount, assess }) {
  const element = document.createElement('div');
  document.querySelector('main').append(element);
  window.hostModule = {
    ran: true,
    mount: outcome(() => mount(element, { order: '{}' })),
    assess: outcome(() => assess('{}')),
  };
  document.getElementById('host-status').textContent = "The page's own module ran.";
}
