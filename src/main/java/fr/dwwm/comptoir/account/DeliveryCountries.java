package fr.dwwm.comptoir.account;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The countries an address form offers, for the page fragment
 * {@code fragments/address-fields} ({@code ${@deliveryCountries.all()}}): the choices
 * come from {@link Country}, the same list the rules check.
 */
@Component
public class DeliveryCountries {

	/**
	 * The countries the shop delivers to, in the order the form lists them.
	 * @return the countries
	 */
	public List<Country> all() {
		return List.of(Country.values());
	}

}
