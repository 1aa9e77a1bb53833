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
 * The stock of a product's variants and its history: the one place where a stock changes
 * and where every change is written down, whoever makes it — an order takes units, a
 * cancellation or a refund gives them back, staff adjust it by hand, a CSV import sets
 * it.
 *
 * <p>
 * Each variant (« déclinaison ») has its own stock; the product's total is kept by the
 * database from them (trigger {@code product_variant_summary}, V15). The stock only ever
 * changes by a conditional update that never takes it below zero
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
	 * Takes units of an active variant of an active product for an order line, in the
	 * order's transaction.
	 * @param variantId the variant
	 * @param quantity units, at least 1
	 * @param orderId the order, written in the history
	 * @return what the line keeps of the variant (its product's name, its SKU, label,
	 * price and VAT rate at this moment), or nothing if the variant or its product is
	 * inactive or has fewer units: nothing was taken then
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<Taken> take(long variantId, int quantity, long orderId) {
		Optional<Taken> taken = this.jdbc.sql("""
				UPDATE product_variant v SET stock = v.stock - :quantity
				FROM product p
				WHERE v.id = :id AND p.id = v.product_id AND p.active AND v.active AND v.stock >= :quantity
				RETURNING v.stock, v.product_id, p.name, v.sku, variant_label(v.id) AS label, v.price_cents,
				          p.vat_rate""")
			.param("quantity", quantity)
			.param("id", variantId)
			.query((row, number) -> new Taken(row.getLong("product_id"), row.getString("name"), row.getString("sku"),
					row.getString("label"), row.getInt("price_cents"), row.getBigDecimal("vat_rate"),
					row.getInt("stock")))
			.optional();
		taken.ifPresent(
				(variant) -> record(variantId, -quantity, variant.stockAfter(), Reason.ORDER, null, null, orderId));
		return taken;
	}

	/**
	 * Gives an order line's units back, in the order's transaction (a cancellation, a
	 * return received).
	 * @param variantId the variant
	 * @param quantity units, at least 1
	 * @param reason {@link Reason#CANCELLATION}, {@link Reason#REFUND} or
	 * {@link Reason#RETURN}
	 * @param orderId the order, written in the history
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void giveBack(long variantId, int quantity, Reason reason, long orderId) {
		if (reason != Reason.CANCELLATION && reason != Reason.REFUND && reason != Reason.RETURN) {
			throw new IllegalArgumentException("Units come back from an order by a cancellation, a refund or a return");
		}
		int stock = this.jdbc.sql("UPDATE product_variant SET stock = stock + :quantity WHERE id = :id RETURNING stock")
			.param("quantity", quantity)
			.param("id", variantId)
			.query(Integer.class)
			.single();
		record(variantId, quantity, stock, reason, null, null, orderId);
	}

	/**
	 * Adds units to a variant's stock, or takes some away, by hand (a delivery received,
	 * breakage, a count), and records it with its reason and the member of staff.
	 * @param productId the product the staff member is editing
	 * @param variantId the variant, one of that product's
	 * @param delta units to add (positive) or take away (negative), never 0
	 * @param reason why: one of {@link Reason#staffReasons()}
	 * @param note a free comment, or {@code null}
	 * @param accountId the member of staff
	 * @return the stock after the change, or nothing if it would have gone below zero (or
	 * the variant is not one of the product's): nothing was changed then
	 * @throws IllegalArgumentException if the change is 0 or too large, the note too
	 * long, or the reason not one staff may give
	 */
	@Transactional
	public OptionalInt adjust(long productId, long variantId, int delta, Reason reason, String note, long accountId) {
		return change(productId, variantId, delta, reason, note, accountId, null)
			.map((adjusted) -> OptionalInt.of(adjusted.stockAfter()))
			.orElse(OptionalInt.empty());
	}

	private Optional<Adjusted> change(long productId, long variantId, int delta, Reason reason, String note,
			long accountId, java.util.UUID key) {
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
				UPDATE product_variant SET stock = stock + :delta
				WHERE id = :id AND product_id = :product AND stock + :delta >= 0
				RETURNING stock""")
			.param("delta", delta)
			.param("id", variantId)
			.param("product", productId)
			.query(Integer.class)
			.optional();
		if (stock.isEmpty()) {
			return Optional.empty();
		}
		long movement = record(variantId, delta, stock.get(), reason, note, accountId, null, key);
		return Optional.of(new Adjusted(movement, variantId, delta, stock.get(), reason, false));
	}

	/**
	 * Adjusts a stock like {@link #adjust(long, long, int, Reason, String, long)}, and
	 * tells which movement it wrote; once per idempotency key: the same key sent again by
	 * the same member of staff finds the movement it made and changes nothing. Two
	 * requests with one key at the same instant: the database's unique key lets one
	 * write, and the other's transaction is rolled back ({@code DuplicateKeyException});
	 * the caller then reads the movement made with {@link #madeWith}.
	 * @param productId the product
	 * @param variantId the variant, one of that product's
	 * @param delta units to add or take away
	 * @param reason why, one staff may give
	 * @param note a comment, or {@code null}
	 * @param accountId the member of staff
	 * @param key the client's idempotency key, or {@code null}
	 * @return the movement, made now or before with this key; empty if the stock would
	 * have gone below zero
	 * @throws IllegalArgumentException as the other {@code adjust}, or if another account
	 * used the key
	 */
	@Transactional
	public Optional<Adjusted> adjust(long productId, long variantId, int delta, Reason reason, String note,
			long accountId, java.util.UUID key) {
		Optional<Adjusted> earlier = (key != null) ? madeWith(key, accountId) : Optional.empty();
		if (earlier.isPresent()) {
			return earlier;
		}
		return change(productId, variantId, delta, reason, note, accountId, key);
	}

	/**
	 * Finds the movement a member of staff made with an idempotency key.
	 * @param key the key
	 * @param accountId who sends it again
	 * @return the movement, marked as a replay; empty if the key was never used
	 * @throws IllegalArgumentException if another account used it
	 */
	@Transactional(readOnly = true)
	public Optional<Adjusted> madeWith(java.util.UUID key, long accountId) {
		return this.jdbc.sql("""
				SELECT id, variant_id, delta, stock_after, reason, account_id FROM stock_movement
				WHERE idempotency_key = :key""").param("key", key).query((row, number) -> {
			if (row.getLong("account_id") != accountId) {
				throw new IllegalArgumentException("This idempotency key was used by another account");
			}
			return new Adjusted(row.getLong("id"), row.getLong("variant_id"), row.getInt("delta"),
					row.getInt("stock_after"), Reason.valueOf(row.getString("reason")), true);
		}).optional();
	}

	/**
	 * Finds a stock movement.
	 * @param movementId the movement
	 * @return the movement, if it exists
	 */
	@Transactional(readOnly = true)
	public Optional<Adjusted> movement(long movementId) {
		return this.jdbc.sql("""
				SELECT id, variant_id, delta, stock_after, reason FROM stock_movement WHERE id = :id""")
			.param("id", movementId)
			.query((row, number) -> new Adjusted(row.getLong("id"), row.getLong("variant_id"), row.getInt("delta"),
					row.getInt("stock_after"), Reason.valueOf(row.getString("reason")), false))
			.optional();
	}

	/**
	 * A stock adjustment made.
	 *
	 * @param movementId the stock movement written
	 * @param variantId the variant
	 * @param delta the units added or taken away
	 * @param stockAfter the stock right after it
	 * @param reason why
	 * @param replay whether the key had already made it (nothing changed this time)
	 */
	public record Adjusted(long movementId, long variantId, int delta, int stockAfter, Reason reason, boolean replay) {
	}

	/**
	 * Writes down the stocks a CSV import has just set, in the import's transaction (the
	 * import writes the variants themselves, in one batch).
	 * @param changes the variants whose stock changed, by SKU
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
				INSERT INTO stock_movement (variant_id, delta, stock_after, reason, note)
				SELECT id, :delta, :stock, :reason, 'CSV' FROM product_variant WHERE sku = :sku""", movements);
	}

	/**
	 * Returns the latest changes of the stock of a product's variants, whatever made
	 * them.
	 * @param productId the product
	 * @param limit how many
	 * @return the changes, newest first
	 */
	@Transactional(readOnly = true)
	public List<Movement> history(long productId, int limit) {
		return this.jdbc.sql("""
				SELECT m.created_at, m.delta, m.stock_after, m.reason, m.note, m.account_id, v.sku,
				       coalesce(nullif(concat_ws(' ', a.first_name, a.last_name), ''), a.email) AS staff
				FROM stock_movement m JOIN product_variant v ON v.id = m.variant_id
				LEFT JOIN account a ON a.id = m.account_id
				WHERE v.product_id = :product
				ORDER BY m.created_at DESC, m.id DESC
				LIMIT :limit""").param("product", productId).param("limit", limit).query((row, number) -> {
			long account = row.getLong("account_id");
			Long accountId = row.wasNull() ? null : account;
			return new Movement(row.getTimestamp("created_at").toInstant(), row.getString("sku"), row.getInt("delta"),
					row.getInt("stock_after"), Reason.valueOf(row.getString("reason")), row.getString("note"),
					accountId, row.getString("staff"));
		}).list();
	}

	private long record(long variantId, int delta, int stockAfter, Reason reason, String note, Long accountId,
			Long orderId) {
		return record(variantId, delta, stockAfter, reason, note, accountId, orderId, null);
	}

	private long record(long variantId, int delta, int stockAfter, Reason reason, String note, Long accountId,
			Long orderId, java.util.UUID key) {
		return this.jdbc.sql("""
				INSERT INTO stock_movement (variant_id, delta, stock_after, reason, note, account_id, order_id,
				                            idempotency_key)
				VALUES (:variant, :delta, :after, :reason, :note, :account, :order, :key)
				RETURNING id""")
			.param("variant", variantId)
			.param("delta", delta)
			.param("after", stockAfter)
			.param("reason", reason.name())
			.param("note", note)
			.param("account", accountId)
			.param("order", orderId)
			.param("key", key)
			.query(Long.class)
			.single();
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

		/** Units a customer sent back, received by staff (a return or a withdrawal). */
		RETURN,

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
	 * What an order line keeps of a variant whose units it took.
	 *
	 * @param productId its product
	 * @param name its product's name
	 * @param sku its reference
	 * @param label its option values (« 450 g »), or {@code null} for the one variant of
	 * a product without options
	 * @param priceCents its price, VAT included
	 * @param vatRate its product's VAT rate
	 * @param stockAfter the units left
	 */
	public record Taken(long productId, String name, String sku, String label, int priceCents, BigDecimal vatRate,
			int stockAfter) {
	}

	/**
	 * A stock a CSV import set.
	 *
	 * @param sku the variant
	 * @param delta the change
	 * @param stockAfter the stock set
	 */
	record Imported(String sku, int delta, int stockAfter) {
	}

	/**
	 * A change in the stock of one of a product's variants.
	 *
	 * @param at when
	 * @param sku the variant's reference
	 * @param delta units added (positive) or taken away (negative)
	 * @param stockAfter the stock right after
	 * @param reason why
	 * @param note the comment, or {@code null}
	 * @param accountId the member of staff who made it, or {@code null} for the shop
	 * itself
	 * @param staff their name, or {@code null}
	 */
	public record Movement(Instant at, String sku, int delta, int stockAfter, Reason reason, String note,
			Long accountId, String staff) {

	}

}
