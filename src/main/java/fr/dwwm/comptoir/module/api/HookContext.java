package fr.dwwm.comptoir.module.api;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a module knows when it renders in a display hook.
 *
 * @param hook the hook's name, one of {@link DisplayHook}
 * @param locale the visitor's language
 * @param settings the module's settings
 * @param subjectId what the page is about (the product id in
 * {@link DisplayHook#PRODUCT_ADDITIONAL_INFO}), or {@code null}
 * @param customer the signed-in customer, or {@code null} for a visitor
 */
public record HookContext(String hook, Locale locale, ModuleSettings settings, Long subjectId,
		ModuleCustomer customer) {

	/**
	 * The page's subject.
	 * @return the id of what the page shows, if it shows one thing
	 */
	public OptionalLong subject() {
		return (this.subjectId != null) ? OptionalLong.of(this.subjectId) : OptionalLong.empty();
	}

	/**
	 * The visitor, if signed in.
	 * @return the signed-in customer
	 */
	public Optional<ModuleCustomer> signedInCustomer() {
		return Optional.ofNullable(this.customer);
	}

}
