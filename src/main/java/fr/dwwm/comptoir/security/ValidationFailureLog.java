package fr.dwwm.comptoir.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Logs the input a form or a JSON body sent and the rules it declares refused (C17, ASVS
 * 16.3.3): one line per refused object with the request ({@code POST /register}), the
 * object, each field with the rule it broke ({@code email:Email},
 * {@code quantity:typeMismatch}, {@code password:password.too-short}), the account
 * ({@code anonymous} without one) and the address. Never a value: the field may be a
 * password, a card number or an address, and what an attacker typed must not reach the
 * log either.
 *
 * <p>
 * It is one more validator given to every data binder, after the declared rules (Jakarta
 * Bean Validation) and the conversions: it only notes the binder's result, and the line
 * is written when the request completes, so that it also holds the refusals the
 * controller added afterwards (the password policy, a postal code of another country, a
 * name already taken). It sees every {@code @Valid} object of every controller, whether
 * the page is shown again or the answer is a redirect or a JSON problem; a controller
 * that validates by hand hands its result to {@link #watch(Errors)}. Logged at
 * {@code INFO}: most are typing mistakes; a run of them from one address is what this
 * line lets an operator see.
 */
@ControllerAdvice
public class ValidationFailureLog {

	private static final Logger logger = LoggerFactory.getLogger(ValidationFailureLog.class);

	private static final Validator LOGGING = new Validator() {

		@Override
		public boolean supports(Class<?> type) {
			return true;
		}

		@Override
		public void validate(Object target, Errors errors) {
			watch(errors);
		}

	};

	/**
	 * Adds the logging validator to a binder. A form's object is often made after this
	 * (from the request, by its constructor), so no target is required here; a binder
	 * that only converts a parameter never validates.
	 * @param binder the binder of one argument
	 */
	@InitBinder
	void logRefusals(WebDataBinder binder) {
		binder.addValidators(LOGGING);
	}

	/**
	 * Logs the refusals these errors hold when the current request completes, those found
	 * so far and those added until then.
	 * @param errors the result of a validation
	 */
	public static void watch(Errors errors) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			record(errors, "", null, account());
			return;
		}
		HttpServletRequest current = attributes.getRequest();
		String request = current.getMethod() + " " + AuditLog.oneLine(current.getRequestURI());
		String ip = current.getRemoteAddr();
		String account = account();
		attributes.registerDestructionCallback(
				ValidationFailureLog.class.getName() + "." + System.identityHashCode(errors),
				() -> record(errors, request, ip, account), RequestAttributes.SCOPE_REQUEST);
	}

	private static String account() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Long accountId = (authentication != null) ? SecurityAudit.accountId(authentication) : null;
		return (accountId != null) ? accountId.toString() : "anonymous";
	}

	private static void record(Errors errors, String request, String ip, String account) {
		if (!errors.hasErrors()) {
			return;
		}
		List<String> rules = new ArrayList<>();
		for (ObjectError error : errors.getAllErrors()) {
			String where = (error instanceof FieldError field) ? field.getField() : error.getObjectName();
			rules.add(AuditLog.oneLine(where) + ":" + error.getCode());
		}
		logger.atInfo()
			.addKeyValue("request", request)
			.addKeyValue("object", errors.getObjectName())
			.addKeyValue("rules", rules)
			.addKeyValue("account", account)
			.addKeyValue("ip", ip)
			.log("Input refused by validation: {} {} {} account={} ip={}", request, errors.getObjectName(), rules,
					account, ip);
	}

}
