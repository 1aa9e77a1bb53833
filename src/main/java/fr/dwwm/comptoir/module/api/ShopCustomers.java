package fr.dwwm.comptoir.module.api;

import java.util.Optional;

/**
 * Who is visiting, for a module's own pages and forms.
 */
public interface ShopCustomers {

	/**
	 * The customer signed in on the current request.
	 * @return the customer, or empty for a visitor (or a staff member)
	 */
	Optional<ModuleCustomer> current();

}
