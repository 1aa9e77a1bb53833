package fr.dwwm.comptoir.web;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.Validator;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns the Bean Validation constraints of a form object into the HTML attributes the
 * browser checks ({@code required}, {@code maxlength}, {@code min}, {@code pattern}...)
 * and the messages {@code form-validation.js} shows, so the page's checks mirror the
 * server's rules and words instead of repeating them by hand. The server still validates
 * everything: these attributes only spare a round trip. Templates call it as
 * {@code th:required="${@constraints.required(#object, 'email')}"}.
 */
@Component("constraints")
public class FormConstraints {

	/**
	 * Patterns the browser can check as written: a {@code pattern} attribute is compiled
	 * with JavaScript's {@code v} flag, where brackets, parentheses and dashes inside a
	 * class need escaping. Others are left to the server.
	 */
	private static final Pattern PORTABLE_PATTERN = Pattern.compile("[A-Za-z0-9\\[\\]{},|]*");

	private static final List<Class<? extends Annotation>> REQUIRING = List.of(NotBlank.class, NotEmpty.class,
			NotNull.class, AssertTrue.class);

	private final Validator validator;

	private final MessageSource messages;

	FormConstraints(Validator validator, MessageSource messages) {
		this.validator = validator;
		this.messages = messages;
	}

	/**
	 * Tells whether a field must be filled in.
	 * @param form the form object
	 * @param field the property name
	 * @return whether it is {@code @NotBlank}, {@code @NotNull}, {@code @NotEmpty} or
	 * {@code @AssertTrue}
	 */
	public boolean required(Object form, String field) {
		return constraints(form, field).stream().anyMatch((c) -> REQUIRING.contains(type(c)));
	}

	/**
	 * Returns the longest text a field accepts.
	 * @param form the form object
	 * @param field the property name
	 * @return {@code @Size(max)}, or {@code null} for no limit
	 */
	public Integer maxLength(Object form, String field) {
		return attribute(form, field, Size.class, "max").map(Integer.class::cast)
			.filter((max) -> max != Integer.MAX_VALUE)
			.orElse(null);
	}

	/**
	 * Returns the shortest text a field accepts.
	 * @param form the form object
	 * @param field the property name
	 * @return {@code @Size(min)}, or {@code null} for none
	 */
	public Integer minLength(Object form, String field) {
		return attribute(form, field, Size.class, "min").map(Integer.class::cast).filter((min) -> min > 0).orElse(null);
	}

	/**
	 * Returns the smallest number a field accepts.
	 * @param form the form object
	 * @param field the property name
	 * @return {@code @Min}, or {@code null}
	 */
	public Long min(Object form, String field) {
		return attribute(form, field, Min.class, "value").map(Long.class::cast).orElse(null);
	}

	/**
	 * Returns the largest number a field accepts.
	 * @param form the form object
	 * @param field the property name
	 * @return {@code @Max}, or {@code null}
	 */
	public Long max(Object form, String field) {
		return attribute(form, field, Max.class, "value").map(Long.class::cast).orElse(null);
	}

	/**
	 * Returns the pattern a field must match, when the browser can check it as written.
	 * @param form the form object
	 * @param field the property name
	 * @return {@code @Pattern(regexp)}, or {@code null}
	 */
	public String pattern(Object form, String field) {
		return attribute(form, field, jakarta.validation.constraints.Pattern.class, "regexp").map(String.class::cast)
			.filter((regexp) -> PORTABLE_PATTERN.matcher(regexp).matches())
			.orElse(null);
	}

	/**
	 * Returns the message the server gives when a required field is empty.
	 * @param form the form object
	 * @param field the property name
	 * @return the translated message, or {@code null} if the field is optional
	 */
	public String requiredMessage(Object form, String field) {
		return constraints(form, field).stream()
			.filter((c) -> REQUIRING.contains(type(c)))
			.findFirst()
			.map(this::message)
			.orElse(null);
	}

	/**
	 * Returns the message the server gives when a filled-in field is invalid (format,
	 * length, range).
	 * @param form the form object
	 * @param field the property name
	 * @return the translated message, or {@code null} if only presence is checked
	 */
	public String invalidMessage(Object form, String field) {
		return constraints(form, field).stream()
			.filter((c) -> !REQUIRING.contains(type(c)))
			.sorted((a, b) -> Boolean.compare(type(b) == Email.class, type(a) == Email.class))
			.findFirst()
			.map(this::message)
			.orElse(null);
	}

	private List<ConstraintDescriptor<?>> constraints(Object form, String field) {
		if (form == null) {
			return List.of();
		}
		int dot = field.indexOf('.');
		if (dot > 0) {
			// A field of a nested form (billing.postalCode): the constraints of its own
			// class.
			return constraints(new BeanWrapperImpl(form).getPropertyValue(field.substring(0, dot)),
					field.substring(dot + 1));
		}
		PropertyDescriptor property = this.validator.getConstraintsForClass(form.getClass())
			.getConstraintsForProperty(field);
		return (property != null) ? List.copyOf(property.getConstraintDescriptors()) : List.of();
	}

	private Optional<Object> attribute(Object form, String field, Class<? extends Annotation> type, String name) {
		return constraints(form, field).stream()
			.filter((c) -> type(c) == type)
			.findFirst()
			.map((c) -> c.getAttributes().get(name));
	}

	private String message(ConstraintDescriptor<?> constraint) {
		String template = constraint.getMessageTemplate();
		Locale locale = LocaleContextHolder.getLocale();
		if (template.startsWith("{") && template.endsWith("}")) {
			// The shop's validation messages take no argument (and so keep single
			// apostrophes, which MessageFormat would swallow).
			return this.messages.getMessage(template.substring(1, template.length() - 1), null, template, locale);
		}
		return template;
	}

	private static Class<? extends Annotation> type(ConstraintDescriptor<?> constraint) {
		return constraint.getAnnotation().annotationType();
	}

}
