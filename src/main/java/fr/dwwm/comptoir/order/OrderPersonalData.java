package fr.dwwm.comptoir.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.dwwm.comptoir.account.PersonalDataContributor;
import fr.dwwm.comptoir.account.PersonalDataContributor.ProvedAddress;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's orders in their data export; when the account is deleted, the orders stay
 * for the accounts (ten years, Code de commerce art. L123-22) but lose every personal
 * detail: name, e-mail, street and phone, and the reasons the customer gave for their
 * returns (free text, which may say anything about them). Postal code, city and country
 * remain, which do not identify anyone alone; invoices and credit notes already issued
 * stay as they were, as the law wants.
 *
 * <p>
 * The person's orders are those of their account and those placed as a guest with an
 * address they proved, current or former (compared without case), while it was theirs:
 * the same person, who did not sign in. An address never proved finds no guest order; a
 * guest order placed while another account had the address stays that account's; an order
 * already anonymised stays so.
 */
@Component
class OrderPersonalData implements PersonalDataContributor {

	private final JdbcClient jdbc;

	OrderPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "orders";
	}

	/**
	 * The date of the person's last order, signed in or as a guest: an order is a
	 * contact, like a login.
	 */
	@Override
	public Optional<Instant> lastActivity(Person person) {
		return owned("SELECT placed_at FROM customer_order WHERE %s ORDER BY placed_at DESC LIMIT 1", person)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	@Override
	public Object export(Person person) {
		List<Map<String, Object>> orders = owned("""
				SELECT id, reference, status, placed_at, email, ship_first_name, ship_last_name, ship_line1, ship_line2,
				       ship_postal_code, ship_city, ship_country, ship_phone, shipping_method_name, total_cents,
				       account_id IS NULL AS as_guest
				FROM customer_order WHERE %s ORDER BY placed_at""", person).query().listOfRows();
		return orders.stream().map((row) -> {
			Map<String, Object> order = new LinkedHashMap<>();
			order.put("reference", row.get("reference"));
			order.put("status", row.get("status"));
			order.put("placedAt", row.get("placed_at").toString());
			order.put("placedAsGuest", row.get("as_guest"));
			order.put("email", row.get("email"));
			order.put("deliveryAddress",
					String.join(", ",
							nonNull(row.get("ship_first_name"), row.get("ship_last_name"), row.get("ship_line1"),
									row.get("ship_line2"), row.get("ship_postal_code"), row.get("ship_city"),
									row.get("ship_country"))));
			order.put("phone", row.get("ship_phone"));
			order.put("shippingMethod", row.get("shipping_method_name"));
			order.put("totalCents", row.get("total_cents"));
			order.put("lines",
					this.jdbc.sql("""
							SELECT product_name || coalesce(' — ' || variant_label, '') AS product_name, quantity,
							       unit_price_cents FROM order_line WHERE order_id = :order ORDER BY id""")
						.param("order", row.get("id"))
						.query()
						.listOfRows());
			order.put("returns",
					this.jdbc.sql("""
							SELECT status, reason, staff_note, requested_at FROM return_request
							WHERE order_id = :order ORDER BY requested_at""")
						.param("order", row.get("id"))
						.query()
						.listOfRows());
			return order;
		}).toList();
	}

	@Override
	public void erase(Person person) {
		owned("""
				UPDATE return_request SET reason = 'effacé à la suppression du compte'
				WHERE order_id IN (SELECT id FROM customer_order WHERE %s)""", person).update();
		owned("""
				UPDATE customer_order SET email = NULL, ship_first_name = NULL, ship_last_name = NULL, ship_line1 = NULL,
				    ship_line2 = NULL, ship_phone = NULL, bill_first_name = NULL, bill_last_name = NULL,
				    bill_line1 = NULL, bill_line2 = NULL, anonymised_at = now(), account_id = NULL
				WHERE %s""",
				person)
			.update();
	}

	/**
	 * A statement about the person's orders, its {@code %s} standing for them: their
	 * account's, and their guest orders placed with an address they proved while it was
	 * theirs ({@link Person#provedAddresses()}).
	 * @param sql the statement, with {@code %s} where the condition goes
	 * @param person the person
	 * @return the statement, its parameters bound
	 */
	private JdbcClient.StatementSpec owned(String sql, Person person) {
		StringBuilder condition = new StringBuilder("(account_id = :account");
		List<ProvedAddress> addresses = person.provedAddresses();
		for (int index = 0; index < addresses.size(); index++) {
			condition.append(index == 0 ? " OR (account_id IS NULL AND anonymised_at IS NULL AND (" : " OR ")
				.append("(lower(email) = :email%1$d AND placed_at > :after%1$d AND placed_at < :before%1$d)"
					.formatted(index));
		}
		condition.append(addresses.isEmpty() ? ")" : ")))");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.formatted(condition))
			.param("account", person.accountId());
		for (int index = 0; index < addresses.size(); index++) {
			ProvedAddress address = addresses.get(index);
			statement = statement.param("email" + index, address.email().toLowerCase(Locale.ROOT))
				.param("after" + index, Timestamp.from((address.after() != null) ? address.after() : BEGINNING))
				.param("before" + index, Timestamp.from((address.before() != null) ? address.before() : END));
		}
		return statement;
	}

	/** Bounds for an address that was nobody else's before, or is still the person's. */
	private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

	private static List<String> nonNull(Object... values) {
		return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).map(Object::toString).toList();
	}

}
