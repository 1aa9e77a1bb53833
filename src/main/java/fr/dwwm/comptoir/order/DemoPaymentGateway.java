package fr.dwwm.comptoir.order;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A simulated card provider for the demo and the tests, with the checks a real one makes
 * before asking the bank: the number's length and Luhn check digit, the expiry date, the
 * security code. The documented test cards (as providers publish theirs):
 *
 * <ul>
 * <li>{@code 4242 4242 4242 4242}: accepted;</li>
 * <li>{@code 4000 0000 0000 0002}: refused by the bank;</li>
 * <li>{@code 4000 0000 0000 9995}: insufficient funds;</li>
 * <li>any other valid number: accepted.</li>
 * </ul>
 * Any future expiry date and any 3-digit code will do. Only a reference and the last four
 * digits come back; the number and the code are forgotten as soon as this method returns.
 *
 * <p>
 * Like a real provider, it remembers its answer for each order reference, so that
 * {@link #find(String)} can tell the shop what became of a charge whose answer the shop
 * could not record, and its refunds by their idempotency key: the same key sent twice
 * refunds once, and a payment is never refunded beyond what it took. Unlike a real
 * provider, it remembers them in memory only (the last 10,000, lost when the shop stops;
 * a payment it does not remember, such as the demo data's, is refunded without that
 * check).
 */
@Component
@ConditionalOnProperty(name = "app.payment.provider", havingValue = "demo", matchIfMissing = true)
class DemoPaymentGateway implements PaymentGateway {

	private static final Logger logger = LoggerFactory.getLogger(DemoPaymentGateway.class);

	static final String ACCEPTED = "4242424242424242";

	static final String REFUSED = "4000000000000002";

	static final String INSUFFICIENT_FUNDS = "4000000000009995";

	private static final Map<String, PaymentResult.Outcome> TEST_CARDS = Map.of(REFUSED, PaymentResult.Outcome.REFUSED,
			INSUFFICIENT_FUNDS, PaymentResult.Outcome.INSUFFICIENT_FUNDS);

	private static final Pattern EXPIRY = Pattern.compile("(0[1-9]|1[0-2])\\s*/\\s*([0-9]{2})");

	private static final int REMEMBERED = 10_000;

	private final Clock clock;

	/** The answers given, by order reference, oldest first. */
	private final Map<String, PaymentResult> answers = remembered();

	/** The refunds made, by the shop's idempotency key. */
	private final Map<String, RefundResult> refunds = remembered();

	/** What is left to refund of each payment, by the provider's reference. */
	private final Map<String, Long> refundable = remembered();

	DemoPaymentGateway(Clock clock) {
		this.clock = clock;
	}

	@Override
	public String name() {
		return "demo";
	}

	@Override
	public PaymentResult charge(CardPayment payment) {
		String number = (payment.cardNumber() != null) ? payment.cardNumber().replaceAll("[\\s-]", "") : "";
		if (!number.matches("[0-9]{13,19}") || !luhn(number)) {
			return new PaymentResult(PaymentResult.Outcome.INVALID_NUMBER, null, null, null);
		}
		if (!notExpired(payment.expiry())) {
			return new PaymentResult(PaymentResult.Outcome.EXPIRED, null, null, null);
		}
		if (payment.securityCode() == null || !payment.securityCode().strip().matches("[0-9]{3,4}")) {
			return new PaymentResult(PaymentResult.Outcome.INVALID_CODE, null, null, null);
		}
		String last4 = number.substring(number.length() - 4);
		String reference = "demo_" + UUID.randomUUID().toString().replace("-", "");
		PaymentResult.Outcome outcome = TEST_CARDS.getOrDefault(number, PaymentResult.Outcome.SUCCEEDED);
		logger.info("Demo payment {} for order {}: {} ({} cents, card ending {})", reference, payment.orderReference(),
				outcome, payment.amountCents(), last4);
		PaymentResult result = new PaymentResult(outcome, reference, last4, brand(number));
		this.answers.put(payment.orderReference(), result);
		if (outcome == PaymentResult.Outcome.SUCCEEDED) {
			this.refundable.put(reference, payment.amountCents());
		}
		return result;
	}

	@Override
	public Optional<PaymentResult> find(String orderReference) {
		return Optional.ofNullable(this.answers.get(orderReference));
	}

	@Override
	public synchronized RefundResult refund(CardRefund refund) {
		RefundResult earlier = this.refunds.get(refund.idempotencyKey());
		if (earlier != null) {
			return earlier;
		}
		Long left = this.refundable.get(refund.paymentReference());
		RefundResult result;
		if (refund.amountCents() <= 0 || (left != null && refund.amountCents() > left)) {
			result = RefundResult.refused("amount exceeds what is left of the payment");
		}
		else {
			if (left != null) {
				this.refundable.put(refund.paymentReference(), left - refund.amountCents());
			}
			result = RefundResult.refunded("demo_re_" + UUID.randomUUID().toString().replace("-", ""));
		}
		logger.info("Demo refund of {} cents on payment {}: {}", refund.amountCents(), refund.paymentReference(),
				result.succeeded() ? result.providerReference() : result.failureReason());
		this.refunds.put(refund.idempotencyKey(), result);
		return result;
	}

	@Override
	public Optional<RefundResult> findRefund(String idempotencyKey) {
		return Optional.ofNullable(this.refunds.get(idempotencyKey));
	}

	private static <V> Map<String, V> remembered() {
		return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > REMEMBERED;
			}

		});
	}

	/**
	 * The Luhn check digit (ISO/IEC 7812): catches a mistyped digit and most swapped
	 * pairs before the bank is asked.
	 * @param digits the card number, digits only
	 * @return whether the check digit is right
	 */
	static boolean luhn(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	private boolean notExpired(String expiry) {
		Matcher matcher = EXPIRY.matcher((expiry != null) ? expiry.strip() : "");
		if (!matcher.matches()) {
			return false;
		}
		YearMonth card = YearMonth.of(2000 + Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(1)));
		return !card.isBefore(YearMonth.now(this.clock));
	}

	private static String brand(String number) {
		if (number.startsWith("4")) {
			return "VISA";
		}
		if (number.matches("5[1-5].*|2[2-7].*")) {
			return "MASTERCARD";
		}
		return (number.startsWith("34") || number.startsWith("37")) ? "AMEX" : "CARTE";
	}

}
