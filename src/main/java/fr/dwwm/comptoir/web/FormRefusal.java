package fr.dwwm.comptoir.web;

import org.springframework.validation.BindingResult;

/**
 * Why the back-office could not save a form, as a message for the member of staff:
 * nothing was saved. {@link #getField()} names the form field at fault, or is
 * {@code null} when the whole form is refused, for instance because someone else saved
 * the same thing in the meantime (optimistic locking: {@link #isStale()}).
 *
 * <p>
 * Each feature refuses with its own subclass (a product, a page...), and every controller
 * shows any of them the same way, next to the field or above the form
 * ({@link #rejectIn(BindingResult)}).
 */
public abstract class FormRefusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	private final String messageKey;

	private final boolean stale;

	/**
	 * Creates a refusal.
	 * @param field the form field at fault, or {@code null} for the whole form
	 * @param messageKey the key of the message in the bundles
	 * @param stale whether the form was sent from a version that is no longer current
	 */
	protected FormRefusal(String field, String messageKey, boolean stale) {
		// No stack trace: a refusal is an answer, not a bug.
		super(messageKey, null, false, false);
		this.field = field;
		this.messageKey = messageKey;
		this.stale = stale;
	}

	/**
	 * Returns the form field at fault.
	 * @return a property of the form, or {@code null} when the whole form is refused
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * Returns the key of the message shown to the member of staff.
	 * @return a key of the message bundles
	 */
	public String getMessageKey() {
		return this.messageKey;
	}

	/**
	 * Tells whether the form was refused because what it edits changed since it was
	 * opened (optimistic locking).
	 * @return whether the form is stale
	 */
	public boolean isStale() {
		return this.stale;
	}

	/**
	 * Shows this refusal on the form: next to its field, or above the form.
	 * @param errors the form's binding result
	 */
	public void rejectIn(BindingResult errors) {
		if (this.field != null) {
			errors.rejectValue(this.field, this.messageKey);
		}
		else {
			errors.reject(this.messageKey);
		}
	}

}
