// The help page's side of the reference back end: every request the widget makes (cancel,
// return, withdrawal: one shape) goes to the store's server as it is, and the server's answer
// back to the widget. What the server says is what counts: it verifies the request against its
// own order. A non-2xx answer rejects the promise with the server's sentence, which the widget
// shows with Try again (for a withdrawal, also the store's contact address).
function post(request) {
  return fetch('/api/requests', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': request.idempotency_key },
    body: JSON.stringify(request),
  }).then(async (response) => {
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      // The store's refusal travels with the error (its code and values), so the widget can
      // say it in the customer's language; the message is for logs and older widgets.
      const error = new Error(body?.message ?? body?.error?.message ?? `HTTP ${response.status}`);
      if (typeof body?.code === 'string') Object.assign(error, { code: body.code, values: body.values ?? {} });
      throw error;
    }
    return body;
  });
}

for (const type of ['order-help-cancel-request', 'order-help-return-request', 'order-help-withdrawal']) {
  document.addEventListener(type, (event) => {
    event.preventDefault();
    const { request, respond } = event.detail;
    respond(post(request));
  });
}
