package fr.dwwm.comptoir.cms;

/**
 * Why the back-office could not save a change to the shop's content (a page, a menu link,
 * a block), as a message for the member of staff: nothing was saved. {@link #getField()}
 * names the form field at fault, or is {@code null} when the whole form is refused, for
 * instance because someone else saved the same thing in the meantime.
 */
public class CmsRefusal extends RuntimeException {

	/** The message of a form sent from a version that is no longer current. */
	public static final String STALE = "admin.cms.stale";

	private static final long serialVersionUID = 1L;

	private final String field;

	private final String messageKey;

	CmsRefusal(String field, String messageKey) {
		super(messageKey, null, false, false);
		this.field = field;
		this.messageKey = messageKey;
	}

	static CmsRefusal stale() {
		return new CmsRefusal(null, STALE);
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
		return STALE.equals(this.messageKey);
	}

}
