// Types for a help page that embeds order-help: `embed.js`'s exports (`mount`, `assess`), the
// `<order-help>` element and its events. Shipped next to embed.js in the bundle; the host
// contract they describe is in the README ("Embedding the widget in a help page").
//
//   import { mount, type CancelRequest, type CancelAnswer } from '/assets/order-help/embed.js';
//
// (TypeScript finds this file beside embed.js; or declare `module '*/embed.js'` to point at it.)

/** An order or a policy: the object (the contracts of `engine/src/order.rs`, `policy.rs`) or its JSON text. */
export type OrderDocument = object | string;

/** What `mount()` takes, and `update()` (there every field is optional and keeps its earlier value when absent). */
export interface MountConfig {
  /** The order (required on mount). */
  order?: OrderDocument | null;
  /** The store's policy; absent: the default policy. */
  policy?: OrderDocument | null;
  /** The customer's locale, e.g. `en-US`, `de-DE`; default: the browser's. */
  locale?: string;
  /** Catalogues by language (`{ de: {...} }`), so no `locales/<lang>.json` is fetched for them. */
  catalogues?: Record<string, Record<string, unknown>>;
  /** Start the widget's clock at this instant: RFC 3339 text or milliseconds since the Unix epoch (demos, tests). */
  now?: string | number;
  /** How long to wait for an answer to a request, in ms (default 15000). */
  timeout?: number;
  /** The level of the widget's headings, 2–6 (default 2). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Pre-fills the withdrawal form (the order's own `customer` wins). */
  customer?: Customer;
  /** Called when the customer presses **Request cancellation**; its promise is your answer. */
  onRequestCancel?: (request: CancelRequest) => Promise<CancelAnswer> | CancelAnswer;
  /** Called when the customer presses **Request return**. */
  onRequestReturn?: (request: ReturnRequest) => Promise<ReturnAnswer> | ReturnAnswer;
  /** Called when the customer presses **Confirm withdrawal**. */
  onWithdraw?: (request: WithdrawalRequest) => Promise<WithdrawalAnswer> | WithdrawalAnswer;
}

/** A mounted widget. */
export interface WidgetHandle {
  /** Changes what the widget shows: the fields given replace the earlier ones. */
  update(config: MountConfig): void;
  /** Removes the widget and stops its timers. */
  unmount(): void;
  /** `false` once unmounted, or replaced by another `mount()` on the same element. */
  readonly mounted: boolean;
}

/** The consumer, as a withdrawal declaration names them. */
export interface Customer {
  name: string;
  email: string;
}

/**
 * Mounts the widget into `element`'s shadow root, replacing a widget already there. Throws an
 * `OrderHelpError` with code `wasm_unavailable` when WebAssembly could not start. Called before
 * embed.js has finished starting (WebKit can resolve an import of it early, bug 242740), it
 * mounts once the wasm has started, and a failure is `order-help-error` on `element`.
 */
export function mount(element: Element, config?: MountConfig): WidgetHandle;

/**
 * The engine alone: the assessment of `order` under `policy` (absent: the default) at `now`
 * (absent: now; milliseconds since the Unix epoch or RFC 3339 text). Throws an `Error` naming
 * the field for bad input, and an `OrderHelpError` with code `wasm_unavailable` without WebAssembly.
 */
export function assess(order: OrderDocument, policy?: OrderDocument | null, now?: string | number | null): Assessment;

/** The `code` of an `order-help-error` event. */
export type ErrorCode =
  | 'order_missing'
  | 'order_invalid'
  | 'order_unreachable'
  | 'policy_invalid'
  | 'policy_unreachable'
  | 'customer_invalid'
  | 'locale_unavailable'
  | 'request_timeout'
  | 'request_rejected'
  | 'answer_malformed'
  | 'no_request_handler'
  | 'wasm_unavailable';

/** What `mount()` and `assess()` throw when WebAssembly could not start. */
export interface OrderHelpError extends Error {
  code: 'wasm_unavailable';
}

/** The three kinds of request, each to its own handler and event. */
export type RequestKind = 'cancel' | 'return' | 'withdrawal';

/** What every request has (plain JSON; the engine's `Request`, which `order-help verify` reads). */
export interface RequestBase<K extends RequestKind> {
  kind: K;
  order_id: string;
  /** The items, each once. */
  items: { item_id: string; quantity: number }[];
  /** When the verdicts were assessed (RFC 3339, UTC). */
  assessed_at: string;
  /** The same for every retry of the same request: ignore duplicates with it. */
  idempotency_key: string;
}

