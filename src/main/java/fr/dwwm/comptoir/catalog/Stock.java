package fr.dwwm.comptoir.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A product's stock and its history: the one place where the stock changes and where
 * every change is written down, whoever makes it — an order takes units, a cancellation
 * or a refund gives them back, staff adjust it by hand, a CSV import sets it.
 *
 * <p>
 * The stock only ever changes by a conditional update that never takes it below zero
 * ({@code stock >= :quantity} in the same statement), so two orders for the last unit
 * cannot both have it: there is no read-then-write window. The order takes its units
 * inside its own transaction ({@link Propagation#MANDATORY}): if a single line cannot be
 * served, the whole order is refused and no unit is taken. A synchronous call, not an
 * event, for that reason.
 */
@Service
public class Stock {

	/** Largest change one adjustment may make, either way. */
	public static final int MAX_DELTA = 100_000;

	/** Longest note the history keeps. */
	public static final int MAX_NOTE = 500;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batch;

	Stock(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Takes units of an active product for an order line, in the order's transaction.
	 * @param productId the product
	 * @param quantity units, at least 1
	 * @param orderId the order, written in the history
	 * @return what the line keeps of the product (its name, SKU, price and VAT rate at
	 * this moment), or nothing if the product is inactive or has fewer units: nothing was
	 * taken then
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Taken> take(long productId, int quantity, long orderId) {
		Optional<Taken> taken = this.jdbc.sql("""
				UPDATE product SET stock = stock - :quantity
				WHERE id = :id AND active AND stock >= :quantity
				RETURNING stock, name, sku, price_cents, vat_rate""")
			.param("quantity", quantity)
			.param("id", productId)
			.query((row, number) -> new Taken(row.getString("name"), row.getString("sku"), row.getInt("price_cents"),
					row.getBigDecimal("vat_rate"), row.getInt("stock")))
			.optional();
		taken.ifPresent(
				(product) -> record(productId, -quantity, product.stockAfter(), Reason.ORDER, null, null, orderId));
		return taken;
	}

	/**
	 * Gives an order line's units back, in the order's transaction (a cancellation, a
	 * refund).
	 * @param productId the product
	 * @param quantity units, at least 1
	 * @param reason {@link Reason#CANCELLATION} or {@link Reason#REFUND}
	 * @param orderId the order, written in the history
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void giveBack(long productId, int quantity, Reason reason, long orderId) {
		if (reason != Reason.CANCELLATION && reason != Reason.REFUND) {
			throw new IllegalArgumentException("Units come back from an order by a cancellation or a refund");
		}
		int stock = this.jdbc.sql("UPDATE product SET stock = stock + :quantity WHERE id = :id RETURNING stock")
			.param("quantity", quantity)
			.param("id", productId)
			.query(Integer.class)
			.single();
		record(productId, quantity, stock, reason, null, null, orderId);
	}

	/**
	 * Adds units to a product's stock, or takes some away, by hand (a delivery received,
	 * breakage, a count), and records it with its reason and the member of staff.
	 * @param productId the product
	 * @param delta units to add (positive) or take away (negative), never 0
	 * @param reason why: one of {@link Reason#staffReasons()}
	 * @param note a free comment, or {@code null}
	 * @param accountId the member of staff
	 * @return the stock after the change, or nothing if it would have gone below zero (or
	 * the product does not exist): nothing was changed then
	 * @throws IllegalArgumentException if the change is 0 or too large, the note too
	 * long, or the reason not one staff may give
	 */
	@Transactional
	public OptionalInt adjust(long productId, int delta, Reason reason, String note, long accountId) {
		if (delta == 0 || delta < -MAX_DELTA || delta > MAX_DELTA) {
			throw new IllegalArgumentException("A stock change is between 1 and " + MAX_DELTA + " units");
		}
		if (note != null && note.length() > MAX_NOTE) {
			throw new IllegalArgumentException("A stock note is at most " + MAX_NOTE + " characters");
		}
		if (!Reason.staffReasons().contains(reason)) {
			throw new IllegalArgumentException("Staff adjust a stock for a correction or a count, not " + reason);
		}
		var stock = this.jdbc.sql("""
				UPDATE product SET stock = stock + :delta
				WHERE id = :id AND stock + :delta >= 0
				RETURNING stock""").param("delta", delta).param("id", productId).query(Integer.class).optional();
		if (stock.isEmpty()) {
			return OptionalInt.empty();
		}
		record(productId, delta, stock.get(), reason, note, accountId, null);
		return OptionalInt.of(stock.get());
	}

	/**
	 * Writes down the stocks a CSV import has just set, in the import's transaction (the
	 * import writes the products themselves, in one batch).
	 * @param changes the products whose stock changed, by SKU
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void imported(List<Imported> changes) {
		SqlParameterSource[] movements = changes.stream()
			.map((change) -> new MapSqlParameterSource().addValue("sku", change.sku())
				.addValue("delta", change.delta())
				.addValue("stock", change.stockAfter())
				.addValue("reason", Reason.IMPORT.name()))
			.toArray(SqlParameterSource[]::new);
		this.batch.batchUpdate("""
				INSERT INTO stock_movement (product_id, delta, stock_after, reason, note)
				SELECT id, :delta, :stock, :reason, 'CSV' FROM product WHERE sku = :sku""", movements);
	}

	/**
	 * Returns the latest changes of a product's stock, whatever made them.
	 * @param productId the product
	 * @param limit how many
	 * @return the changes, newest first
	 */
	@Transactional(readOnly = true)
	public List<Movement> history(long productId, int limit) {
		return this.jdbc.sql("""
				SELECT m.created_at, m.delta, m.stock_after, m.reason, m.note, m.account_id,
				       coalesce(nullif(concat_ws(' ', a.first_name, a.last_name), ''), a.email) AS staff
				FROM stock_movement m LEFT JOIN account a ON a.id = m.account_id
				WHERE m.product_id = :product
				ORDER BY m.created_at DESC, m.id DESC
				LIMIT :limit""").param("product", productId).param("limit", limit).query((row, number) -> {
			long account = row.getLong("account_id");
			Long accountId = row.wasNull() ? null : account;
			return new Movement(row.getTimestamp("created_at").toInstant(), row.getInt("delta"),
					row.getInt("stock_after"), Reason.valueOf(row.getString("reason")), row.getString("note"),
					accountId, row.getString("staff"));
		}).list();
	}

	private void record(long productId, int delta, int stockAfter, Reason reason, String note, Long accountId,
			Long orderId) {
		this.jdbc.sql("""
				INSERT INTO stock_movement (product_id, delta, stock_after, reason, note, account_id, order_id)
				VALUES (:product, :delta, :after, :reason, :note, :account, :order)""")
			.param("product", productId)
			.param("delta", delta)
			.param("after", stockAfter)
			.param("reason", reason.name())
			.param("note", note)
			.param("account", accountId)
			.param("order", orderId)
			.update();
	}

	/**
	 * Why a stock changed: the one list, also checked by the database
	 * ({@code stock_movement_reason_check}).
	 */
	public enum Reason {

		/** Units taken by an order. */
		ORDER,

		/** Units given back by a cancelled order. */
		CANCELLATION,

		/** Units given back by a refunded order. */
		REFUND,

		/** A correction by staff: goods received, broken, lost. */
		ADJUSTMENT,

		/** The difference staff found by counting the shelf. */
		INVENTORY,

		/** A stock set by a CSV import. */
		IMPORT;

		/**
		 * The reasons staff may give when they change a stock by hand.
		 * @return {@link #ADJUSTMENT} and {@link #INVENTORY}
		 */
		public static Set<Reason> staffReasons() {
			return EnumSet.of(ADJUSTMENT, INVENTORY);
		}

	}

	/**
	 * What an order line keeps of a product whose units it took.
	 *
	 * @param name its name
	 * @param sku its reference
	 * @param priceCents its price, VAT included
	 * @param vatRate its VAT rate
	 * @param stockAfter the units left
	 */
	public record Taken(String name, String sku, int priceCents, BigDecimal vatRate, int stockAfter) {
	}

	/**
	 * A stock a CSV import set.
	 *
	 * @param sku the product
	 * @param delta the change
	 * @param stockAfter the stock set
	 */
	record Imported(String sku, int delta, int stockAfter) {
	}

	/**
	 * A change in a product's stock.
	 *
	 * @param at when
	 * @param delta units added (positive) or taken away (negative)
	 * @param stockAfter the stock right after
	 * @param reason why
	 * @param note the comment, or {@code null}
	 * @param accountId the member of staff who made it, or {@code null} for the shop
	 * itself
	 * @param staff their name, or {@code null}
	 */
	public record Movement(Instant at, int delta, int stockAfter, Reason reason, String note, Long accountId,
			String staff) {

	}

}
