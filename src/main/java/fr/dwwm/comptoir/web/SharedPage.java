package fr.dwwm.comptoir.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page that is the same for every visitor without a session (not logged in,
 * nothing in the cart): what it shows depends only on its address, its language and the
 * storefront's content. {@link PageCache} may keep its HTML and serve it again
 * ({@link SharedPageInterceptor} tells it which pages are marked).
 *
 * <p>
 * Put it only on pages that read nothing personal: the home page, the catalogue, a
 * product, a search, an editor's page. What must happen on every view (a product viewed,
 * for the modules) goes through {@link EveryViewEvents#publish(Object)}.
 *
 * <p>
 * A page that shows the visitor's cart (the cart page) is marked {@link #perCart()}: it
 * depends on the cart's contents too, and is kept once per contents.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SharedPage {

	/**
	 * Whether the page shows the lines of the visitor's cart: then it is kept once per
	 * cart contents ({@link VisitorCart#contents}: each line's variant and quantity) and
	 * served only to guests whose cart holds exactly the same, never left for a browser
	 * to keep.
	 * @return whether the page depends on the cart's contents
	 */
	boolean perCart() default false;

}
