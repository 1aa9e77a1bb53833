package fr.dwwm.comptoir.module.api;

import java.util.Map;

/**
 * Writes a module's staff actions (a review approved...) into the shop's audit log, with
 * the account acting and the request's address.
 */
public interface ShopAudit {

	/**
	 * Records a successful action of the signed-in staff member.
	 * @param moduleCode the module's code
	 * @param action what was done, e.g. {@code REVIEW_APPROVE}
	 * @param target what it was done to, e.g. {@code review:42}
	 * @param details further facts, never secrets
	 */
	void record(String moduleCode, String action, String target, Map<String, ?> details);

}
