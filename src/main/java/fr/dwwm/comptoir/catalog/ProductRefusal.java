package fr.dwwm.comptoir.catalog;

import fr.dwwm.comptoir.web.FormRefusal;

/**
 * Why the back-office could not save a change to a product or accept one of its pictures:
 * nothing was saved. The field at fault is a property of {@link ProductForm}, or
 * {@code file} for a picture.
 */
class ProductRefusal extends FormRefusal {

	/**
	 * The message of a form sent from a version of the product that is no longer current.
	 */
	public static final String STALE = "admin.products.stale";

	private static final long serialVersionUID = 1L;

	ProductRefusal(String field, String messageKey) {
		super(field, messageKey, false);
	}

	private ProductRefusal() {
		super(null, STALE, true);
	}

	static ProductRefusal stale() {
		return new ProductRefusal();
	}

}
