package fr.dwwm.comptoir.test;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;

/**
 * The checkout form filled in like a person would, for the tests that place orders
 * through HTTP.
 */
public final class CheckoutForm {

	private CheckoutForm() {
	}

	/**
	 * Fills the checkout form: the page's own token, key and total, a Paris address, the
	 * shipping method the page chose, the terms accepted and the demo card that is always
	 * accepted.
	 * @param page the checkout page as the shop served it
	 * @param email the guest's address, or {@code null} for a signed-in customer
	 * @return the fields, in the form's order
	 */
	public static Map<String, String> filled(Document page, String email) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String hidden : new String[] { "_csrf", "idempotencyKey", "expectedTotalCents" }) {
			fields.put(hidden, page.select("input[name=" + hidden + "]").val());
		}
		if (email != null) {
			fields.put("email", email);
		}
		fields.put("addressId", "");
		fields.put("firstName", "Camille");
		fields.put("lastName", "Martin");
		fields.put("line1", "8 rue des Lilas");
		fields.put("postalCode", "75011");
		fields.put("city", "Paris");
		fields.put("country", "FR");
		fields.put("shippingMethod", page.select("input[name=shippingMethod][checked]").val());
		fields.put("acceptTerms", "true");
		fields.put("cardHolder", "Camille Martin");
		fields.put("cardNumber", "4242 4242 4242 4242");
		fields.put("cardExpiry", "12/39");
		fields.put("cardCode", "123");
		fields.put("intent", "order");
		return fields;
	}

}
