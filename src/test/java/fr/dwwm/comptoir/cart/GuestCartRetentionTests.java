package fr.dwwm.comptoir.cart;

import fr.dwwm.comptoir.account.TestAccounts;
import fr.dwwm.comptoir.test.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guest's cart is reached only through the id kept in their session, which lasts 8
 * hours at most: a guest's cart untouched for 30 days is one nobody can open any more,
 * and is deleted with its lines by the daily purge. A customer's cart stays with their
 * account. On the real PostgreSQL, the carts' last change set in the past.
 */
@IntegrationTest
class GuestCartRetentionTests {

	@Autowired
	private Carts carts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestAccounts accounts;

	@Test
	void theDailyPurgeDeletesGuestCartsUntouchedFor30DaysAndKeepsTheOthers() {
		long abandoned = cart(null, "31 days");
		long recent = cart(null, "29 days");
		long customers = cart(this.accounts.customer().getId(), "400 days");

		this.carts.purgeDaily();

		assertThat(exists(abandoned)).as("a guest's cart untouched for 31 days").isFalse();
		assertThat(this.jdbc.sql("SELECT count(*) FROM cart_line WHERE cart_id = ?")
			.param(abandoned)
			.query(Long.class)
			.single()).as("its lines").isZero();
		assertThat(exists(recent)).as("a guest's cart changed 29 days ago").isTrue();
		assertThat(exists(customers)).as("a customer's cart, however old").isTrue();
	}

	/** A cart with one line, last changed that long ago. */
	private long cart(Long accountId, String age) {
		long cart = this.jdbc
			.sql("INSERT INTO cart (account_id, created_at, updated_at) VALUES (?, now() - ?::interval,"
					+ " now() - ?::interval) RETURNING id")
			.params(accountId, age, age)
			.query(Long.class)
			.single();
		this.jdbc
			.sql("INSERT INTO cart_line (cart_id, variant_id, quantity)"
					+ " SELECT ?, id, 1 FROM product_variant WHERE sku = 'EPI-CONF-001'")
			.param(cart)
			.update();
		return cart;
	}

	private boolean exists(long cart) {
		return this.jdbc.sql("SELECT count(*) FROM cart WHERE id = ?").param(cart).query(Long.class).single() == 1;
	}

}
