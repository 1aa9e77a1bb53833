package fr.dwwm.comptoir.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose pages are private (the back office, the account area, the cart
 * and the checkout): none of them belongs in a search engine, so each carries
 * {@code <meta name="robots" content="noindex">} ({@link NoIndexAdvice}) instead of every
 * handler setting it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NoIndex {

}
