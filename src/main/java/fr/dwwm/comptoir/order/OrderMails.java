package fr.dwwm.comptoir.order;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import fr.dwwm.comptoir.mail.MailOutbox;
import fr.dwwm.comptoir.system.PublicUrl;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails of an order, queued in the outbox in the order's transaction (so a rolled
 * back order sends nothing): the confirmation with the invoice attached, and the shipment
 * notice with the tracking number. Written in the language the customer shopped in.
 */
@Component
class OrderMails {

	private final JdbcClient jdbc;

	private final MailOutbox outbox;

	private final Invoices invoices;

	private final PublicUrl publicUrl;

	OrderMails(JdbcClient jdbc, MailOutbox outbox, Invoices invoices, PublicUrl publicUrl) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.invoices = invoices;
		this.publicUrl = publicUrl;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void confirmation(long orderId) {
		Map<String, Object> order = order(orderId);
		Locale locale = Locale.forLanguageTag((String) order.get("locale"));
		List<Map<String, Object>> lines = this.jdbc.sql("""
				SELECT product_name || coalesce(' — ' || variant_label, '') AS product_name, quantity,
				       line_total_cents FROM order_line WHERE order_id = :order ORDER BY id""")
			.param("order", orderId)
			.query((row, number) -> Map.<String, Object>of("name", row.getString("product_name"), "quantity",
					row.getInt("quantity"), "total", money(row.getLong("line_total_cents"), locale)))
			.list();
		byte[] pdf = this.invoices.pdf(orderId).orElseThrow();
		long discount = ((Number) order.get("discount_cents")).longValue();
		// Every figure the customer needs to add up to the amount paid: the lines, their
		// total, the discount, the delivery, the total (mail and invoice say the same).
		Map<String, Object> model = new HashMap<>();
		model.put("name", order.get("ship_first_name"));
		model.put("reference", order.get("reference"));
		model.put("lines", lines);
		model.put("items", money(((Number) order.get("items_total_cents")).longValue(), locale));
		model.put("discount", (discount > 0) ? money(discount, locale) : "");
		model.put("promoCode", Objects.toString(order.get("promo_code"), ""));
		model.put("shipping", money(((Number) order.get("shipping_cents")).longValue(), locale));
		model.put("shippingMethod", order.get("shipping_method_name"));
		model.put("total", money(((Number) order.get("total_cents")).longValue(), locale));
		model.put("ordersUrl",
				Boolean.TRUE.equals(order.get("customer")) ? this.publicUrl.link("/account/orders") : "");
		// The file is named by the invoice's number, as the one downloaded from the
		// order.
		this.outbox.enqueue((String) order.get("email"), "order-confirmation", model, locale,
				Invoices.number(((Number) order.get("invoice_year")).intValue(),
						((Number) order.get("invoice_number")).intValue()) + ".pdf",
				pdf);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void shipped(long orderId) {
		Map<String, Object> order = order(orderId);
		if (order.get("email") == null) {
			return; // anonymised
		}
		Locale locale = Locale.forLanguageTag((String) order.get("locale"));
		this.outbox.enqueue((String) order.get("email"), "order-shipped",
				Map.of("name", order.get("ship_first_name"), "reference", order.get("reference"), "trackingNumber",
						order.get("tracking_number"), "shippingMethod", order.get("shipping_method_name")),
				locale);
	}

	/**
	 * Tells the customer where their return or refund stands: one template
	 * ({@code mail/after-sale}) whose subject and text are {@code mail.<step>.subject}
	 * and {@code mail.<step>.text}.
	 * @param orderId the order
	 * @param step e.g. {@code return-requested}, {@code credit-note}
	 * @param detail a second line (a staff note, an amount), or {@code null}
	 * @param attachmentName the attachment's file name, or {@code null}
	 * @param attachment the attachment (a credit note), or {@code null}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void afterSale(long orderId, String step, String detail, String attachmentName, byte[] attachment) {
		Map<String, Object> order = order(orderId);
		if (order.get("email") == null) {
			return; // anonymised
		}
		Locale locale = Locale.forLanguageTag((String) order.get("locale"));
		Map<String, Object> model = new java.util.HashMap<>();
		model.put("name", order.get("ship_first_name"));
		model.put("reference", order.get("reference"));
		model.put("step", step);
		model.put("detail", detail);
		model.put("orderUrl", Boolean.TRUE.equals(order.get("customer"))
				? this.publicUrl.link("/account/orders/" + order.get("reference")) : "");
		this.outbox.enqueueWithSubject((String) order.get("email"), "after-sale", "mail." + step + ".subject", model,
				locale, attachmentName, attachment);
	}

	/**
	 * Formats an amount for a mail in the customer's language.
	 * @param cents euro cents
	 * @param orderId the order, whose language is used
	 * @return e.g. {@code 12,50 €}
	 */
	String money(long cents, long orderId) {
		return money(cents, Locale.forLanguageTag((String) order(orderId).get("locale")));
	}

	private Map<String, Object> order(long orderId) {
		return this.jdbc.sql("""
				SELECT o.reference, o.email, o.locale, o.ship_first_name, o.items_total_cents, o.discount_cents,
				       o.promo_code, o.shipping_cents, o.total_cents, o.shipping_method_name, o.tracking_number,
				       o.account_id IS NOT NULL AS customer,
				       i.year AS invoice_year, i.number AS invoice_number
				FROM customer_order o LEFT JOIN invoice i ON i.order_id = o.id WHERE o.id = :id""")
			.param("id", orderId)
			.query()
			.singleRow();
	}

	private static String money(long cents, Locale locale) {
		NumberFormat format = NumberFormat
			.getCurrencyInstance("en".equals(locale.getLanguage()) ? Locale.UK : Locale.FRANCE);
		format.setCurrency(Currency.getInstance("EUR"));
		return format.format(BigDecimal.valueOf(cents, 2));
	}

}
