use std::rc::Rc;

use yew::prelude::*;

use super::bidi::{bdi, rich};
use super::choices::item_choice;
use super::step_region::StepRegion;
use crate::clock::Clock;
use crate::i18n::{isolate, Msg};
use crate::state::withdrawal::{FieldProblem, WithdrawalAction, WithdrawalFlow};
use crate::view_model::{failure_text, Texts, WithdrawalView};

#[derive(Properties, PartialEq)]
pub struct WithdrawalFormProps {
    /// The language, the formatters and the heading level (compared by pointer first).
    pub texts: Rc<Texts>,
    pub flow: UseReducerHandle<WithdrawalFlow>,
    pub view: Rc<WithdrawalView>,
    pub order_id: AttrValue,
    /// Read at the confirming click: its instant is the declaration's `declared_at`.
    pub clock: Clock,
}

/// The withdrawal form: only what identifies the contract and the consumer (the order number,
/// shown; the items, all covered ones to start with; name and e-mail), then **Confirm
/// withdrawal** (German „Widerruf bestätigen“). Problems are said next to their field once
/// Confirm was pressed, and focus moves to the first; a failed send keeps everything and
/// offers Try again and, if the store gives one, an e-mail address to withdraw by.
#[function_component]
pub fn WithdrawalForm(props: &WithdrawalFormProps) -> Html {
    let texts = &props.texts;
    let flow = &props.flow;
    let (items_ref, name_ref, email_ref) = (use_node_ref(), use_node_ref(), use_node_ref());
    let name_problem = flow.checked.then(|| flow.name_problem()).flatten();
    let email_problem = flow.checked.then(|| flow.email_problem()).flatten();
    let no_items = flow.checked && flow.no_items();
    {
        // Confirm found a problem: focus the first field that has one.
        let first = if no_items {
            Some(items_ref.clone())
        } else if name_problem.is_some() {
            Some(name_ref.clone())
        } else if email_problem.is_some() {
            Some(email_ref.clone())
        } else {
            None
        };
        use_effect_with(flow.invalid_tries, move |&tries| {
            if let Some(node) = first.filter(|_| tries > 0) {
                if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    let dispatch = flow.dispatcher();
    let on_name = dispatch
        .to_callback()
        .reform(|event: InputEvent| WithdrawalAction::EditName(input_value(&event)));
    let on_email = dispatch
        .to_callback()
        .reform(|event: InputEvent| WithdrawalAction::EditEmail(input_value(&event)));
    let on_back = dispatch
        .to_callback()
        .reform(|_: MouseEvent| WithdrawalAction::Back);
    let on_submit = {
        let (dispatch, clock) = (dispatch.clone(), props.clock.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            dispatch.dispatch(WithdrawalAction::Confirm(clock.now()));
        })
    };
    let email_error = email_problem.map(|problem| match problem {
        FieldProblem::Missing => texts.text(Msg::WithdrawEmailMissing),
        FieldProblem::NotAnEmail => texts.text(Msg::WithdrawEmailInvalid),
    });
    let failure = flow
        .shared
        .send
        .failure
        .as_ref()
        .map(|failure| failure_text(texts, failure, Msg::WithdrawErrorNoHost));
    let label = flow
        .shared
        .send
        .label(Msg::WithdrawSending, Msg::WithdrawConfirm);
    let busy = flow.shared.send.sending.then_some("true");
    // The period ended while the form was open and nothing was declared yet, or the clock at
    // the click was past it: say so, and offer no Confirm that could only do nothing (a
    // declaration already confirmed in time is still sent again, with its first instant).
    let period_over = ((!flow.allowed() && flow.declared_at.is_none()) || flow.too_late)
        .then(|| props.view.until.as_deref())
        .flatten()
        .map(|until| format!("{}.", texts.fill(Msg::WithdrawClosed, &[("date", until)])));
    // A declaration confirmed in time that the store's server can no longer count as such:
    // when it was confirmed, for the customer's own records and an e-mail to the store.
    let confirmed_at = flow.declared_at.filter(|_| flow.too_late).map(|at| {
        texts.fill(
            Msg::WithdrawConfirmedAt,
            &[("date", &texts.fmt.date_time(at))],
        )
    });
    // Once a declaration was confirmed, the store's address stays on screen (unless it is being
    // sent right now): whatever becomes of the send, the customer can still withdraw by e-mail.
    let contact = props
        .view
        .contact_email
        .as_deref()
        .filter(|_| flow.declared_at.is_some() && !flow.shared.send.sending)
        .map(|email| texts.fill(Msg::WithdrawContact, &[("email", &isolate(email))]));
    html! {
        <StepRegion level={texts.heading_level} heading={texts.text(Msg::WithdrawFormHeading).to_owned()} step_changes={flow.shared.step_changes}>
            <form class="withdrawal-form" novalidate=true onsubmit={on_submit}>
                <p class="hint">{ texts.text(Msg::WithdrawFormIntro) }</p>
                <dl>
                    <dt>{ texts.text(Msg::WithdrawOrderNumber) }</dt>
                    <dd>{ bdi(&props.order_id, Some("order-number")) }</dd>
                </dl>
                <fieldset ref={items_ref} tabindex="-1" aria-describedby={no_items.then_some("withdraw-items-error")}>
                    <legend>{ texts.text(Msg::WithdrawItemsLegend) }</legend>
                    { for props.view.items.iter().enumerate().map(|(index, item)| {
                        let id = item.id.clone();
                        let onchange = dispatch.to_callback().reform(move |_: Event| WithdrawalAction::Toggle(id.clone()));
                        let input_id = format!("withdraw-item-{index}");
                        let checked = flow.selected.contains(&item.id);
                        item_choice(texts, item, input_id, checked, false, onchange, None, Html::default())
                    }) }
                </fieldset>
                if no_items {
                    <p class="field-error" part="error" id="withdraw-items-error">{ texts.text(Msg::WithdrawNoItems) }</p>
                }
                <div class="field">
                    <label for="withdraw-name">{ texts.text(Msg::WithdrawName) }</label>
                    <input ref={name_ref} id="withdraw-name" type="text" autocomplete="name" required=true
                        value={flow.name.clone()} oninput={on_name}
                        aria-invalid={name_problem.map(|_| "true")}
                        aria-describedby={name_problem.map(|_| "withdraw-name-error")} />
                    if name_problem.is_some() {
                        <p class="field-error" part="error" id="withdraw-name-error">{ texts.text(Msg::WithdrawNameMissing) }</p>
                    }
                </div>
                <div class="field">
                    <label for="withdraw-email">{ texts.text(Msg::WithdrawEmail) }</label>
                    <input ref={email_ref} id="withdraw-email" type="email" autocomplete="email" required=true
                        spellcheck="false" value={flow.email.clone()} oninput={on_email}
                        aria-invalid={email_error.map(|_| "true")}
                        aria-describedby={email_error.map(|_| "withdraw-email-error")} />
                    if let Some(error) = email_error {
                        <p class="field-error" part="error" id="withdraw-email-error">{ error }</p>
                    }
                </div>
                if failure.is_some() || period_over.is_some() {
                    <div class="error" part="error" role="alert">
                        if let Some(failure) = &failure {
                            <p>{ rich(failure) }</p>
                        }
                        if let Some(over) = &period_over {
                            <p>{ over.clone() }</p>
                        }
                        if let Some(confirmed_at) = &confirmed_at {
                            <p>{ confirmed_at.clone() }</p>
                        }
                        if let Some(contact) = &contact {
                            <p>{ rich(contact) }</p>
                        }
                    </div>
                } else if let Some(contact) = &contact {
                    <p class="hint">{ rich(contact) }</p>
                }
                <div class="actions">
                    <button type="button" part="button" aria-disabled={busy} onclick={on_back}>{ texts.text(Msg::Back) }</button>
                    if period_over.is_none() {
                        <button type="submit" class="primary" part="button confirm" aria-disabled={busy}>{ texts.text(label) }</button>
                    }
                </div>
            </form>
        </StepRegion>
    }
}

/// The text of the `<input>` an input event came from.
fn input_value(event: &InputEvent) -> String {
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}
