package fr.dwwm.comptoir.cart;

import java.util.Optional;

import fr.dwwm.comptoir.account.Country;

/**
 * What delivering a cart would cost, for the cart page, before any address is typed. The
 * shipping methods and their price grid belong to the order feature, which implements
 * this interface: the cart asks, it does not read their tables (the order feature already
 * depends on the cart, so the dependency is turned around here).
 */
public interface ShippingEstimates {

	/**
	 * Estimates the delivery of a cart to a country.
	 * @param cart the cart, freshly read
	 * @param country where it would go
	 * @return the estimate, or empty for an empty cart
	 */
	Optional<ShippingEstimate> of(CartView cart, Country country);

}
