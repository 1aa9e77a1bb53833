package fr.dwwm.comptoir.web;

/**
 * The two messages a back-office screen shows after a form (Post/Redirect/Get): the flash
 * attributes every back-office controller sets and the back-office layout reads.
 */
public final class BackOfficeFlash {

	/** A message key saying what was done. */
	public static final String MESSAGE = "adminMessage";

	/** A message key saying why nothing was done. */
	public static final String ERROR = "adminError";

	private BackOfficeFlash() {
	}

}