/** A cancellation request. */
export interface CancelRequest extends RequestBase<'cancel'> {
  /** The policy's reason id the customer chose, if any. */
  reason: string | null;
  /** The customer's own words, if any. */
  comment: string | null;
  /** The engine's cancel verdict for each requested item when the customer asked. */
  verdicts: { item_id: string; cancel: CancelVerdict; code: CancelCode }[];
}

/** A return request: with `reason` as `reason_id`, `lines` is the engine's return proposal. */
export interface ReturnRequest extends RequestBase<'return'> {
  reason: string | null;
  comment: string | null;
  verdicts: { item_id: string; return: ReturnVerdict; code: string }[];
  /** One per entry of `items`; `opened` when the customer was asked. */
  lines: { item_id: string; quantity: number; opened?: boolean | null }[];
}

/** A withdrawal declaration (Directive 2011/83/EU art. 11a). */
export interface WithdrawalRequest extends RequestBase<'withdrawal'> {
  verdicts: { item_id: string; withdrawal: WithdrawalVerdict; code: string }[];
  /** The widget's clock at the confirming click (RFC 3339): the instant that counts. */
  declared_at: string;
  customer: Customer;
}

/** Your answer to a cancellation request. Other fields are ignored. */
export interface CancelAnswer {
  /** `cancelled`: done; `requested`: taken, someone still has to act; `declined`: not cancelled. */
  status: 'cancelled' | 'requested' | 'declined';
  /** Your own sentence for the customer (shown as text); it wins over `code`. */
  message?: string;
  /** A declined request: `verify`'s code of the refusal; the widget writes its sentence in the customer's language. */
  code?: string;
  /** The values of that refusal (`verify`'s `values` of the rejected item). */
  values?: Record<string, unknown>;
  /** The refund you confirm, in ISO 4217 minor units (`4998` = $49.98). */
  refund?: number;
  /** Your number for the cancellation: shown to the customer, and in the outcome's `order-help-step` event. */
  cancellation_id?: string;
  [other: string]: unknown;
}
/** Earlier name of `CancelAnswer`. */
export type Answer = CancelAnswer;

/** Your answer to a return request. Other fields are ignored. */
export interface ReturnAnswer {
  status: 'accepted' | 'declined';
  /** Your own sentence for the customer (shown as text); it wins over `code`. */
  message?: string;
  /** A declined return: `verify`'s code of the refusal; the widget writes its sentence in the customer's language. */
  code?: string;
  /** The values of that refusal (`verify`'s `values` of the rejected item). */
  values?: Record<string, unknown>;
  return_id?: string;
  /** Shown as a link only when it is `https:`. */
  label_url?: string;
  instructions?: string;
  [other: string]: unknown;
}

/** Your acknowledgement of a withdrawal (also send it on a durable medium, e.g. by e-mail). */
export interface WithdrawalAnswer {
  /** When your server received the declaration (RFC 3339). */
  received_at: string;
  /** Where the acknowledgement went. */
  acknowledgement_to?: string;
  [other: string]: unknown;
}

/** `respond()` of a request event: your answer, or its promise. */
export type Respond<A> = (answer: A | Promise<A>) => void;

/** The `detail` of each event the element dispatches (they bubble and cross shadow roots). */
export interface OrderHelpEventDetails {
  'order-help-ready': { order_id: string };
  'order-help-step': {
    step: 'overview' | 'select' | 'reason' | 'review' | 'outcome' | 'form';
    kind: RequestKind;
    /** At a cancellation's outcome: your answer's `cancellation_id`, when it gave one. */
    cancellation_id?: string;
  };
  'order-help-error': { code: ErrorCode; message: string };
  /** Cancelable: call `preventDefault()`, then `respond()` with your answer (or its promise). */
  'order-help-cancel-request': { request: CancelRequest; respond: Respond<CancelAnswer> };
  'order-help-return-request': { request: ReturnRequest; respond: Respond<ReturnAnswer> };
  'order-help-withdrawal': { request: WithdrawalRequest; respond: Respond<WithdrawalAnswer> };
}

/** `<order-help order-src="…" policy-src="…" locale="…" now="…" timeout="…" load-timeout="…" heading-level="…">`. */
export interface OrderHelpElement extends HTMLElement {
  addEventListener<K extends keyof OrderHelpEventDetails>(
    type: K,
    listener: (this: OrderHelpElement, event: CustomEvent<OrderHelpEventDetails[K]>) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'order-help': OrderHelpElement;
  }
  interface DocumentEventMap {
    'order-help-ready': CustomEvent<OrderHelpEventDetails['order-help-ready']>;
    'order-help-step': CustomEvent<OrderHelpEventDetails['order-help-step']>;
    'order-help-error': CustomEvent<OrderHelpEventDetails['order-help-error']>;
    'order-help-cancel-request': CustomEvent<OrderHelpEventDetails['order-help-cancel-request']>;
    'order-help-return-request': CustomEvent<OrderHelpEventDetails['order-help-return-request']>;
    'order-help-withdrawal': CustomEvent<OrderHelpEventDetails['order-help-withdrawal']>;
  }
}

