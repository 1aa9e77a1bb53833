package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promotion codes: a percentage or a fixed amount off the goods, valid between two dates,
 * from a minimum basket, for a limited number of uses in all and, optionally, per
 * customer. {@link #check} says whether a code applies to a basket and what it is worth;
 * {@link #use} counts a use in the order's transaction, and the database's
 * {@code CHECK (uses <= max_uses)} makes sure two simultaneous orders can never both take
 * the last one.
 *
 * <p>
 * The limit per customer ({@code per_customer_limit}, {@code BIENVENUE10} once) counts
 * the customer's orders that carry the code and were not cancelled. A customer is their
 * account when signed in, else the order's e-mail address, lower-cased as orders store
 * it; the orders of a signed-in customer also count those placed as a guest with the
 * account's address, so signing out does not give the code back. The rule spans several
 * orders, so no {@code CHECK} can hold it: {@link #check} tells the customer early, and
 * {@link #usedUpBy} decides in the order's transaction (see there why two simultaneous
 * orders cannot both pass).
 */
@Service
public class PromoCodes {

	private final JdbcClient jdbc;

	private final Clock clock;

	PromoCodes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Checks a code against a basket.
	 * @param code what the customer typed (case and spaces do not matter)
	 * @param itemsTotalCents the goods, VAT included
	 * @param customer who would use it, or {@code null} when not known yet (the limit per
	 * customer is then checked when the order is placed)
	 * @return the discount, or why the code does not apply
	 */
	@Transactional(readOnly = true)
	public Check check(String code, long itemsTotalCents, Customer customer) {
		String normalised = normalise(code);
		Optional<Row> found = this.jdbc.sql("""
				SELECT id, code, kind, amount, starts_at, ends_at, minimum_basket_cents, max_uses, uses,
				       per_customer_limit
				FROM promo_code WHERE code = :code AND active""")
			.param("code", normalised)
			.query((row, number) -> new Row(row.getLong("id"), row.getString("code"), row.getString("kind"),
					row.getInt("amount"), row.getTimestamp("starts_at").toInstant(),
					row.getTimestamp("ends_at").toInstant(), row.getInt("minimum_basket_cents"),
					(Integer) row.getObject("max_uses"), row.getInt("uses"),
					(Integer) row.getObject("per_customer_limit")))
			.optional();
		if (found.isEmpty()) {
			return Check.refused(normalised, "promo.unknown", null);
		}
		Row promo = found.get();
		Instant now = this.clock.instant();
		if (now.isBefore(promo.startsAt())) {
			return Check.refused(promo.code(), "promo.not-started", null);
		}
		if (!now.isBefore(promo.endsAt())) {
			return Check.refused(promo.code(), "promo.expired", null);
		}
		if (promo.maxUses() != null && promo.uses() >= promo.maxUses()) {
			return Check.refused(promo.code(), "promo.used-up", null);
		}
		if (promo.perCustomerLimit() != null && customer != null && customer.known()
				&& usedUpBy(promo.id(), customer, null)) {
			return Check.refused(promo.code(), "promo.per-customer", null);
		}
		if (itemsTotalCents < promo.minimumBasketCents()) {
			return Check.refused(promo.code(), "promo.minimum", (long) promo.minimumBasketCents());
		}
		long discount = "PERCENT".equals(promo.kind()) ? BigDecimal.valueOf(itemsTotalCents * promo.amount())
			.divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
			.longValueExact() : Math.min(promo.amount(), itemsTotalCents);
		return new Check(promo.code(), promo.id(), discount, null, null);
	}

	/**
	 * Counts one use of a code, in the transaction that places the order.
	 * @param promoId the code
	 * @return whether a use was still available (and the code still valid)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean use(long promoId) {
		return this.jdbc.sql("""
				UPDATE promo_code SET uses = uses + 1
				WHERE id = :id AND active AND starts_at <= :now AND ends_at > :now
				  AND (max_uses IS NULL OR uses < max_uses)""")
			.param("id", promoId)
			.param("now", java.sql.Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	/**
	 * Tells whether a customer already used a code as many times as it allows them,
	 * leaving aside one order (the one being placed).
	 *
	 * <p>
	 * Called by {@link Orders#reserve} right after {@link #use}, in the same transaction
	 * (and by {@link #check}, in its own, to tell the customer early). The {@code UPDATE}
	 * of {@link #use} locks the code's row until that transaction ends, so a second order
	 * using the code waits there until the first one commits or rolls back; PostgreSQL
	 * (read committed) then gives the next statement, this count, a new snapshot, which
	 * includes the first order. Two checkouts of one customer sent at the same instant
	 * are thus counted one after the other, and only one gets the code; the lock is held
	 * for milliseconds, never during the payment, which happens after the commit.
	 * @param promoId the code
	 * @param customer the customer
	 * @param excludedOrderId an order not to count, or {@code null}
	 * @return whether the code's limit per customer is reached (never, without a limit)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean usedUpBy(long promoId, Customer customer, Long excludedOrderId) {
		return this.jdbc.sql("""
				SELECT p.per_customer_limit IS NOT NULL AND p.per_customer_limit <= (
				    SELECT count(*) FROM customer_order o
				    WHERE o.promo_code_id = p.id AND o.status <> 'CANCELLED' AND o.id <> :excluded
				      AND (o.account_id = :account OR o.email = lower(:email)))
				FROM promo_code p WHERE p.id = :id""")
			.param("id", promoId)
			.param("excluded", (excludedOrderId != null) ? excludedOrderId : 0L)
			.param("account", customer.accountId())
			.param("email", customer.email())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Gives a use back, when an order is cancelled before payment.
	 * @param promoId the code
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void release(long promoId) {
		this.jdbc.sql("UPDATE promo_code SET uses = uses - 1 WHERE id = :id AND uses > 0")
			.param("id", promoId)
			.update();
	}

	static String normalise(String code) {
		return (code == null) ? "" : code.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	private record Row(long id, String code, String kind, int amount, Instant startsAt, Instant endsAt,
			int minimumBasketCents, Integer maxUses, int uses, Integer perCustomerLimit) {
	}

	/**
	 * Who uses a code, for its limit per customer: the account when signed in, and the
	 * e-mail address of the order.
	 *
	 * @param accountId the signed-in customer, or {@code null} for a guest
	 * @param email the order's e-mail address as typed, or {@code null} if not typed yet
	 */
	public record Customer(Long accountId, String email) {

		/**
		 * Tells whether the customer can be recognised at all (a guest who has not typed
		 * an address yet cannot).
		 * @return whether there is an account or an address
		 */
		boolean known() {
			return this.accountId != null || (this.email != null && !this.email.isBlank());
		}

	}

	/**
	 * Whether a code applies, and its value.
	 *
	 * @param code the code, normalised
	 * @param promoId its id when it applies, else {@code null}
	 * @param discountCents the discount when it applies, else 0
	 * @param refusalKey the message key saying why it does not apply, or {@code null}
	 * @param minimumCents the minimum basket, for the message, or {@code null}
	 */
	public record Check(String code, Long promoId, long discountCents, String refusalKey, Long minimumCents) {

		static Check refused(String code, String key, Long minimum) {
			return new Check(code, null, 0, key, minimum);
		}

		/**
		 * Tells whether the code applies.
		 * @return whether there is a discount
		 */
		public boolean applies() {
			return this.promoId != null;
		}

	}

}
