package fr.dwwm.comptoir.catalog;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock changed by hand in the back-office (a delivery received, breakage, a count), each
 * change written to the product's stock history with its reason and the member of staff
 * who made it.
 *
 * <p>
 * The stock is changed by one conditional update that never takes it below zero, even
 * when an order takes units at the same moment: there is no read-then-write window.
 */
@Service
public class StockAdjustments {

	/** Largest change one adjustment may make, either way. */
	public static final int MAX_DELTA = 100_000;

	/** Longest note the history keeps. */
	public static final int MAX_NOTE = 500;

	private final JdbcClient jdbc;

	StockAdjustments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds units to a product's stock, or takes some away, and records it.
	 * @param productId the product
	 * @param delta units to add (positive) or take away (negative), never 0
	 * @param reason why
	 * @param note a free comment, or {@code null}
	 * @param accountId the member of staff
	 * @return the stock after the change, or nothing if it would have gone below zero (or
	 * the product does not exist): nothing was changed then
	 * @throws IllegalArgumentException if the change is 0 or too large, or the note too
	 * long
	 */
	@Transactional
	public OptionalInt adjust(long productId, int delta, Reason reason, String note, long accountId) {
		if (delta == 0 || delta < -MAX_DELTA || delta > MAX_DELTA) {
			throw new IllegalArgumentException("A stock change is between 1 and " + MAX_DELTA + " units");
		}
		if (note != null && note.length() > MAX_NOTE) {
			throw new IllegalArgumentException("A stock note is at most " + MAX_NOTE + " characters");
		}
		var stock = this.jdbc.sql("""
				UPDATE product SET stock = stock + :delta
				WHERE id = :id AND stock + :delta >= 0
				RETURNING stock""").param("delta", delta).param("id", productId).query(Integer.class).optional();
		if (stock.isEmpty()) {
			return OptionalInt.empty();
		}
		this.jdbc.sql("""
				INSERT INTO stock_movement (product_id, delta, stock_after, reason, note, account_id)
				VALUES (:product, :delta, :after, :reason, :note, :account)""")
			.param("product", productId)
			.param("delta", delta)
			.param("after", stock.get())
			.param("reason", reason.name())
			.param("note", note)
			.param("account", accountId)
			.update();
		return OptionalInt.of(stock.get());
	}

	/**
	 * Returns the latest changes of a product's stock, whatever made them (orders,
	 * cancellations, adjustments).
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
					row.getInt("stock_after"), row.getString("reason"), row.getString("note"), accountId,
					row.getString("staff"));
		}).list();
	}

	/**
	 * Why staff change a stock by hand.
	 */
	public enum Reason {

		/** A correction: goods received, broken, lost. */
		ADJUSTMENT,

		/** The difference found by counting the shelf. */
		INVENTORY

	}

	/**
	 * A change in a product's stock.
	 *
	 * @param at when
	 * @param delta units added (positive) or taken away (negative)
	 * @param stockAfter the stock right after
	 * @param reason {@code ORDER}, {@code CANCELLATION}, {@code REFUND},
	 * {@code ADJUSTMENT}, {@code INVENTORY} or {@code IMPORT}
	 * @param note the comment, or {@code null}
	 * @param accountId the member of staff who made it, or {@code null} for the shop
	 * itself
	 * @param staff their name, or {@code null}
	 */
	public record Movement(Instant at, int delta, int stockAfter, String reason, String note, Long accountId,
			String staff) {

	}

}