// The assessment `assess()` returns: the engine's output, as `order-help assess` prints it. The
// Node package declares the same shapes generated from the engine's Rust types; `make test`
// checks that these agree with them (tests/types/engine-agrees.ts).

export type CancelVerdict = 'not_available' | 'request' | 'allowed';
export type CancelCode =
  | 'not_in_shipping_process' | 'within_grace_period' | 'being_prepared' | 'staged_for_shipping'
  | 'with_retailer_fleet' | 'seller_must_approve' | 'with_carrier' | 'shipped_by_seller'
  | 'out_for_delivery' | 'delivered' | 'already_cancelled' | 'refused' | 'returned_to_sender'
  | 'at_pickup_point' | 'delivery_attempted' | 'delivery_problem' | 'status_unknown'
  | 'returning_to_sender' | 'bundle_requires_request' | 'bundle_not_cancellable'
  /** The order records a cancellation the store has not decided yet (`cancellation_requested_at`). */
  | 'cancellation_requested';
export type RefuseVerdict = 'not_available' | 'after_delivery_unopened' | 'at_pickup_point' | 'at_door';
/** Where a parcel is; README, "The order contract", says what each means for each option. */
export type ShipmentStatus =
  | 'pending' | 'preparing' | 'staged' | 'in_transit' | 'out_for_delivery' | 'attempted_delivery'
  | 'available_for_pickup' | 'delivered' | 'exception' | 'unknown' | 'returning_to_sender'
  | 'refused' | 'returned_to_sender' | 'cancelled';
export type ReturnVerdict = 'not_returnable' | 'expired' | 'not_yet' | 'allowed';
export type NextStep = 'cancel' | 'refuse' | 'return' | 'contact_seller' | 'contact_store' | 'none';
/** The EU right of withdrawal for the whole order (Directive 2011/83/EU art. 9, 11a). */
export type WithdrawalVerdict = 'not_applicable' | 'expired' | 'allowed';
export type WithdrawalCode =
  | 'not_offered'
  | 'no_item_covered'
  | 'period_not_started'
  | 'delivery_time_unknown'
  | 'within_period'
  | 'period_over'
  /** Every covered item is withdrawn from already (`withdrawal_received_at`): nothing is left. */
  | 'all_withdrawn'
  /** The order's `customer.country` is not among the policy's `withdrawal.countries`. */
  | 'not_offered_in_country';
export interface WithdrawalDecision {
  verdict: WithdrawalVerdict;
  code: WithdrawalCode;
  message: string;
  /** The period's last second, RFC 3339 in the store's zone; null before it starts. */
  deadline: string | null;
  /** The ids of the items the right covers. */
  items: string[];
  days: number;
  /** YYYY-MM-DD, store time. */
  starts_on: string | null;
  /** YYYY-MM-DD, store time: the plain count's last day, when it was not a working day. */
  moved_from: string | null;
}

export interface Assessment {
  order_id: string;
  /** The instant assessed, RFC 3339 in the store's zone. */
  at: string;
  time_zone: string;
  currency: string;
  order_cancel: CancelVerdict;
  next_change_at: string | null;
  items: ItemAssessment[];
  withdrawal: WithdrawalDecision;
}

export interface ItemAssessment {
  item_id: string;
  title: string;
  quantity: number;
  shipment_id: string | null;
  shipment_status: ShipmentStatus | null;
  /** The shipment's carrier, as the order names it. */
  carrier: string | null;
  cancel: { verdict: CancelVerdict; code: CancelCode; message: string; bundle: string | null; bundle_items: string[]; grace_ends_at: string | null };
  refuse: { verdict: RefuseVerdict; code: string; message: string; stops_away: number | null; live_map: boolean };
  return: { verdict: ReturnVerdict; code: string; message: string; deadline: string | null; quantity: number; holiday_extended: boolean };
  refund: { amount: number; currency: string; timing: { min: number; max: number; unit: 'hours' | 'business_days' }; deductions: { code: 'opened_item_fee' | 'delivery_cost'; amount: number }[] };
  next_step: NextStep;
}
