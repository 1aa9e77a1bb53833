package fr.dwwm.comptoir.cart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.dwwm.comptoir.account.PersonalDataContributor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A customer's carts in their data export, and gone with their account.
 */
@Component
class CartPersonalData implements PersonalDataContributor {

	private final JdbcClient jdbc;

	CartPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "cart";
	}

	@Override
	public Object export(Person person) {
		List<Map<String, Object>> lines = this.jdbc.sql("""
				SELECT p.name || coalesce(' — ' || variant_label(v.id), '') AS name, l.quantity, l.added_at
				FROM cart c JOIN cart_line l ON l.cart_id = c.id
				JOIN product_variant v ON v.id = l.variant_id JOIN product p ON p.id = v.product_id
				WHERE c.account_id = :account AND c.checked_out_at IS NULL
				ORDER BY l.added_at""").param("account", person.accountId()).query((row, number) -> {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("product", row.getString("name"));
			line.put("quantity", row.getInt("quantity"));
			line.put("addedAt", row.getTimestamp("added_at").toInstant().toString());
			return line;
		}).list();
		return lines;
	}

	@Override
	public void erase(Person person) {
		this.jdbc.sql("DELETE FROM cart WHERE account_id = :account").param("account", person.accountId()).update();
	}

}
