// A help page's own module in TypeScript, checked by `tsc --noEmit` (strict) against
// static/embed.d.ts in `make test` (stage host-types): the README's two ways of embedding.
import {
  assess,
  mount,
  type Answer,
  type CancelRequest,
  type ReturnAnswer,
  type ReturnRequest,
  type WithdrawalAnswer,
  type WithdrawalRequest,
  type ErrorCode,
  type OrderHelpError,
  type WidgetHandle,
} from '../../static/embed.js';

// 1. The element: its events are typed by name.
const element = document.querySelector('order-help');
element?.addEventListener('order-help-cancel-request', (event) => {
  event.preventDefault();
  const { request, respond } = event.detail;
  respond(
    fetch('/api/cancellations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': request.idempotency_key },
      body: JSON.stringify(request),
    }).then((response) => response.json() as Promise<Answer>),
  );
});
document.addEventListener('order-help-error', (event) => {
  const code: ErrorCode = event.detail.code;
  if (code === 'wasm_unavailable') console.warn(event.detail.message);
});
element?.addEventListener('order-help-step', (event) => console.log(event.detail.step === 'review', event.detail.kind));
// Issue 22: the store's cancellation number at the outcome.
element?.addEventListener('order-help-step', (event) => {
  const number: string | undefined = event.detail.cancellation_id;
  console.log(number);
});
element?.addEventListener('order-help-return-request', (event) => {
  event.preventDefault();
  const lines: number = event.detail.request.lines.length;
  event.detail.respond({ status: 'accepted', return_id: `R-${lines}`, label_url: 'https://example.com/label.pdf' });
});
element?.addEventListener('order-help-withdrawal', (event) => {
  event.preventDefault();
  const { request, respond } = event.detail;
  respond({ received_at: new Date().toISOString(), acknowledgement_to: request.customer.email });
});
element?.addEventListener('order-help-ready', (event) => console.log(event.detail.order_id.length));

// 2. The JS API.
async function send(request: CancelRequest): Promise<Answer> {
  const cancelled = request.verdicts.every((v) => v.cancel === 'allowed');
  return cancelled ? { status: 'cancelled', refund: 4998, cancellation_id: 'c_123' } : { status: 'requested' };
}
let widget: WidgetHandle | undefined;
try {
  widget = mount(document.getElementById('order-help')!, {
    order: '{"id": "112-1"}',
    locale: 'en-US',
    headingLevel: 3,
    onRequestCancel: send,
    onRequestReturn: async (request: ReturnRequest): Promise<ReturnAnswer> =>
      request.kind === 'return' ? { status: 'accepted', return_id: 'R-1' } : { status: 'declined' },
    onWithdraw: (request: WithdrawalRequest): WithdrawalAnswer => ({ received_at: request.declared_at }),
    customer: { name: 'Erika Mustermann', email: 'erika@example.de' },
  });
  widget.update({ order: { id: '112-1' }, now: Date.now() });
  if (widget.mounted) widget.unmount();
  const assessment = assess({ id: '112-1' }, null, '2025-03-20T10:00:00-07:00');
  const verdicts: string[] = assessment.items.map((item) => `${item.item_id}: ${item.cancel.verdict} until ${item.return.deadline ?? 'never'}`);
  console.log(verdicts, assessment.next_change_at);
} catch (error) {
  if ((error as OrderHelpError).code === 'wasm_unavailable') console.warn('show our own fallback');
}

// What the types refuse.
// @ts-expect-error: not an answer status
const wrong: Answer = { status: 'maybe' };
// @ts-expect-error: a return is accepted or declined, not cancelled
const wrongReturn: ReturnAnswer = { status: 'cancelled' };
// @ts-expect-error: not an error code of the widget
const unknown: ErrorCode = 'order_lost';
element?.addEventListener('order-help-ready', (event) => {
  // @ts-expect-error: the ready event's detail has no step
  console.log(event.detail.step);
});
export const seen = [wrong, wrongReturn, unknown];
