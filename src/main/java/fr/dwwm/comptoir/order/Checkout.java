package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.account.Country;
import fr.dwwm.comptoir.cart.CartLine;
import fr.dwwm.comptoir.cart.CartView;
import fr.dwwm.comptoir.cart.Carts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The checkout: prices a cart ({@link #quote}) and places its order ({@link #place}).
 *
 * <p>
 * Placing an order takes three steps, in this order on purpose:
 * <ol>
 * <li>reserve: the order and its lines are written and the stock is taken, in one
 * transaction that refuses the whole order if a single product ran out, so a card is
 * never charged for goods the shop cannot deliver;</li>
 * <li>charge the card through the {@link PaymentGateway}, outside any transaction;</li>
 * <li>record the answer: invoice and confirmation mail, or cancellation with the stock
 * given back.</li>
 * </ol>
 * The same form sent twice (double click, back and resend) finds the order its
 * idempotency key already placed and charges nothing more; the key of someone else's form
 * is refused and reveals nothing of that order.
 */
@Service
public class Checkout {

	private static final Logger logger = LoggerFactory.getLogger(Checkout.class);

	private final Carts carts;

	private final ShippingMethods shippingMethods;

	private final PromoCodes promoCodes;

	private final Orders orders;

	private final PaymentGateway gateway;

	private final CheckoutMetrics metrics;

	Checkout(Carts carts, ShippingMethods shippingMethods, PromoCodes promoCodes, Orders orders, PaymentGateway gateway,
			CheckoutMetrics metrics) {
		this.carts = carts;
		this.shippingMethods = shippingMethods;
		this.promoCodes = promoCodes;
		this.orders = orders;
		this.gateway = gateway;
		this.metrics = metrics;
	}

	/**
	 * Prices a cart for a customer not known yet, delivered in France: a code limited per
	 * customer is then checked when the order is placed.
	 * @param cart the cart, freshly read
	 * @param shippingCode the chosen delivery method, or {@code null} for the first one
	 * @param promoCode the code typed, or blank
	 * @return the quote
	 */
	public Quote quote(CartView cart, String shippingCode, String promoCode) {
		return quote(cart, shippingCode, promoCode, null, Country.FR);
	}

	/**
	 * Prices a cart for a customer, whose earlier orders count against a code limited per
	 * customer ({@code BIENVENUE10} once), delivered to a country: the delivery methods
	 * that take the parcel there, priced by their grids.
	 * @param cart the cart, freshly read
	 * @param shippingCode the chosen delivery method, or {@code null} for the first one
	 * @param promoCode the code typed, or blank
	 * @param customer who orders, or {@code null} if not known yet
	 * @param country the delivery country
	 * @return the quote; its shipping is {@code null} when no method delivers this parcel
	 * there
	 */
	public Quote quote(CartView cart, String shippingCode, String promoCode, PromoCodes.Customer customer,
			Country country) {
		long items = cart.itemsTotalCents();
		PromoCodes.Check promo = (promoCode == null || promoCode.isBlank()) ? null
				: this.promoCodes.check(promoCode, items, customer);
		long discount = (promo != null) ? promo.discountCents() : 0;
		List<ShippingMethods.Option> options = this.shippingMethods.options(items - discount, cart.weightGrams(),
				country);
		ShippingMethods.Option shipping = options.stream()
			.filter((option) -> option.code().equals(shippingCode))
			.findFirst()
			.orElse(options.isEmpty() ? null : options.get(0));
		Map<BigDecimal, Long> goods = new HashMap<>();
		for (CartLine line : cart.lines()) {
			goods.merge(line.vatRate(), line.totalCents(), Long::sum);
		}
		return new Quote(cart, country, options, shipping, promo,
				OrderTotals.of(goods, discount, (shipping != null) ? shipping.priceCents() : 0));
	}

	/**
	 * Places an order and charges it.
	 * @param order what the checkout form says
	 * @return the order's reference and whether this call placed it
	 * @throws CheckoutRefusal when it cannot be placed or the payment was refused; the
	 * cart is then left as it was
	 */
	public Placed place(NewOrder order) {
		try {
			Placed placed = placeOrRefuse(order);
			if (placed.now()) {
				this.metrics.placed();
			}
			return placed;
		}
		catch (CheckoutRefusal refusal) {
			this.metrics.refused(refusal);
			throw refusal;
		}
	}

	private Placed placeOrRefuse(NewOrder order) {
		var existing = this.orders.placedWith(order.idempotencyKey(), order.cartId(), order.accountId());
		if (existing.isPresent()) {
			if (!existing.get().sameCustomer()) {
				// Someone else's key: refused like a form that expired, saying nothing of
				// the order it placed.
				throw new CheckoutRefusal("checkout.key-used");
			}
			return new Placed(existing.get().reference(), false);
		}
		CartView cart = this.carts.view(order.cartId());
		if (cart.isEmpty()) {
			throw new CheckoutRefusal("checkout.empty");
		}
		for (CartLine line : cart.lines()) {
			if (!line.available()) {
				throw new CheckoutRefusal("checkout.not-orderable");
			}
			if (!line.orderable()) {
				throw new CheckoutRefusal("checkout.out-of-stock", line.name());
			}
		}
		Quote quote = quote(cart, order.shippingCode(), order.promoCode(),
				new PromoCodes.Customer(order.accountId(), order.email()),
				Country.of(order.address().country()).orElse(Country.FR));
		if (quote.shipping() == null) {
			throw new CheckoutRefusal("checkout.no-shipping");
		}
		if (quote.promoCheck() != null && !quote.promoCheck().applies()) {
			// The page shows why under the code field.
			throw new CheckoutRefusal("checkout.promo-invalid");
		}
		if (quote.totals().totalCents() != order.expectedTotalCents()) {
			throw new CheckoutRefusal("checkout.total-changed");
		}
		Orders.Reservation reservation = this.orders.reserve(order, quote);
		if (reservation.alreadyPlaced()) {
			return new Placed(reservation.reference(), false);
		}
		NewOrder.Card card = order.card();
		PaymentResult result;
		long start = System.nanoTime();
		try {
			result = this.gateway.charge(new CardPayment(reservation.reference(), quote.totals().totalCents(),
					card.number(), card.expiry(), card.code(), card.holder()));
			this.metrics.payment(CheckoutMetrics.name(result.outcome()), Duration.ofNanos(System.nanoTime() - start));
		}
		catch (RuntimeException ex) {
			this.metrics.payment(CheckoutMetrics.NO_ANSWER, Duration.ofNanos(System.nanoTime() - start));
			// No answer (network cut, time-out): the card may or may not have been
			// charged.
			// The order stays reserved; PaymentReconciliation asks the provider later.
			logger.warn("No answer from the payment provider for order {}: {}", reservation.reference(), ex.toString());
			throw new CheckoutRefusal("payment.no-answer", reservation.reference());
		}
		this.orders.recordPayment(reservation.orderId(), order.cartId(), result);
		if (!result.succeeded()) {
			throw new CheckoutRefusal("payment." + result.outcome().name().toLowerCase(java.util.Locale.ROOT));
		}
		return new Placed(reservation.reference(), true);
	}

	/**
	 * An order placed.
	 *
	 * @param reference its reference
	 * @param now whether this call placed it (false: the same form had already)
	 */
	public record Placed(String reference, boolean now) {
	}

}
