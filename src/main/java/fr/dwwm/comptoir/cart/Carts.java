package fr.dwwm.comptoir.cart;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

import fr.dwwm.comptoir.module.api.ShopEvent;
import fr.dwwm.comptoir.system.ClusterLock;
import fr.dwwm.comptoir.web.VisitorCart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carts in the database, for guests and customers alike: a guest's cart is found through
 * the id kept in their session, a customer's through their account. Prices and stock are
 * always the catalog's current ones when the cart is shown (read with it, or in a cart
 * page the page cache serves only while the storefront's content version is unchanged).
 *
 * <p>
 * The cart of a page's header ({@link #openCartOf}, {@link #count}) is read on every page
 * a shopper with a cart sees, and the contents of a guest's cart ({@link #contents}) each
 * time the page cache serves them their cart page, in one statement each, which
 * PostgreSQL answers from one snapshot by itself: these reads open no transaction (a
 * {@code COMMIT} and an entity manager less per page). The other reads, made once per
 * cart or checkout page, and every write keep theirs.
 */
@Service
public class Carts {

	/** Most units of one variant in a cart. */
	public static final int MAX_QUANTITY = 99;

	private static final Logger logger = LoggerFactory.getLogger(Carts.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final ClusterLock clusterLock;

	Carts(JdbcClient jdbc, ApplicationEventPublisher events, ClusterLock clusterLock) {
		this.events = events;
		this.jdbc = jdbc;
		this.clusterLock = clusterLock;
	}

	/**
	 * Deletes, with their lines, the guests' carts untouched for 30 days. A guest's cart
	 * is reached only through the id kept in their session, which lasts 8 hours at most:
	 * such a cart is one nobody can open any more. A customer's cart stays with their
	 * account; an order keeps its own lines (its {@code cart_id} becomes {@code NULL}).
	 * Once a day, on one instance of the shop at a time.
	 */
	@Scheduled(cron = "${app.retention.cron:0 30 3 * * *}")
	public void purgeDaily() {
		this.clusterLock.runAlone("retention:guest-carts", () -> {
			int deleted = this.jdbc
				.sql("DELETE FROM cart WHERE account_id IS NULL AND updated_at < now() - interval '30 days'")
				.update();
			if (deleted > 0) {
				logger.info("Retention: {} guest carts untouched for 30 days deleted", deleted);
			}
		});
	}

	/**
	 * Returns the open cart of an account, if it has one.
	 * @param accountId the account
	 * @return the cart id
	 */
	public Optional<Long> openCartOf(long accountId) {
		return this.jdbc.sql("SELECT id FROM cart WHERE account_id = :account AND checked_out_at IS NULL")
			.param("account", accountId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Tells whether a guest cart can still be used (it exists and was not ordered).
	 * @param cartId the id from the session
	 * @return whether it is an open guest cart
	 */
	@Transactional(readOnly = true)
	public boolean isOpenGuestCart(long cartId) {
		return this.jdbc
			.sql("SELECT count(*) FROM cart WHERE id = :id AND account_id IS NULL AND checked_out_at IS NULL")
			.param("id", cartId)
			.query(Integer.class)
			.single() == 1;
	}

	/**
	 * Closes a cart whose order is paid, in the order's transaction: it is no longer the
	 * visitor's open cart, and stays in the database with the order.
	 * @param cartId the cart
	 * @param at when the order was paid
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void checkOut(long cartId, Instant at) {
		this.jdbc.sql("UPDATE cart SET checked_out_at = :at WHERE id = :cart")
			.param("at", Timestamp.from(at))
			.param("cart", cartId)
			.update();
	}

	/**
	 * Moves a guest's cart into a customer's: quantities of the same variant add up
	 * (within {@value #MAX_QUANTITY}), and the guest cart disappears. When the customer
	 * has no open cart, the guest cart simply becomes theirs.
	 * @param guestCartId the cart of the session before login
	 * @param accountId the customer who logged in
	 */
	@Transactional
	public void mergeGuestCart(long guestCartId, long accountId) {
		if (!isOpenGuestCart(guestCartId)) {
			return;
		}
		Optional<Long> open = openCartOf(accountId);
		if (open.isEmpty()) {
			this.jdbc.sql("UPDATE cart SET account_id = :account WHERE id = :cart")
				.param("account", accountId)
				.param("cart", guestCartId)
				.update();
			return;
		}
		// The code the guest applied just now wins over one kept from an older visit.
		this.jdbc.sql("""
				UPDATE cart SET promo_code = coalesce((SELECT promo_code FROM cart WHERE id = :guest), promo_code)
				WHERE id = :target""").param("guest", guestCartId).param("target", open.get()).update();
		this.jdbc.sql("""
				INSERT INTO cart_line (cart_id, variant_id, quantity, added_at)
				SELECT :target, variant_id, quantity, added_at FROM cart_line WHERE cart_id = :guest
				ON CONFLICT (cart_id, variant_id)
				DO UPDATE SET quantity = least(cart_line.quantity + excluded.quantity, :max)""")
			.param("target", open.get())
			.param("guest", guestCartId)
			.param("max", MAX_QUANTITY)
			.update();
		this.jdbc.sql("DELETE FROM cart WHERE id = :cart").param("cart", guestCartId).update();
	}

	/**
	 * The promotion code applied to a cart at the checkout, kept until it is removed or
	 * no longer applies.
	 * @param cartId the cart
	 * @return the code, if one is kept
	 */
	@Transactional(readOnly = true)
	public Optional<String> promoCode(long cartId) {
		return this.jdbc.sql("SELECT promo_code FROM cart WHERE id = :cart AND promo_code IS NOT NULL")
			.param("cart", cartId)
			.query(String.class)
			.optional();
	}

	/**
	 * Keeps the promotion code that applies to a cart, or forgets it; writes only if it
	 * changes.
	 * @param cartId the cart
	 * @param code the code, upper case, or {@code null} to forget it
	 */
	@Transactional
	public void keepPromoCode(long cartId, String code) {
		this.jdbc.sql("UPDATE cart SET promo_code = :code WHERE id = :cart AND promo_code IS DISTINCT FROM :code")
			.param("code", code)
			.param("cart", cartId)
			.update();
	}

	/**
	 * Creates an empty cart.
	 * @param accountId its owner, or {@code null} for a guest
	 * @return the new cart's id
	 */
	@Transactional
	public long create(Long accountId) {
		return this.jdbc.sql("INSERT INTO cart (account_id) VALUES (:account) RETURNING id")
			.param("account", accountId)
			.query(Long.class)
			.single();
	}

	/**
	 * Adds units of a variant of a published product, never beyond the stock nor
	 * {@value #MAX_QUANTITY}.
	 * @param cartId the cart
	 * @param variantId the variant (« déclinaison ») of a product
	 * @param quantity units to add, at least 1
	 * @return what happened, for the message shown to the visitor
	 */
	@Transactional
	public Addition add(long cartId, long variantId, int quantity) {
		return adjust(cartId, variantId, (current) -> current + quantity);
	}

	/**
	 * Changes the quantity of a line to a new value, within the same limits as
	 * {@link #add}.
	 * @param cartId the cart
	 * @param variantId the variant (« déclinaison ») of a product
	 * @param quantity the wanted quantity, at least 1
	 * @return what happened, for the message shown to the visitor
	 */
	@Transactional
	public Addition change(long cartId, long variantId, int quantity) {
		return adjust(cartId, variantId, (current) -> quantity);
	}

	private Addition adjust(long cartId, long variantId, IntUnaryOperator wanted) {
		Optional<Integer> stock = this.jdbc.sql("""
				SELECT v.stock FROM product_variant v JOIN product p ON p.id = v.product_id
				WHERE v.id = :id AND v.active AND p.active""").param("id", variantId).query(Integer.class).optional();
		int current = this.jdbc
			.sql("SELECT coalesce(max(quantity), 0) FROM cart_line WHERE cart_id = :cart AND variant_id = :product")
			.param("cart", cartId)
			.param("product", variantId)
			.query(Integer.class)
			.single();
		if (stock.isEmpty()) {
			return new Addition(Addition.Outcome.UNKNOWN_PRODUCT, current);
		}
		int limit = Math.min(stock.get(), MAX_QUANTITY);
		if (limit == 0) {
			return new Addition(Addition.Outcome.OUT_OF_STOCK, current);
		}
		int asked = wanted.applyAsInt(current);
		int quantity = Math.min(asked, limit);
		setQuantity(cartId, variantId, quantity);
		return new Addition((asked > limit) ? Addition.Outcome.LIMITED : Addition.Outcome.ADDED, quantity);
	}

	/**
	 * Sets the quantity of a line; zero removes it.
	 * @param cartId the cart
	 * @param variantId the variant (« déclinaison ») of a product
	 * @param quantity the new quantity, from 0 to {@value #MAX_QUANTITY}
	 */
	@Transactional
	public void setQuantity(long cartId, long variantId, int quantity) {
		if (quantity <= 0) {
			this.jdbc.sql("DELETE FROM cart_line WHERE cart_id = :cart AND variant_id = :product")
				.param("cart", cartId)
				.param("product", variantId)
				.update();
		}
		else {
			this.jdbc.sql("""
					INSERT INTO cart_line (cart_id, variant_id, quantity) VALUES (:cart, :product, :quantity)
					ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = excluded.quantity""")
				.param("cart", cartId)
				.param("product", variantId)
				.param("quantity", Math.min(quantity, MAX_QUANTITY))
				.update();
		}
		this.jdbc.sql("UPDATE cart SET updated_at = now() WHERE id = :cart").param("cart", cartId).update();
		this.events.publishEvent(new ShopEvent.CartChanged(cartId, productOf(variantId), Math.max(0, quantity)));
	}

	/**
	 * Reads a cart with current prices and stock, in one query.
	 * @param cartId the cart
	 * @return its lines
	 */
	@Transactional(readOnly = true)
	public CartView view(long cartId) {
		List<CartLine> lines = this.jdbc
			.sql("""
					SELECT v.id, p.id AS product_id, p.slug, p.name, variant_label(v.id) AS label, v.price_cents, p.vat_rate,
					       l.quantity, v.stock, p.active AND v.active AS available, coalesce(v.weight_grams, 0) AS weight,
					       (SELECT i.file_name FROM product_image i
					        WHERE i.product_id = p.id AND (i.variant_id IS NULL OR i.variant_id = v.id)
					        ORDER BY i.variant_id IS NULL, i.position, i.id LIMIT 1) AS image
					FROM cart_line l JOIN product_variant v ON v.id = l.variant_id JOIN product p ON p.id = v.product_id
					WHERE l.cart_id = :cart
					ORDER BY l.added_at, v.id""")
			.param("cart", cartId)
			.query((row, number) -> new CartLine(row.getLong("id"), row.getLong("product_id"), row.getString("slug"),
					row.getString("name"), row.getString("label"), row.getInt("price_cents"),
					row.getBigDecimal("vat_rate"), row.getInt("quantity"), row.getInt("stock"),
					row.getBoolean("available"), row.getString("image"), row.getInt("weight")))
			.list();
		return new CartView(lines);
	}

	private long productOf(long variantId) {
		return this.jdbc.sql("SELECT product_id FROM product_variant WHERE id = :id")
			.param("id", variantId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Counts the units in a cart, for the badge in the header.
	 * @param cartId the cart
	 * @return sum of quantities
	 */
	public int count(long cartId) {
		return this.jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM cart_line WHERE cart_id = :cart")
			.param("cart", cartId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Reads what a cart holds, as its page depends on it: each line's variant and
	 * quantity, in the order {@link #view} lists them, and the units (in one statement,
	 * without a transaction, like {@link #count}).
	 * @param cartId the cart
	 * @return its contents, {@link VisitorCart.Contents#EMPTY} when it has no line
	 */
	public VisitorCart.Contents contents(long cartId) {
		return this.jdbc
			.sql("""
					SELECT coalesce(string_agg(variant_id || 'x' || quantity, ',' ORDER BY added_at, variant_id), '') AS lines,
					       coalesce(sum(quantity), 0) AS units
					FROM cart_line WHERE cart_id = :cart""")
			.param("cart", cartId)
			.query((row, number) -> new VisitorCart.Contents(row.getString("lines"), row.getInt("units")))
			.single();
	}

	/**
	 * The result of adding a product to a cart.
	 *
	 * @param outcome what happened
	 * @param quantity the line's quantity afterwards
	 */
	public record Addition(Outcome outcome, int quantity) {

		/** What adding a product did. */
		public enum Outcome {

			/** Added as asked. */
			ADDED,
			/** Added up to the stock (or the per-line maximum) only. */
			LIMITED,
			/** Nothing added: no unit left. */
			OUT_OF_STOCK,
			/** Nothing added: the product is not sold. */
			UNKNOWN_PRODUCT

		}

	}

}
