package fr.dwwm.comptoir.order;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import fr.dwwm.comptoir.account.Country;
import fr.dwwm.comptoir.cart.CartView;
import fr.dwwm.comptoir.cart.ShippingEstimate;
import fr.dwwm.comptoir.cart.ShippingEstimates;

import org.springframework.stereotype.Component;

/**
 * The cart page's delivery estimate, from the same methods and grids as the checkout
 * ({@link ShippingMethods}): each method for this parcel and country with its price, and
 * the method that becomes free at the lowest amount among those that take it (counted on
 * the goods before any promotion code, which the cart does not know yet).
 */
@Component
class CartShippingEstimates implements ShippingEstimates {

	private final ShippingMethods methods;

	CartShippingEstimates(ShippingMethods methods) {
		this.methods = methods;
	}

	@Override
	public Optional<ShippingEstimate> of(CartView cart, Country country) {
		if (cart.isEmpty()) {
			return Optional.empty();
		}
		long goods = cart.itemsTotalCents();
		List<ShippingMethods.Option> options = this.methods.options(goods, cart.weightGrams(), country);
		ShippingEstimate.Progress progress = options.stream()
			.filter((option) -> option.freeFromCents() != null && option.listPriceCents() > 0)
			.min(Comparator.comparingInt(ShippingMethods.Option::freeFromCents))
			.map((option) -> new ShippingEstimate.Progress(option.name(), option.freeFromCents(), goods))
			.orElse(null);
		return Optional.of(new ShippingEstimate(country, cart.weightGrams(),
				options.stream()
					.map((option) -> new ShippingEstimate.Choice(option.name(), option.priceCents()))
					.toList(),
				progress));
	}

}
