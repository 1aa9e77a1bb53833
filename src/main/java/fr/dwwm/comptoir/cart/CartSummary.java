package fr.dwwm.comptoir.cart;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.dwwm.comptoir.web.Money;
import fr.dwwm.comptoir.web.Weights;

import org.springframework.context.MessageSource;

/**
 * A cart as the JSON API returns it after a change: every amount and text already
 * computed and formatted by the server, so the page's script only puts them in place
 * ({@code textContent}) and never does arithmetic on prices.
 *
 * @param message what the change did, for the toast
 * @param limited whether the change was cut to the stock (or the per-line maximum): the
 * message is then a warning, read at once (RGAA 7.5)
 * @param itemCount units in the cart, for the header badge
 * @param itemCountLabel the badge's text for screen readers
 * @param itemsLabel "3 articles"
 * @param itemsTotal amount of the goods
 * @param vat VAT included, per rate
 * @param shipping progress towards free shipping, or {@code null}
 * @param estimate what the delivery prices are for (country, weight), or {@code null}
 * @param deliveries the delivery methods' prices for this cart
 * @param orderable whether checkout may start
 * @param lines the lines, in page order
 */
public record CartSummary(String message, boolean limited, int itemCount, String itemCountLabel, String itemsLabel,
		String itemsTotal, List<Vat> vat, String shipping, String estimate, List<Delivery> deliveries,
		boolean orderable, List<Line> lines) {

	/**
	 * Builds the summary of a cart.
	 * @param cart the cart, freshly read
	 * @param shipping its delivery estimate and progress towards free shipping
	 * @param message what the change did, already translated
	 * @param limited whether the change was cut to the stock
	 * @param messages the message bundles
	 * @param money the amount formatter
	 * @param weights the weight formatter
	 * @param locale the visitor's language
	 * @return the summary
	 */
	static CartSummary of(CartView cart, Optional<ShippingEstimate> shipping, String message, boolean limited,
			MessageSource messages, Money money, Weights weights, Locale locale) {
		List<Vat> vat = cart.vat()
			.rates()
			.stream()
			.map((rate) -> new Vat(
					messages.getMessage("cart.vat-included", new Object[] { money.percent(rate.rate()) }, locale),
					money.format(rate.vatCents())))
			.toList();
		List<Line> lines = cart.lines()
			.stream()
			.map((line) -> new Line(line.variantId(), line.quantity(), money.format(line.totalCents()),
					(line.problemKey() != null)
							? messages.getMessage(line.problemKey(), new Object[] { line.stock() }, locale) : null))
			.toList();
		String shippingText = shipping.map(ShippingEstimate::freeShipping)
			.map((progress) -> messages.getMessage(progress.messageKey(),
					new Object[] { progress.methodName(), money.format(progress.remainingCents()),
							money.format(progress.thresholdCents()) },
					locale))
			.orElse(null);
		String estimate = shipping.map((known) -> estimateHeading(known, messages, weights, locale)).orElse(null);
		List<Delivery> deliveries = shipping.map((known) -> deliveries(known, messages, money, locale))
			.orElse(List.of());
		return new CartSummary(message, limited, cart.itemCount(),
				messages.getMessage("layout.cart.count", new Object[] { cart.itemCount() }, locale),
				messages.getMessage("cart.items", new Object[] { cart.itemCount() }, locale),
				money.format(cart.itemsTotalCents()), vat, shippingText, estimate, deliveries, cart.orderable(), lines);
	}

	/**
	 * Says where and what the delivery estimate is for, as the cart page writes it above
	 * the methods' prices.
	 * @param estimate the estimate
	 * @param messages the message bundles
	 * @param weights the weight formatter
	 * @param locale the visitor's language
	 * @return e.g. « Livraison en France d'un colis de 1,2 kg : » or, when no method
	 * takes it, why
	 */
	public static String estimateHeading(ShippingEstimate estimate, MessageSource messages, Weights weights,
			Locale locale) {
		String country = messages.getMessage("country." + estimate.country().name(), null, locale);
		String weight = weights.format(estimate.weightGrams());
		return messages.getMessage(estimate.deliverable() ? "cart.shipping.estimate" : "cart.shipping.none",
				new Object[] { country, weight }, locale);
	}

	/**
	 * Lists the methods' prices for the cart page.
	 * @param estimate the estimate
	 * @param messages the message bundles
	 * @param money the amount formatter
	 * @param locale the visitor's language
	 * @return one line per method
	 */
	public static List<Delivery> deliveries(ShippingEstimate estimate, MessageSource messages, Money money,
			Locale locale) {
		return estimate.choices()
			.stream()
			.map((choice) -> new Delivery(choice.methodName(),
					(choice.priceCents() == 0) ? messages.getMessage("checkout.shipping.free", null, locale)
							: money.format(choice.priceCents())))
			.toList();
	}

	/**
	 * A delivery method's price for the cart.
	 *
	 * @param method its name
	 * @param price its price, or « Offerte »
	 */
	public record Delivery(String method, String price) {
	}

	/**
	 * The VAT of one rate.
	 *
	 * @param label "dont TVA 5,5 %"
	 * @param amount the VAT included
	 */
	public record Vat(String label, String amount) {
	}

	/**
	 * One line after the change.
	 *
	 * @param variantId the variant, which identifies the line
	 * @param quantity units in the cart
	 * @param total the line's amount
	 * @param problem what keeps it from being ordered, or {@code null}
	 */
	public record Line(long variantId, int quantity, String total, String problem) {
	}

}
