package fr.dwwm.comptoir.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the JSON API ({@code /api/**}) that the pages' JavaScript calls:
 * its errors are answered as RFC 9457 problem details by {@link ApiErrors}, never as HTML
 * pages.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonApi {

}
