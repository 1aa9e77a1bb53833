package fr.dwwm.comptoir.catalog;

/**
 * Why the back-office could not save a change to a product or accept one of its pictures,
 * as a message for the member of staff: nothing was saved. {@link #getField()} names the
 * form field at fault, or is {@code null} when the whole form is refused because someone
 * else saved the product in the meantime.
 */
public class ProductRefusal extends RuntimeException {

	/**
	 * The message of a form sent from a version of the product that is no longer current.
	 */
	public static final String STALE = "admin.products.stale";

	private static final long serialVersionUID = 1L;

	private final String field;

	private final String messageKey;

	ProductRefusal(String field, String messageKey) {
		super(messageKey, null, false, false);
		this.field = field;
		this.messageKey = messageKey;
	}

	static ProductRefusal stale() {
		return new ProductRefusal(null, STALE);
	}

	/**
	 * Returns the form field at fault.
	 * @return a property of {@link ProductForm}, {@code file} for a picture, or
	 * {@code null} for a stale form
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
	 * Tells whether the form was refused because the product changed since it was opened
	 * (optimistic locking).
	 * @return whether the form is stale
	 */
	public boolean isStale() {
		return STALE.equals(this.messageKey);
	}

}
