package fr.dwwm.comptoir.module.api;

/**
 * The signed-in customer, as much as a module needs to know: no password, no address.
 *
 * @param accountId the account's id
 * @param displayName first name and initial of the last name ("Camille D."), to sign a
 * review
 * @param email the e-mail address
 */
public record ModuleCustomer(long accountId, String displayName, String email) {

	@Override
	public String toString() {
		return "ModuleCustomer[" + this.accountId + "]";
	}

}
